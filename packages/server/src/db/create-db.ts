import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import type { SqliteDatabase } from 'kysely'
import type { DatabaseConfig } from '../config.ts'
import type { Db } from './database.ts'
import { withPreparedWrites } from './prepared-writes.ts'

// COUNT(*) and BIGINT columns come back from pg as strings; every bigint we store
// (epoch milliseconds, counters) fits a JS number, so parse them as numbers.
pg.types.setTypeParser(20, (value) => Number(value))

export type Dialect = DatabaseConfig['dialect']

export function createDb(config: DatabaseConfig): Db {
  if (config.dialect === 'postgres') {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: 10,
      ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
    })

    return new Kysely({ dialect: new PostgresDialect({ pool: withPreparedWrites(pool) }) })
  }
  if (config.filename !== ':memory:') fs.mkdirSync(path.dirname(config.filename), { recursive: true })
  const sqlite = new SQLite(config.filename)
  // WAL lets readers run while the single writer commits; NORMAL is durable in WAL
  // mode against process crashes (only an OS crash can lose the last commits).
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // Each unit of a group commit runs in a SAVEPOINT (transact.ts), so every page it
  // touches is first copied to the sub-journal; past 64 KiB SQLite spills that to a
  // temporary file, one write() per page. In memory instead: POST /tickets went
  // from 0.65-0.69 to 0.56-0.57 ms of server CPU per ticket (docs/benchmarks.md).
  // Also keeps sorts and temporary b-trees in memory; our queries page through
  // indexes, so they stay small.
  sqlite.pragma('temp_store = MEMORY')
  // Without planner statistics SQLite may pick an index that matches only
  // `account_id` and scan a whole tenant (seen: customer lookups at 1.3 s on 1M
  // tickets). optimize gathers them where useful, cheaply and within a time limit.
  sqlite.pragma('optimize = 0x10002')

  return new Kysely({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
}

const STATEMENT_CACHE_SIZE = 500

/**
 * Kysely prepares every query anew; better-sqlite3 statements are reusable, and
 * re-preparing was about a third of the CPU of a ticket creation. Kysely runs one
 * query at a time on the single connection, so a cached statement is never busy.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>()

  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql)
      if (!statement) {
        statement = sqlite.prepare(sql)
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!)
        cache.set(sql, statement)
      }

      return statement as unknown as ReturnType<SqliteDatabase['prepare']>
    },
  }
}
