import { describe, expect, it } from 'vitest'
import type { Dialect } from '../db/create-db.ts'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import { createTicketVia } from '../tickets/ticket-test-helpers.ts'
import { searchEverything } from './search-everything.ts'
import { searchVia } from './search-test-corpus.ts'

describe.each(testDialects())('search access and freshness on %s', (dialect: Dialect) => {
  it('a partner finds only its teams\' tickets, messages and customers; others find all', async () => {
    const { app, account } = await startTestApp(dialect)
    const ours = await createTicketVia(app, account.admin.headers, { teamId: account.partnerTeamId, message: { body: '配送遅延のお詫び' }, customer: { email: 'p1@example.jp', name: '委託 顧客' } })
    const theirs = await createTicketVia(app, account.admin.headers, { teamId: account.teamId, message: { body: '配送遅延について' }, customer: { email: 'p2@example.jp', name: '社内 顧客' } })

    const partner = await searchVia(app, account.partner.headers, { q: '配送遅延' })
    expect(partner.results.map((r) => r.id)).toEqual([ours.id])
    const messages = await searchVia(app, account.partner.headers, { q: '配送遅延', type: 'message' })
    expect(messages.results.map((r) => r.ticketId)).toEqual([ours.id])
    const customers = await searchVia(app, account.partner.headers, { q: '顧客', type: 'customer' })
    expect(customers.results.map((r) => r.id)).toEqual([ours.customer.id])
    const agent = await searchVia(app, account.agent.headers, { q: '配送遅延' })
    expect(agent.results.map((r) => r.id).sort()).toEqual([ours.id, theirs.id].sort())

    // Moving a ticket into the partner's team brings its messages along.
    const moved = await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${theirs.id}`, headers: account.admin.headers, payload: { teamId: account.partnerTeamId } })
    expect(moved.statusCode, moved.body).toBe(200)
    expect((await searchVia(app, account.partner.headers, { q: '配送遅延', type: 'message' })).results).toHaveLength(2)
    // teamId filter for everyone else.
    expect((await searchVia(app, account.agent.headers, { q: '配送遅延', teamId: account.teamId })).results).toEqual([])
  })

  it('a message posted through the API is found by the very next search', async () => {
    const { app, account } = await startTestApp(dialect)
    const ticket = await createTicketVia(app, account.agent.headers)
    for (const [i, word] of ['ワイヤレスイヤホン', 'firmware', '領収証'].entries()) {
      const posted = await app.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/messages`, headers: account.agent.headers, payload: { kind: i === 1 ? 'note' : 'reply', body: `${word} の件 ${i}` } })
      expect(posted.statusCode, posted.body).toBe(201)
      const { results } = await searchVia(app, account.agent.headers, { q: word, type: 'message' })
      expect(results.map((r) => r.id)).toEqual([(posted.json() as { id: string }).id])
    }
  })

  it('internal notes are left out of customer-facing search', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const ticket = await createTicketVia(app, account.agent.headers, { message: { body: '返品したいです' } })
    await app.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/messages`, headers: account.agent.headers, payload: { kind: 'note', body: '返品理由は社内で確認中' } })
    const viewer = { accountId: account.accountId, agentId: account.agent.id, role: 'agent' as const, teamIds: [account.teamId] }
    const input = { q: '返品', type: 'message' as const, limit: 20 }
    expect((await searchEverything(deps, viewer, input)).results).toHaveLength(2)
    const customerFacing = await searchEverything(deps, viewer, input, { visibilities: ['public', 'customer'] })
    expect(customerFacing.results.map((r) => r.snippetText)).toEqual(['返品したいです'])
  })

  it('bad queries answer 422 or nothing, never 500', async () => {
    const { app, account } = await startTestApp(dialect)
    await createTicketVia(app, account.agent.headers, { message: { body: '解約したい' } })
    const get = (query: Record<string, string>) => app.inject({ method: 'GET', url: '/api/v1/search', headers: account.agent.headers, query })
    expect((await get({ q: 'x'.repeat(10_000) })).statusCode).toBe(422)
    expect((await get({})).statusCode).toBe(422)
    expect((await get({ q: '解約', cursor: 'not-a-cursor' })).statusCode).toBe(422)
    expect((await get({ q: '解約', limit: '0' })).statusCode).toBe(422)
    expect((await get({ q: '解約', type: 'everything' })).statusCode).toBe(422)
    for (const q of ['"', '「', '""', '*', 'NEAR(a b)', 'a OR b', "' or 1=1 --", '\\', ':*', '(((', '解約 AND', '-解約', '^解約', 'x'.repeat(500), '解'.repeat(300), '🙂']) {
      const res = await get({ q })
      expect(res.statusCode, `${q}: ${res.body}`).toBe(200)
    }
    expect((await searchVia(app, account.agent.headers, { q: '「解約' })).results).toHaveLength(1)
    expect((await app.inject({ method: 'GET', url: '/api/v1/search?q=x' })).statusCode).toBe(401)
  })

  it('pages through more matches than one ranking window, each ticket once', async () => {
    const { app, account } = await startTestApp(dialect)
    const ids: string[] = []
    for (let i = 0; i < 70; i++) ids.push((await createTicketVia(app, account.agent.headers, { message: { body: `在庫の確認 ${i}` } })).id)
    // The oldest tickets get newer matching messages: they must not show up twice.
    for (const id of ids.slice(0, 40)) {
      const res = await app.inject({ method: 'POST', url: `/api/v1/tickets/${id}/messages`, headers: account.agent.headers, payload: { kind: 'reply', body: '在庫を確認しました' } })
      expect(res.statusCode).toBe(201)
    }
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page = await searchVia(app, account.agent.headers, { q: '在庫', type: 'ticket', limit: 30, ...(cursor && { cursor }) })
      expect(page.results.length).toBeLessThanOrEqual(30)
      seen.push(...page.results.map((r) => r.id))
      cursor = page.nextCursor
      pages++
    } while (cursor && pages < 20)
    expect(seen.length).toBe(70)
    expect(new Set(seen)).toEqual(new Set(ids))
    // type=message: every matching message exactly once.
    const messages: string[] = []
    cursor = null
    do {
      const page = await searchVia(app, account.agent.headers, { q: '在庫', type: 'message', limit: 50, ...(cursor && { cursor }) })
      messages.push(...page.results.map((r) => r.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(new Set(messages).size).toBe(110)
    expect(messages.length).toBe(110)
  })
})
