import SQLite from 'better-sqlite3'
import pg from 'pg'
import { newId } from '../../packages/server/src/lib/ids.ts'
import type { BenchDb } from '../lib/bench-db.ts'

/** Same as `max` of the app's pg.Pool in db/create-db.ts. */
const PG_POOL_SIZE = 10
const CREATE = `create table if not exists bench_raw_insert (
  id text primary key, account_id text not null, subject text not null, status text not null,
  customer_id text not null, created_at text not null, updated_at text not null)`
const INSERT_VALUES = ['id', 'account_id', 'subject', 'status', 'customer_id', 'created_at', 'updated_at']

function row(): string[] {
  const now = new Date().toISOString()

  return [newId(), 'acct', '注文した商品が届きません', 'new', newId(), now, now]
}

/**
 * Baseline B: how many single-row INSERTs per second the database itself takes,
 * each its own transaction (as each created ticket is), with the driver alone —
 * no HTTP, no Kysely, no validation. Same file/pragmas or same server as the app.
 */
export async function measureRawInserts(target: BenchDb, seconds: number): Promise<number> {
  const started = performance.now()
  const deadline = started + seconds * 1000
  let count = 0
  if (target.config.dialect === 'sqlite') {
    const db = new SQLite(target.config.filename)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.exec(CREATE)
    const insert = db.prepare(`insert into bench_raw_insert (${INSERT_VALUES.join(', ')}) values (?, ?, ?, ?, ?, ?, ?)`)
    while (performance.now() < deadline) {
      for (let i = 0; i < 100; i++) insert.run(row())
      count += 100
    }
    db.exec('drop table bench_raw_insert')
    db.close()
  } else {
    // As many connections as the app's pool (10): PostgreSQL commits in parallel,
    // so a single-connection loop would understate what the server can take.
    const { url, schema } = target.config
    const clients = Array.from({ length: PG_POOL_SIZE }, () =>
      new pg.Client({ connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) }))
    await Promise.all(clients.map((c) => c.connect()))
    await clients[0]!.query(CREATE)
    const text = `insert into bench_raw_insert (${INSERT_VALUES.join(', ')}) values ($1, $2, $3, $4, $5, $6, $7)`
    await Promise.all(clients.map(async (client) => {
      while (performance.now() < deadline) {
        await client.query({ name: 'bench_raw_insert', text, values: row() })
        count++
      }
    }))
    await clients[0]!.query('drop table bench_raw_insert')
    await Promise.all(clients.map((c) => c.end()))
  }

  return count / ((performance.now() - started) / 1000)
}
