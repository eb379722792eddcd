import { Migrator, PostgresAdapter, sql } from 'kysely'
import type { Db } from './database.ts'
import { migrationProvider } from './migrations/index.ts'

/**
 * Brings the schema up to date; throws with the failing migration's name.
 * Kysely's migrator lists the tables of every schema on the server; when another
 * process drops its schema at that moment (test suites, benchmarks), PostgreSQL
 * answers 3F000 "schema does not exist" about a schema that is not ours: try again.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrateOnce(db)
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code
      if (code !== '3F000' || attempt >= 5) throw error
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt))
    }
  }
}

async function migrateOnce(db: Db): Promise<string[]> {
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
