import { sql } from 'kysely'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { describe, expect, it, onTestFinished } from 'vitest'
import { withPreparedWrites } from './prepared-writes.ts'
import { rowsAsArrays } from './rows-as-arrays.ts'

const url = process.env.TEST_DATABASE_URL

interface Note {
  id: number
  body: string | null
  rank: number
}

// PostgreSQL only: unnest() of arrays is PostgreSQL's.
describe.runIf(url)('rows as arrays on PostgreSQL', () => {
  it('inserts any number of rows by one statement text, values arriving exactly as given', async () => {
    const pool = new pg.Pool({ connectionString: url, max: 1 })
    const db = new Kysely<{ notes: Note }>({ dialect: new PostgresDialect({ pool: withPreparedWrites(pool) }) })
    onTestFinished(() => db.destroy())

    await db.transaction().execute(async (trx) => {
      await sql`create temporary table notes (id int primary key, body text, rank int not null)`.execute(trx)
      const insert = (rows: Array<Record<string, unknown>>) =>
        trx.insertInto('notes').columns(['id', 'body', 'rank']).expression(rowsAsArrays(rows, ['id', 'body', 'rank'], [sql`u.id::int`, 'body', sql`u.rank::int`])).execute()
      // Characters that array literals escape, and a NULL that is not the text "NULL".
      const hostile = ['a,b', '{braces}', '"quoted"', 'back\\slash', 'NULL', '日本語　全角', '']
      await insert(hostile.map((body, i) => ({ id: i, body, rank: i * 10 })))
      await insert([{ id: 100, body: null, rank: 7 }])
      const rows = await trx.selectFrom('notes').selectAll().orderBy('id').execute()
      expect(rows).toEqual([...hostile.map((body, i) => ({ id: i, body, rank: i * 10 })), { id: 100, body: null, rank: 7 }])
      const prepared = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements where statement like '%unnest%'`.execute(trx)
      expect(prepared.rows[0]!.n).toBe(1)
    })
  })

  it('refuses a row with a missing or an extra column, or a value that is not text, a number or null', () => {
    expect(() => rowsAsArrays([{ id: 1 }], ['id', 'body'])).toThrow(/body is missing/)
    expect(() => rowsAsArrays([{ id: 1, body: 'x', extra: 1 }], ['id', 'body'])).toThrow(/other columns/)
    expect(() => rowsAsArrays([{ id: 1, body: { a: 1 } }], ['id', 'body'])).toThrow(/body is object/)
  })
})
