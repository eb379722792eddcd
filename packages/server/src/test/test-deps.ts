import os from 'node:os'
import path from 'node:path'
import fs from 'node:fs'
import pino from 'pino'
import pg from 'pg'
import { sql } from 'kysely'
import { loadConfig } from '../config.ts'
import type { Config } from '../config.ts'
import type { Dialect } from '../db/create-db.ts'
import { createDb } from '../db/create-db.ts'
import { migrateToLatest } from '../db/migrate.ts'
import type { Deps } from '../deps.ts'
import type { Clock } from '../lib/clock.ts'
import { systemClock } from '../lib/clock.ts'
import { randomToken } from '../lib/hash.ts'
import { createInProcessBus } from '../realtime/realtime-bus.ts'
import { createTransact } from '../db/transact.ts'

/**
 * Kysely's migrator introspects every schema on the server; if another test file
 * drops its schema at that moment the introspection fails (3F000). Migrations and
 * schema drops of test databases therefore take turns under one advisory lock.
 */
const SCHEMA_CHANGE_LOCK = 727_001

export async function withSchemaLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('select pg_advisory_lock($1)', [SCHEMA_CHANGE_LOCK])

    return await work()
  } finally {
    await client.query('select pg_advisory_unlock($1)', [SCHEMA_CHANGE_LOCK]).catch(() => undefined)
    await client.end()
  }
}

export interface TestDeps extends Deps {
  /** Drops the test database (SQLite file or PostgreSQL schema). */
  cleanup(): Promise<void>
}

/**
 * A fresh, migrated database for one test file: a temporary SQLite file, or a new
 * schema on the PostgreSQL server named by TEST_DATABASE_URL.
 */
export async function createTestDeps(dialect: Dialect, options: { clock?: Clock; config?: Partial<Config> } = {}): Promise<TestDeps> {
  const baseConfig = loadConfig({ LOG_LEVEL: 'silent', MADOGUCHI_DEMO: '0' })
  let cleanupDb: () => Promise<void>
  let config: Config
  if (dialect === 'postgres') {
    const url = process.env.TEST_DATABASE_URL
    if (!url) throw new Error('TEST_DATABASE_URL is not set')
    const schema = `t_${randomToken(8).toLowerCase().replace(/[^a-z0-9]/g, '')}`
    const admin = createDb({ dialect: 'postgres', url })
    await sql`create schema ${sql.id(schema)}`.execute(admin)
    await admin.destroy()
    config = { ...baseConfig, ...options.config, database: { dialect: 'postgres', url, schema } }
    cleanupDb = async () => {
      const dropper = createDb({ dialect: 'postgres', url })
      await withSchemaLock(url, () => sql`drop schema if exists ${sql.id(schema)} cascade`.execute(dropper))
      await dropper.destroy()
    }
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'madoguchi-test-'))
    config = { ...baseConfig, ...options.config, dataDir: dir, database: { dialect: 'sqlite', filename: path.join(dir, 'test.db') } }
    cleanupDb = async () => fs.rmSync(dir, { recursive: true, force: true })
  }
  const db = createDb(config.database)
  const database = config.database
  if (database.dialect === 'postgres') await withSchemaLock(database.url, () => migrateToLatest(db))
  else await migrateToLatest(db)

  return {
    db,
    dialect,
    transact: createTransact(db, dialect),
    clock: options.clock ?? systemClock,
    logger: pino({ level: 'silent' }),
    config,
    realtime: createInProcessBus(),
    async cleanup() {
      await db.destroy()
      await cleanupDb()
    },
  }
}
