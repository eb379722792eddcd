import { Migrator, PostgresAdapter, sql } from 'kysely'
import type { Db } from './database.ts'
import { migrationProvider } from './migrations/index.ts'

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  // Kysely looks for its migration tables in every schema unless told which one; on a
  // PostgreSQL server that hosts other schemas (tests, benchmarks) it would find theirs.
  const schema = db.getExecutor().adapter instanceof PostgresAdapter
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
    : undefined
  const migrator = new Migrator({ db, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error })
  }

  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
