import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { onTestFinished } from 'vitest'
import { createDb } from '../db/create-db.ts'
import type { Dialect } from '../db/create-db.ts'
import { randomToken } from '../lib/hash.ts'
import { withSchemaLock } from '../test/test-deps.ts'
import type { CliIo } from './cli-io.ts'

/**
 * The environment an operator would give the CLI, pointing at a fresh database: a
 * SQLite file in a temporary folder, or a new PostgreSQL schema (via the URL's
 * `options=-c search_path=…`, which is also how a deployment would pick a schema).
 */
export async function cliTestEnv(dialect: Dialect, extra: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'madoguchi-cli-'))
  let databaseUrl = path.join(dir, 'cli.db')
  let dropSchema = async () => {}
  if (dialect === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!
    const schema = `cli_${randomToken(8).toLowerCase().replace(/[^a-z0-9]/g, '')}`
    const admin = createDb({ dialect: 'postgres', url })
    await sql`create schema ${sql.id(schema)}`.execute(admin)
    await admin.destroy()
    databaseUrl = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
    dropSchema = async () => {
      const dropper = createDb({ dialect: 'postgres', url })
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(dropper)
      await dropper.destroy()
    }
  }
  onTestFinished(async () => {
    await dropSchema()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  return { DATABASE_URL: databaseUrl, MADOGUCHI_DATA_DIR: dir, LOG_LEVEL: 'silent', MADOGUCHI_DEMO: '0', PORT: '0', HOST: '127.0.0.1', ...extra }
}

/** A CLI io that records what the operator would read. */
export function recordingIo(env: NodeJS.ProcessEnv, locale: 'ja' | 'en' = 'en'): CliIo & { stdout: string[]; stderr: string[]; text(): string } {
  const stdout: string[] = []
  const stderr: string[] = []

  return { out: (l) => stdout.push(l), err: (l) => stderr.push(l), locale, env, stdout, stderr, text: () => [...stdout, ...stderr].join('\n') }
}

/**
 * Runs a CLI command that migrates (they all do) in turn with the other test files'
 * schema changes: Kysely's migrator reads every schema of the server, and fails if
 * one is dropped meanwhile (test-deps.ts). A no-op on SQLite.
 */
export function inTurn<T>(io: CliIo, work: () => Promise<T>): Promise<T> {
  const url = process.env.TEST_DATABASE_URL

  return url && io.env.DATABASE_URL?.startsWith('postgres') ? withSchemaLock(url, work) : work()
}
