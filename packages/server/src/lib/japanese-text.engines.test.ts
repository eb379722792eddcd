import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Dialect } from '../db/create-db.ts'
import { testDialects } from '../test/dialects.ts'
import type { TestDeps } from '../test/test-deps.ts'
import { createTestDeps } from '../test/test-deps.ts'
import { toFts5Match, toIndexText, toQueryTerms, toTsQuery } from './japanese-text.ts'

/**
 * The same documents and queries through the real engines: SQLite FTS5 with its
 * stock unicode61 and ascii tokenizers, and PostgreSQL to_tsvector('simple', …) with a GIN
 * index. Each query must find exactly the listed documents on both.
 */
const DOCS: Record<number, string> = {
  1: '商品の返品をお願いします。注文番号はABC-123です。',
  2: '解約の手続きについて教えてください。',
  3: '返金額が間違っています。5000円のはずです。',
  4: '返金はいつになりますか？',
  5: 'iPhone 15の修理を依頼したいです',
  6: 'ｷｬﾝｾﾙ希望です（ﾈｯﾄ注文）',
  7: 'Please cancel my subscription and refund the payment.',
  8: 'The café order arrived damaged; I want a replacement.',
  9: 'ＭａｃＢｏｏｋ　Ｐｒｏの画面が割れました',
  10: '配送先の住所を変更したい。東京都港区',
  11: 'お問い合わせ: yamada.taro@example.co.jp',
  12: '品返しの儀式について',
  13: '金額を確認しました',
  14: '解約金は1万円です',
  15: 'リンゴが届きません',
  16: '修理 iPhone 予約',
}

const QUERIES: [query: string, found: number[]][] = [
  ['返品', [1]], // not 12 (品返し)
  ['解約', [2, 14]],
  ['返金', [3, 4]], // not 13 (金額 only)
  ['返金額', [3]],
  ['金額', [3, 13]],
  ['円', [3, 14]],
  ['5000円', [3]],
  ['iPhone 修理', [5, 16]],
  ['iPhone修理', [5, 16]],
  ['"iPhone 15の修理"', [5]],
  ['"修理 iPhone"', [16]],
  ['修理 予約', [16]],
  ['iphone', [5, 16]],
  ['ＩＰＨＯＮＥ', [5, 16]],
  ['キャンセル', [6]],
  ['ｷｬﾝｾﾙ', [6]],
  ['ネット注文', [6]],
  ['注文', [1, 6]],
  ['cancel', [7]],
  ['refund', [7]],
  ['Refund payment', [7]],
  ['"refund the payment"', [7]],
  ['"payment refund"', []],
  ['cafe', [8]],
  ['CAFÉ', [8]],
  ['macbook', [9]],
  ['MacBook Pro', [9]],
  ['画面', [9]],
  ['割れ', [9]],
  ['割', [9]],
  ['住所 変更', [10]],
  ['東京', [10]],
  ['港区', [10]],
  ['区', [10]],
  ['約', [2, 14, 16]], // 16: 予約
  ['ABC-123', [1]],
  ['yamada.taro@example.co.jp', [11]],
  ['example.co.jp', [11]],
  ['yamada', [11]],
  ['リンゴ', [15]],
  ['りんご', []], // no kana folding (see japanese-text.ts)
  ['届き', [15]],
  ['品返し', [12]],
  ['「返品をお願い」', [1]],
  ['返品 解約', []],
  ['手続き', [2]],
  ['番号', [1]],
  ['お問い合わせ', [11]],
]

async function createIndex(deps: TestDeps): Promise<void> {
  if (deps.dialect === 'sqlite') {
    // The same text under FTS5's two stock tokenizers; they must agree.
    await sql`create virtual table search_probe using fts5(body, tokenize = 'unicode61')`.execute(deps.db)
    await sql`create virtual table search_probe_ascii using fts5(body, tokenize = 'ascii')`.execute(deps.db)
    for (const [id, text] of Object.entries(DOCS)) {
      await sql`insert into search_probe (rowid, body) values (${Number(id)}, ${toIndexText(text)})`.execute(deps.db)
      await sql`insert into search_probe_ascii (rowid, body) values (${Number(id)}, ${toIndexText(text)})`.execute(deps.db)
    }
  } else {
    await sql`create table search_probe (id integer primary key, body text not null)`.execute(deps.db)
    await sql`create index search_probe_gin on search_probe using gin (to_tsvector('simple', body))`.execute(deps.db)
    for (const [id, text] of Object.entries(DOCS)) {
      await sql`insert into search_probe (id, body) values (${Number(id)}, ${toIndexText(text)})`.execute(deps.db)
    }
  }
}

async function search(deps: TestDeps, query: string): Promise<number[]> {
  const terms = toQueryTerms(query)
  if (terms.length === 0) return []
  if (deps.dialect === 'sqlite') {
    const match = toFts5Match(terms)
    const unicode = await sql<{ id: number }>`select rowid as id from search_probe where search_probe match ${match} order by rowid`.execute(deps.db)
    const ascii = await sql<{ id: number }>`select rowid as id from search_probe_ascii where search_probe_ascii match ${match} order by rowid`.execute(deps.db)
    expect(ascii.rows).toEqual(unicode.rows)

    return unicode.rows.map((r) => Number(r.id))
  }
  const result = await sql<{ id: number }>`select id from search_probe where to_tsvector('simple', body) @@ to_tsquery('simple', ${toTsQuery(terms)}) order by id`.execute(deps.db)

  return result.rows.map((r) => Number(r.id))
}

describe.each(testDialects())('Japanese-aware search on %s', (dialect: Dialect) => {
  let deps: TestDeps
  beforeAll(async () => {
    deps = await createTestDeps(dialect)
    await createIndex(deps)
  })
  afterAll(async () => deps?.cleanup())

  it.each(QUERIES)('%s finds %j', async (query, expected) => {
    expect(await search(deps, query)).toEqual(expected)
  })

  it('stores exactly our tokens (the engine splits nothing further)', async () => {
    const text = toIndexText(DOCS[9]! + DOCS[11]! + DOCS[5]!)
    if (dialect === 'postgres') {
      // Every token at its own position: the parser kept each one whole.
      const { rows } = await sql<{ lexeme: string; positions: number[] }>`select lexeme, positions from unnest(to_tsvector('simple', ${text}))`.execute(deps.db)
      const positions = new Map(rows.map((r) => [r.lexeme, r.positions.map(Number)]))
      text.split(' ').forEach((token, i) => expect(positions.get(token)).toContain(i + 1))
    } else {
      await sql`create virtual table probe_vocab using fts5vocab(search_probe, 'row')`.execute(deps.db)
      await sql`insert into search_probe (rowid, body) values (100, ${text})`.execute(deps.db)
      const { rows } = await sql<{ term: string }>`select term from probe_vocab`.execute(deps.db)
      const vocabulary = new Set(rows.map((r) => r.term))
      for (const token of text.split(' ')) expect(vocabulary.has(token)).toBe(true)
    }
  })
})
