import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toFts5Match, toIndexText, toQueryTerms } from '../../lib/japanese-text.ts'
import { createDb } from '../create-db.ts'
import type { Db } from '../database.ts'
import { migrateToLatest } from '../migrate.ts'
import { down, up } from './2026_11_27_1520_search_prefix_and_type.ts'

const TEXTS = ['商品の返品をお願いします。注文番号はABC-123です。', '返金額が間違っています。5000円のはずです。', 'Please refund the payment.', 'リンゴが届きません', '解約金は1万円です']
const QUERIES = ['返品', '円', '届', '"refund the payment"', '「返品をお願い」', '5000円', 'abc']

/** The FTS5 table is rebuilt from its own tokens (it keeps no text): same tokens, same positions. */
describe('search_fts rebuild with a prefix index (SQLite)', () => {
  let db: Db
  const found = async () => {
    const out: Record<string, number[]> = {}
    for (const q of QUERIES) {
      const { rows } = await sql<{ rowid: number }>`select rowid from search_fts where search_fts match ${toFts5Match(toQueryTerms(q))} order by rowid`.execute(db)
      out[q] = rows.map((r) => Number(r.rowid))
    }

    return out
  }
  beforeAll(async () => {
    db = createDb({ dialect: 'sqlite', filename: ':memory:' })
    await migrateToLatest(db)
  })
  afterAll(async () => {
    await db?.destroy()
  })

  it('finds the same rows before and after, with and without the prefix index', async () => {
    await down(db)
    for (const [i, text] of TEXTS.entries()) await sql`insert into search_fts (rowid, index_text) values (${i + 10}, ${toIndexText(text)})`.execute(db)
    const before = await found()
    expect(before).toMatchObject({ 返品: [10], 円: [11, 14], 届: [13], '"refund the payment"': [12], '「返品をお願い」': [10] })
    await up(db)
    const { rows } = await sql<{ sql: string }>`select sql from sqlite_master where name = 'search_fts'`.execute(db)
    expect(rows[0]!.sql).toContain(`prefix = '1'`)
    expect(await found()).toEqual(before)
    // Still a contentless_delete table: rows can be deleted by rowid.
    await sql`delete from search_fts where rowid = 13`.execute(db)
    expect((await found())['届']).toEqual([])
  })
})
