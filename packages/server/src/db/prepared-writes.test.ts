import { sql } from 'kysely'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { describe, expect, it, onTestFinished } from 'vitest'
import { withPreparedWrites } from './prepared-writes.ts'

const url = process.env.TEST_DATABASE_URL

// PostgreSQL only: SQLite statements are prepared by the statement cache in create-db.ts.
describe.runIf(url)('prepared writes on PostgreSQL', () => {
  it('runs writes as named statements, once parsed per connection, and leaves reads unnamed', async () => {
    const pool = new pg.Pool({ connectionString: url, max: 1 })
    const db = new Kysely<{ t: { id: number; note: string } }>({ dialect: new PostgresDialect({ pool: withPreparedWrites(pool) }) })
    onTestFinished(() => db.destroy())

    await db.transaction().execute(async (trx) => {
      await sql`create temporary table t (id int primary key, note text)`.execute(trx)
      for (let i = 0; i < 3; i++) await trx.insertInto('t').values({ id: i, note: `n${i}` }).execute()
      await trx.updateTable('t').set({ note: 'changed' }).where('id', '=', 1).execute()
      await trx.with('gone', (w) => w.deleteFrom('t').where('id', '=', 2).returning('id')).selectFrom('gone').select('id').execute()
      expect(await trx.selectFrom('t').select(['id', 'note']).orderBy('id').execute()).toEqual([
        { id: 0, note: 'n0' },
        { id: 1, note: 'changed' },
      ])
      const statements = await sql<{ statement: string }>`select statement from pg_prepared_statements order by statement`.execute(trx)
      const kinds = statements.rows.map((r) => r.statement.trim().split(/\s+/)[0]!.toLowerCase())
      // Three inserts share one statement; the select and the DDL were not prepared.
      expect(kinds.sort()).toEqual(['insert', 'update', 'with'])
    })
  })
})
