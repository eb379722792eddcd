import { Migrator } from 'kysely'
import type { Db } from './database.ts'
import { migrationProvider } from './migrations/index.ts'

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error })
  }

  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
