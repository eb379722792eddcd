import { describe, expect, it } from 'vitest'
import { TICKET_COUNT_CAP, TICKET_COUNTS_MAX } from '@madoguchi/shared'
import { CompiledQuery, sql } from 'kysely'
import { newId } from '../lib/ids.ts'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import { filteredTickets, ticketScope } from './ticket-filter.ts'
import { createTicketVia } from './ticket-test-helpers.ts'

type Inject = Awaited<ReturnType<typeof startTestApp>>['app']

async function count(app: Inject, headers: Record<string, string>, query: string): Promise<{ count: number; capped: boolean }> {
  const res = await app.inject({ url: `/api/v1/tickets/count?${query}`, headers })
  expect(res.statusCode, res.body).toBe(200)

  return res.json()
}

describe.each(testDialects())('GET /tickets/count on %s', (dialect) => {
  it('counts exactly what the list shows, with the same filters and visibility', async () => {
    const { app, account } = await startTestApp(dialect)
    const h = account.agent.headers
    for (let i = 0; i < 7; i++) {
      await createTicketVia(app, h, { priority: i % 2 ? 'high' : 'low', tags: i < 3 ? ['返金'] : [], teamId: i % 3 === 0 ? account.partnerTeamId : account.teamId, assigneeId: i === 1 ? account.agent.id : null })
    }
    const listed = async (headers: Record<string, string>, query: string) => {
      const res = await app.inject({ url: `/api/v1/tickets?limit=100&${query}`, headers })

      return (res.json() as { items: unknown[] }).items.length
    }
    for (const query of ['', 'status=new', 'status=new,open', 'priority=high', 'tag=返金', 'assigneeId=me', 'assigneeId=none', `teamId=${account.partnerTeamId}`, 'teamId=mine', 'q=注文', 'channel=line']) {
      expect(await count(app, h, query), query).toEqual({ count: await listed(h, query), capped: false })
    }
    expect((await count(app, h, '')).count).toBe(7)
    expect((await count(app, h, 'priority=high&tag=返金')).count).toBe(1)
    // A partner counts only its own teams' tickets, as it lists them.
    const p = account.partner.headers
    expect(await count(app, p, '')).toEqual({ count: 3, capped: false })
    expect(await count(app, p, `teamId=${account.teamId}`)).toEqual({ count: 0, capped: false })
    expect((await app.inject({ url: '/api/v1/tickets/count?status=nope', headers: h })).statusCode).toBe(422)
    expect((await app.inject({ url: '/api/v1/tickets/count?limit=5', headers: h })).statusCode).toBe(422)
    expect((await app.inject({ url: '/api/v1/tickets/count' })).statusCode).toBe(401)
  })

  it('counts several views in one request, in their order, each as GET /tickets/count does', async () => {
    const { app, account } = await startTestApp(dialect)
    const h = account.agent.headers
    for (let i = 0; i < 5; i++) await createTicketVia(app, h, { priority: i < 2 ? 'high' : 'low', teamId: i === 0 ? account.partnerTeamId : account.teamId, assigneeId: i === 1 ? account.agent.id : null })
    const views = [{ status: ['new', 'open'] }, { assigneeId: 'me' }, { priority: 'high' }, { teamId: account.partnerTeamId }, { status: 'new,open', assigneeId: 'none' }, { channel: 'line' }]
    const counts = async (headers: Record<string, string>, body: unknown) => app.inject({ method: 'POST', url: '/api/v1/tickets/counts', headers, payload: body as object })
    const res = await counts(h, { views })
    expect(res.statusCode, res.body).toBe(200)
    const one = ['status=new,open', 'assigneeId=me', 'priority=high', `teamId=${account.partnerTeamId}`, 'status=new,open&assigneeId=none', 'channel=line']
    expect(res.json()).toEqual({ counts: await Promise.all(one.map((q) => count(app, h, q))) })
    expect(res.json().counts.map((c: { count: number }) => c.count)).toEqual([5, 1, 2, 1, 4, 0])
    // A partner's counts are its own teams' tickets only.
    expect((await counts(account.partner.headers, { views: [{}, { teamId: account.teamId }] })).json()).toEqual({ counts: [{ count: 1, capped: false }, { count: 0, capped: false }] })
    // Bad input is refused whole, with the view it concerns.
    for (const body of [{ views: [] }, { views: Array.from({ length: TICKET_COUNTS_MAX + 1 }, () => ({})) }, { views: [{}, { status: 'nope' }] }, { views: [{ limit: 5 }] }, { views: {} }, [], { views: [{}], extra: 1 }]) {
      const refused = await counts(h, body)
      expect(refused.statusCode, JSON.stringify(body)).toBe(422)
    }
    expect(JSON.stringify((await counts(h, { views: [{}, { status: 'nope' }] })).json())).toContain('views.1.status')
    expect((await counts({}, { views: [{}] })).statusCode).toBe(401)
  })

  it('hides restricted tickets from the count as from the list', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const hidden = await createTicketVia(app, h)
    await createTicketVia(app, h)
    const now = deps.clock.now().toISOString()
    await deps.db.insertInto('ticket_restrictions').values({ ticket_id: hidden.id, account_id: account.accountId, team_id: account.partnerTeamId, reason: 'threat', created_at: now } as never).execute()
    expect((await count(app, h, '')).count).toBe(1)
    expect((await count(app, account.supervisor.headers, '')).count).toBe(2)
  })

  it(`stops at ${TICKET_COUNT_CAP.toLocaleString('en')} and says so`, async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const first = await createTicketVia(app, h, { priority: 'urgent' })
    // Bulk rows straight into the table: ten thousand tickets through HTTP would take minutes.
    const now = deps.clock.now().toISOString()
    const rows = Array.from({ length: TICKET_COUNT_CAP + 5 }, (_, i) => ({
      id: newId(), account_id: account.accountId, number: 1000 + i, subject: `bulk ${i}`, status: 'new' as const, priority: 'normal' as const,
      channel: 'email' as const, customer_id: first.customer.id, created_at: now, updated_at: now,
    }))
    for (let i = 0; i < rows.length; i += 500) await deps.db.insertInto('tickets').values(rows.slice(i, i + 500)).execute()
    expect(await count(app, h, '')).toEqual({ count: TICKET_COUNT_CAP, capped: true })
    expect(await count(app, h, 'status=new,open')).toEqual({ count: TICKET_COUNT_CAP, capped: true })
    expect(await count(app, h, 'priority=urgent')).toEqual({ count: 1, capped: false })
    // Just under the cap is exact.
    await deps.db.deleteFrom('tickets').where('number', '>=', 1000 + TICKET_COUNT_CAP - 7).execute()
    expect(await count(app, h, '')).toEqual({ count: TICKET_COUNT_CAP - 6, capped: false })
  })

  it.runIf(dialect === 'sqlite')('reads an index range, not the whole table, for the sidebar views', async () => {
    const { deps, account } = await startTestApp(dialect)
    const viewer = { accountId: account.accountId, agentId: account.agent.id, role: 'agent' as const, teamIds: [account.teamId, account.partnerTeamId] }
    const open = ['new', 'open', 'pending', 'on_hold'] as const
    for (const filters of [{ assigneeId: 'me' }, { assigneeId: 'none' }, { teamId: 'mine' }, { priority: 'high' as const }, { tag: '返金' }, {}]) {
      const scope = ticketScope(viewer, { status: [...open], ...filters })
      const inner = filteredTickets(deps, viewer, scope).select(sql<number>`1`.as('one')).limit(TICKET_COUNT_CAP + 1).compile()
      const plan = await deps.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${inner.sql}`, [...inner.parameters]))
      const steps = plan.rows.map((r) => r.detail)
      const main = steps.find((d) => / (tickets|ticket_tags)\b/.test(d) && !d.includes('ticket_restrictions'))
      expect(main, `${JSON.stringify(filters)}: ${steps.join(' | ')}`).toMatch(/USING (COVERING )?INDEX/)
      // The views every agent keeps open are answered from an index alone (migration ..._ticket_count_indexes).
      if ('assigneeId' in filters || 'teamId' in filters) expect(main, steps.join(' | ')).toMatch(/USING COVERING INDEX tickets_status_(assignee|team)_idx/)
    }
  })
})
