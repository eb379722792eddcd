import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app.ts'
import type { Dialect } from '../db/create-db.ts'
import { testDialects } from '../test/dialects.ts'
import type { TestAccount } from '../test/fixtures.ts'
import { seedTestAccount } from '../test/fixtures.ts'
import type { TestDeps } from '../test/test-deps.ts'
import { createTestDeps } from '../test/test-deps.ts'
import type { Corpus } from './search-test-corpus.ts'
import { TICKET_QUERIES, searchVia, seedCorpus } from './search-test-corpus.ts'

/** The query table through GET /api/v1/search, the same expectations on every dialect. */
describe.each(testDialects())('search query table on %s', (dialect: Dialect) => {
  let deps: TestDeps
  let app: FastifyInstance
  let account: TestAccount
  let corpus: Corpus
  const keyOf = (ticketId: string) => Object.entries(corpus.tickets).find(([, t]) => t.id === ticketId)?.[0] ?? ticketId

  beforeAll(async () => {
    deps = await createTestDeps(dialect)
    app = await buildApp(deps)
    account = await seedTestAccount(deps)
    corpus = await seedCorpus(app, account.agent.headers)
  })
  afterAll(async () => {
    await app?.close()
    await deps?.cleanup()
  })

  it.each(TICKET_QUERIES)('%s finds tickets %j', async (q, expected) => {
    const { results, nextCursor } = await searchVia(app, account.agent.headers, { q, type: 'ticket' })
    expect(results.map((r) => keyOf(r.id)).sort()).toEqual([...expected].sort())
    expect(results.every((r) => r.type === 'ticket' && r.ticketId === r.id)).toBe(true)
    expect(nextCursor).toBeNull()
  })

  it('lists a ticket once even when its subject and several messages match', async () => {
    const { results } = await searchVia(app, account.agent.headers, { q: 'refund' })
    expect(results).toHaveLength(1)
    expect(results[0]).toMatchObject({ type: 'ticket', id: corpus.tickets.t7!.id, title: 'T07', ticketNumber: corpus.tickets.t7!.number })
  })

  it('type=message lists the matching messages with their ticket', async () => {
    const { results } = await searchVia(app, account.agent.headers, { q: 'refund', type: 'message' })
    expect(results).toHaveLength(2)
    expect(results.map((r) => r.ticketId)).toEqual([corpus.tickets.t7!.id, corpus.tickets.t7!.id])
    expect(results.map((r) => r.snippetText).sort()).toEqual(['Please cancel my subscription and refund the payment.', 'We have processed your refund.'])
  })

  it('highlights matches in an HTML-escaped snippet, with offsets into the plain text', async () => {
    const kana = await searchVia(app, account.agent.headers, { q: 'キャンセル', type: 'message' })
    expect(kana.results[0]).toMatchObject({ snippet: '<mark>ｷｬﾝｾﾙ</mark>希望です（ﾈｯﾄ注文）', highlights: [[0, 5]] })
    const html = await searchVia(app, account.agent.headers, { q: '在庫 script', type: 'message' })
    expect(html.results[0]!.snippet).toBe('&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt; <mark>在庫</mark> &amp; 入荷')
    const { snippetText, highlights } = html.results[0]!
    expect(highlights.map(([s, e]) => snippetText.slice(s, e))).toEqual(['script', 'script', '在庫'])
    const phrase = await searchVia(app, account.agent.headers, { q: '"iPhone 15の修理"', type: 'message' })
    expect(phrase.results[0]!.snippet).toBe('<mark>iPhone 15の修理</mark>を依頼したいです')
  })

  it('finds customers by name, reading (half-width too) and CRN', async () => {
    const created = await app.inject({
      method: 'POST', url: '/api/v1/customers', headers: account.agent.headers,
      payload: { displayName: '山田 花子', familyName: '山田', givenName: '花子', familyNameKana: 'ヤマダ', givenNameKana: 'ハナコ' },
    })
    expect(created.statusCode, created.body).toBe(201)
    const customer = created.json() as { id: string; crn: string }
    for (const q of ['山田', 'ﾔﾏﾀﾞ', 'ハナコ', customer.crn, '花子']) {
      const { results } = await searchVia(app, account.agent.headers, { q, type: 'customer' })
      expect(results.map((r) => r.id), q).toEqual([customer.id])
      expect(results[0]!.title).toBe('山田 花子')
    }
    const renamed = await app.inject({ method: 'PATCH', url: `/api/v1/customers/${customer.id}`, headers: account.agent.headers, payload: { displayName: '鈴木 花子', familyName: '鈴木' } })
    expect(renamed.statusCode, renamed.body).toBe(200)
    expect((await searchVia(app, account.agent.headers, { q: '鈴木', type: 'customer' })).results.map((r) => r.id)).toEqual([customer.id])
    // The reading was not changed, the family name was.
    expect((await searchVia(app, account.agent.headers, { q: '山田', type: 'customer' })).results).toEqual([])
  })

  it('filters by status, channel and updatedSince', async () => {
    const t1 = corpus.tickets.t1!
    const solved = await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${t1.id}`, headers: account.agent.headers, payload: { status: 'solved' } })
    expect(solved.statusCode, solved.body).toBe(200)
    expect((await searchVia(app, account.agent.headers, { q: '注文', status: 'solved' })).results.map((r) => r.id)).toEqual([t1.id])
    expect((await searchVia(app, account.agent.headers, { q: '注文', channel: 'phone' })).results).toEqual([])
    expect((await searchVia(app, account.agent.headers, { q: '注文', channel: 'email' })).results).toHaveLength(2)
    expect((await searchVia(app, account.agent.headers, { q: '注文', updatedSince: '2999-01-01T00:00:00Z' })).results).toEqual([])
  })

  it('a changed subject is found by its new words only', async () => {
    const t13 = corpus.tickets.t13!
    const res = await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${t13.id}`, headers: account.agent.headers, payload: { subject: '請求書の宛名' } })
    expect(res.statusCode, res.body).toBe(200)
    expect((await searchVia(app, account.agent.headers, { q: '宛名', type: 'ticket' })).results.map((r) => r.id)).toEqual([t13.id])
    expect((await searchVia(app, account.agent.headers, { q: 'T13', type: 'ticket' })).results).toEqual([])
  })

  it('subjects changed by requests that commit together: the index follows the last one', async () => {
    // On SQLite the three edits share one group commit, their index changes written at its end.
    const t12 = corpus.tickets.t12!
    const subjects = ['宛先変更一', '宛先変更二', '宛先変更三']
    const answers = await Promise.all(subjects.map((subject) => app.inject({ method: 'PATCH', url: `/api/v1/tickets/${t12.id}`, headers: account.agent.headers, payload: { subject } })))
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200])
    const final = (await app.inject({ method: 'GET', url: `/api/v1/tickets/${t12.id}`, headers: account.agent.headers })).json() as { subject: string }
    for (const subject of subjects) {
      const found = (await searchVia(app, account.agent.headers, { q: subject, type: 'ticket' })).results.map((r) => r.id)
      expect(found, subject).toEqual(subject === final.subject ? [t12.id] : [])
    }
  })
})
