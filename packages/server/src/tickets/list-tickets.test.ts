import { describe, expect, it } from 'vitest'
import type { TicketView } from '@madoguchi/shared'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import { createTicketVia } from './ticket-test-helpers.ts'

type Inject = Awaited<ReturnType<typeof startTestApp>>['app']

async function list(app: Inject, headers: Record<string, string>, query: string): Promise<{ items: TicketView[]; nextCursor: string | null }> {
  const res = await app.inject({ url: `/api/v1/tickets?${query}`, headers })
  expect(res.statusCode, res.body).toBe(200)

  return res.json()
}

/** Every page, following cursors. */
async function listAll(app: Inject, headers: Record<string, string>, query: string, limit: number): Promise<TicketView[]> {
  const all: TicketView[] = []
  let cursor: string | null = null
  do {
    const page = await list(app, headers, `${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`)
    expect(page.items.length).toBeLessThanOrEqual(limit)
    all.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)

  return all
}

describe.each(testDialects())('GET /tickets on %s', (dialect) => {
  it('filters by each field and pages by cursor, newest activity first', async () => {
    const { app, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const a = await createTicketVia(app, h, { channel: 'email', priority: 'high', category: 'refund', tags: ['返金'], assigneeId: account.agent.id, teamId: account.teamId })
    const b = await createTicketVia(app, h, { channel: 'line', priority: 'low', tags: ['返金', 'vip'], teamId: account.partnerTeamId })
    const c = await createTicketVia(app, h, { channel: 'email', customer: { id: a.customer.id }, subject: 'Invoice 50% off_sale' })
    await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${b.id}`, headers: h, payload: { status: 'pending' } })
    await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${c.id}`, headers: h, payload: { status: 'solved' } })

    const ids = async (query: string) => (await list(app, h, query)).items.map((t) => t.number)
    expect(await ids('')).toEqual([c.number, b.number, a.number])
    expect(await ids('status=new')).toEqual([a.number])
    expect(await ids('status=new,pending')).toEqual([b.number, a.number])
    expect(await ids('status=solved&status=new')).toEqual([c.number, a.number])
    expect(await ids('assigneeId=me')).toEqual([a.number])
    expect(await ids(`assigneeId=${account.agent.id}`)).toEqual([a.number])
    expect(await ids('assigneeId=none')).toEqual([c.number, b.number])
    expect(await ids(`teamId=${account.partnerTeamId}`)).toEqual([b.number])
    expect(await ids('tag=返金')).toEqual([b.number, a.number])
    expect(await ids('tag=VIP')).toEqual([b.number])
    expect(await ids(`customerId=${a.customer.id}`)).toEqual([c.number, a.number])
    expect(await ids('channel=line')).toEqual([b.number])
    expect(await ids('priority=high')).toEqual([a.number])
    expect(await ids('category=refund')).toEqual([a.number])
    expect(await ids('q=Invoice')).toEqual([c.number])
    expect(await ids('q=invoice')).toEqual([c.number])
    expect(await ids('q=Invoice%2050%25')).toEqual([c.number])
    expect(await ids('q=%25')).toEqual([])
    expect(await ids(`updatedSince=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual([])
    expect(await ids('channel=email&priority=high&status=new')).toEqual([a.number])

    const first = (await list(app, h, '')).items[2]!
    expect(first.customer).toMatchObject({ id: a.customer.id, crn: a.customer.crn, isVip: false })
    expect(first).toMatchObject({ tags: ['返金'], messageCount: 1, assigneeId: account.agent.id })
  })

  it('walks every ticket exactly once through cursors, also with split filters', async () => {
    const { app, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const created: number[] = []
    for (let i = 0; i < 23; i++) {
      const t = await createTicketVia(app, h, { priority: i % 3 === 0 ? 'high' : 'normal' })
      if (i % 2 === 0) await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${t.id}`, headers: h, payload: { status: 'open' } })
      created.push(t.number)
    }
    const all = await listAll(app, h, 'x=1'.replace('x=1', ''), 5)
    expect(all.map((t) => t.number).sort((x, y) => x - y)).toEqual(created)
    const sorted = [...all].sort((x, y) => (x.updatedAt === y.updatedAt ? (x.id < y.id ? 1 : -1) : x.updatedAt < y.updatedAt ? 1 : -1))
    expect(all.map((t) => t.id)).toEqual(sorted.map((t) => t.id))
    const split = await listAll(app, h, 'status=new,open', 4)
    expect(split.map((t) => t.id)).toEqual(all.map((t) => t.id))
    const high = await listAll(app, h, 'priority=high&status=open,new', 2)
    expect(high).toHaveLength(8)
  })

  it('keeps the tag filter in updated order as tickets change', async () => {
    const { app, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const tagged = []
    for (let i = 0; i < 9; i++) tagged.push(await createTicketVia(app, h, { tags: i % 3 ? ['配送'] : ['配送', '返品'] }))
    await createTicketVia(app, h, { tags: ['返品'] })
    // Touch old tickets in a new order: a reply, a patch, a re-tag.
    await app.inject({ method: 'POST', url: `/api/v1/tickets/${tagged[0]!.id}/messages`, headers: h, payload: { kind: 'reply', body: 'ok' } })
    await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${tagged[4]!.id}`, headers: h, payload: { priority: 'high' } })
    await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${tagged[2]!.id}`, headers: h, payload: { tags: ['配送', '至急'] } })
    const everything = await listAll(app, h, '', 100)
    const expected = everything.filter((t) => t.tags.includes('配送')).map((t) => t.id)
    expect(expected.slice(0, 3)).toEqual([tagged[2]!.id, tagged[4]!.id, tagged[0]!.id])
    expect((await listAll(app, h, 'tag=配送', 2)).map((t) => t.id)).toEqual(expected)
    expect((await listAll(app, h, 'tag=至急', 2)).map((t) => t.id)).toEqual([tagged[2]!.id])
    expect((await listAll(app, h, 'tag=配送&status=new,open', 3)).map((t) => t.id)).toEqual(expected)
  })

  it('shows a partner only the tickets of its own teams', async () => {
    const { app, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const mine = await createTicketVia(app, h, { teamId: account.partnerTeamId })
    const notMine = await createTicketVia(app, h, { teamId: account.teamId })
    await createTicketVia(app, h)
    const p = account.partner.headers
    expect((await list(app, p, '')).items.map((t) => t.id)).toEqual([mine.id])
    expect((await list(app, p, `teamId=${account.teamId}`)).items).toEqual([])
    expect((await list(app, p, `teamId=${account.partnerTeamId}&status=new,open`)).items.map((t) => t.id)).toEqual([mine.id])
    expect((await list(app, p, `customerId=${notMine.customer.id}`)).items).toEqual([])
  })

  it('refuses bad filters with 422, never 500', async () => {
    const { app, account } = await startTestApp(dialect)
    for (const query of ['status=nope', 'priority=meh', 'channel=fax', 'category=x', 'limit=0', 'limit=101', 'limit=abc',
      'updatedSince=yesterday', 'cursor=not-a-cursor!', `cursor=${Buffer.from('[1]').toString('base64url')}`, 'cursor=abc', 'unknown=1']) {
      const res = await app.inject({ url: `/api/v1/tickets?${query}`, headers: account.agent.headers })
      expect(res.statusCode, query).toBe(422)
    }
  })
})
