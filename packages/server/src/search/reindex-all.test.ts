import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import type { Dialect } from '../db/create-db.ts'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import { createTicketVia } from '../tickets/ticket-test-helpers.ts'
import type { ReindexPosition } from './reindex-all.ts'
import { reindexAll } from './reindex-all.ts'
import { searchVia } from './search-test-corpus.ts'

describe.each(testDialects())('search reindex on %s', (dialect: Dialect) => {
  it('rebuilds an emptied index in resumable batches, finding what was found before', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const tickets = []
    for (let i = 0; i < 7; i++) tickets.push(await createTicketVia(app, account.agent.headers, { subject: `請求書 ${i}`, message: { body: `返品の件 ${i}` }, customer: { email: `r${i}@example.jp`, name: `再索引 ${i}` } }))
    await app.inject({ method: 'POST', url: `/api/v1/tickets/${tickets[0]!.id}/messages`, headers: account.agent.headers, payload: { kind: 'note', body: '解約防止の社内メモ' } })
    const queries: Record<string, string>[] = [{ q: '返品', type: 'message' }, { q: '請求書' }, { q: '再索引', type: 'customer' }, { q: '解約', type: 'message' }]
    const before = await Promise.all(queries.map((q) => searchVia(app, account.agent.headers, q)))
    expect(before.map((r) => r.results.length)).toEqual([7, 7, 7, 1])

    await deps.db.deleteFrom('search_documents').execute()
    if (dialect === 'sqlite') await sql`delete from search_fts`.execute(deps.db)
    expect((await searchVia(app, account.agent.headers, { q: '返品' })).results).toEqual([])

    // Stop after the first ticket batch, then resume from the reported position.
    let stoppedAt: ReindexPosition | null = null
    await expect(reindexAll(deps, {
      accountId: account.accountId, batchSize: 3,
      onBatch: (at) => {
        if (at.phase === 'tickets') {
          stoppedAt = at
          throw new Error('interrupted')
        }
      },
    })).rejects.toThrow('interrupted')
    expect(stoppedAt).not.toBeNull()
    // The bulk load turns FTS5's incremental merging off; a stopped run turns it back on.
    const automerge = async () => (await sql<{ v: number }>`select v from search_fts_config where k = 'automerge'`.execute(deps.db)).rows[0]?.v
    if (dialect === 'sqlite') expect(Number(await automerge())).toBe(4)
    const partial = await searchVia(app, account.agent.headers, { q: '返品', type: 'message' })
    expect(partial.results.length).toBe(3)
    await reindexAll(deps, { accountId: account.accountId, batchSize: 3, from: stoppedAt! })
    // Running it all again replaces, never duplicates.
    await reindexAll(deps, { accountId: account.accountId, batchSize: 4 })

    if (dialect === 'sqlite') expect(Number(await automerge())).toBe(4)
    const after = await Promise.all(queries.map((q) => searchVia(app, account.agent.headers, q)))
    const ids = (r: typeof after) => r.map((x) => x.results.map((y) => y.id).sort())
    expect(ids(after)).toEqual(ids(before))
    const count = await deps.db.selectFrom('search_documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    // 7 subjects + 7 first messages + 1 note + 7 customers (+ the fixture's none).
    expect(Number(count.n)).toBe(22)
  })
})
