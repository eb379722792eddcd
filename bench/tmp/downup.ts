import { Migrator, PostgresAdapter, sql } from 'kysely'
import { createTestDeps } from '../../packages/server/src/test/test-deps.ts'
import { migrationProvider } from '../../packages/server/src/db/migrations/index.ts'
for (const dialect of ['sqlite', 'postgres'] as const) {
  const deps = await createTestDeps(dialect)
  const schema = deps.db.getExecutor().adapter instanceof PostgresAdapter ? (await sql<{ s: string }>`select current_schema() as s`.execute(deps.db)).rows[0]!.s : undefined
  const m = new Migrator({ db: deps.db, provider: migrationProvider, migrationTableSchema: schema })
  const down = await m.migrateDown(); if (down.error) throw down.error
  console.log(dialect, 'down', down.results?.map((r) => `${r.migrationName}:${r.status}`))
  const up = await m.migrateToLatest(); if (up.error) throw up.error
  console.log(dialect, 'up', up.results?.map((r) => `${r.migrationName}:${r.status}`))
  await deps.cleanup()
}
