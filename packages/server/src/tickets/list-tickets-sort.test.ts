import { describe, expect, it } from 'vitest'
import type { TicketView } from '@madoguchi/shared'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import { createTicketVia } from './ticket-test-helpers.ts'

type Inject = Awaited<ReturnType<typeof startTestApp>>['app']
type Headers = Record<string, string>

async function page(app: Inject, headers: Headers, query: string): Promise<{ items: TicketView[]; nextCursor: string | null }> {
  const res = await app.inject({ url: `/api/v1/tickets?${query}`, headers })
  expect(res.statusCode, res.body).toBe(200)

  return res.json()
}

/** Every page, following cursors. */
async function walk(app: Inject, headers: Headers, query: string, limit: number): Promise<TicketView[]> {
  const all: TicketView[] = []
  let cursor: string | null = null
  do {
    const next = await page(app, headers, `${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`)
    expect(next.items.length).toBeLessThanOrEqual(limit)
    all.push(...next.items)
    cursor = next.nextCursor
  } while (cursor)

  return all
}

const RANK = { urgent: 0, high: 1, normal: 2, low: 3 } as const
const desc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0)
const EXPECTED: Record<string, (a: TicketView, b: TicketView) => number> = {
  updated: (a, b) => desc(a.updatedAt, b.updatedAt) || desc(a.id, b.id),
  created: (a, b) => desc(a.createdAt, b.createdAt) || desc(a.id, b.id),
  number: (a, b) => b.number - a.number,
  priority: (a, b) => RANK[a.priority] - RANK[b.priority] || desc(a.updatedAt, b.updatedAt) || desc(a.id, b.id),
}

describe.each(testDialects())('GET /tickets sort and teamId=mine on %s', (dialect) => {
  it('pages every order by cursor, each ticket exactly once, ties broken by id, also with split and tag filters', async () => {
    const { app, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const priorities = ['low', 'urgent', 'normal', 'high'] as const
    const created: TicketView[] = []
    for (let i = 0; i < 17; i++) {
      created.push(await createTicketVia(app, h, { priority: priorities[i % 4], tags: i % 3 ? ['配送'] : [], teamId: i % 2 ? account.teamId : null }))
    }
    // Touch some old tickets so that update order, creation order and numbers disagree.
    for (const i of [3, 0, 8]) await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${created[i]!.id}`, headers: h, payload: { status: 'open' } })
    const all = await walk(app, h, '', 100)
    expect(all).toHaveLength(17)

    for (const sort of ['updated', 'created', 'number', 'priority']) {
      for (const filter of ['', 'status=new,open', 'tag=配送', `teamId=${account.teamId}`, 'priority=high']) {
        const expected = all.filter((t) => {
          if (filter === 'tag=配送') return t.tags.includes('配送')
          if (filter.startsWith('teamId')) return t.teamId === account.teamId
          if (filter === 'priority=high') return t.priority === 'high'

          return true
        })
        expected.sort(EXPECTED[sort])
        for (const limit of [1, 3, 100]) {
          const got = await walk(app, h, `sort=${sort}&${filter}`, limit)
          expect(got.map((t) => t.number), `${sort} ${filter} ${limit}`).toEqual(expected.map((t) => t.number))
        }
      }
    }
    const byPriority = (await page(app, h, 'sort=priority&limit=5')).items.map((t) => t.priority)
    expect(byPriority).toEqual(['urgent', 'urgent', 'urgent', 'urgent', 'high'])
  })

  it('refuses a cursor made for another order (422)', async () => {
    const { app, account } = await startTestApp(dialect)
    const h = account.agent.headers
    for (let i = 0; i < 3; i++) await createTicketVia(app, h)
    const updated = await page(app, h, 'limit=1')
    const created = await page(app, h, 'sort=created&limit=1')
    for (const query of [`sort=created&cursor=${updated.nextCursor}`, `sort=number&cursor=${created.nextCursor}`, `sort=priority&cursor=${created.nextCursor}`,
      `cursor=${created.nextCursor}`, `sort=number&cursor=${Buffer.from('["number","x1","a"]').toString('base64url')}`, 'sort=oldest']) {
      const res = await app.inject({ url: `/api/v1/tickets?${query}`, headers: h })
      expect(res.statusCode, query).toBe(422)
    }
  })

  it('teamId=mine lists the tickets of every team of the caller, and nothing for an agent without teams', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const ours = await createTicketVia(app, h, { teamId: account.teamId })
    const partners = await createTicketVia(app, h, { teamId: account.partnerTeamId })
    await createTicketVia(app, h)
    const ids = async (headers: Headers, query: string) => (await page(app, headers, query)).items.map((t) => t.number).sort()

    expect(await ids(h, 'teamId=mine')).toEqual([ours.number])
    await deps.db.insertInto('agent_teams').values({ account_id: account.accountId, agent_id: account.agent.id, team_id: account.partnerTeamId }).execute()
    expect(await ids(h, 'teamId=mine')).toEqual([ours.number, partners.number].sort())
    expect(await ids(h, 'teamId=mine&status=new,open&sort=priority')).toEqual([ours.number, partners.number].sort())
    expect(await ids(account.partner.headers, 'teamId=mine')).toEqual([partners.number])
    await deps.db.deleteFrom('agent_teams').where('agent_id', '=', account.admin.id).execute()
    expect(await ids(account.admin.headers, 'teamId=mine')).toEqual([])
  })
})
