import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import type { DatabaseConfig } from '../../packages/server/src/config.ts'
import type { Dialect } from '../../packages/server/src/db/create-db.ts'
import { createDb } from '../../packages/server/src/db/create-db.ts'
import type { Db } from '../../packages/server/src/db/database.ts'
import { migrateToLatest } from '../../packages/server/src/db/migrate.ts'

/** bench/.data/ (git-ignored): SQLite files and results that survive between runs. */
export const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.data')

export interface BenchDb {
  dialect: Dialect
  /** What a server child process needs to open the same database. */
  config: DatabaseConfig
  db: Db
  /** True when the database existed before (reused), false when just created. */
  reused: boolean
  close(): Promise<void>
}

function sqliteFile(name: string): string {
  return path.join(DATA_DIR, `${name}.db`)
}

/** Removes a benchmark database (file or schema) so the next open starts empty. */
export async function dropBenchDb(dialect: Dialect, name: string, pgUrl: string): Promise<void> {
  if (dialect === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(sqliteFile(name) + suffix, { force: true })

    return
  }
  const admin = createDb({ dialect: 'postgres', url: pgUrl })
  await sql`drop schema if exists ${sql.id(`bench_${name}`)} cascade`.execute(admin)
  await admin.destroy()
}

/**
 * Opens (creating when missing) a benchmark database: a SQLite file under
 * bench/.data/ or a `bench_<name>` schema on PostgreSQL, brought up to date by the
 * real migrator.
 */
export async function openBenchDb(dialect: Dialect, name: string, pgUrl: string, options: { fresh?: boolean } = {}): Promise<BenchDb> {
  if (options.fresh) await dropBenchDb(dialect, name, pgUrl)
  let config: DatabaseConfig
  let reused: boolean
  if (dialect === 'sqlite') {
    fs.mkdirSync(DATA_DIR, { recursive: true })
    reused = fs.existsSync(sqliteFile(name))
    config = { dialect: 'sqlite', filename: sqliteFile(name) }
  } else {
    const schema = `bench_${name}`
    const admin = createDb({ dialect: 'postgres', url: pgUrl })
    const found = await sql<{ n: number }>`select count(*)::int as n from information_schema.schemata where schema_name = ${schema}`.execute(admin)
    reused = (found.rows[0]?.n ?? 0) > 0
    if (!reused) await sql`create schema ${sql.id(schema)}`.execute(admin)
    await admin.destroy()
    config = { dialect: 'postgres', url: pgUrl, schema }
  }
  const db = createDb(config)
  await migrateToLatest(db)

  return { dialect, config, db, reused, close: () => db.destroy() }
}
