import { describe, expect, it, onTestFinished } from 'vitest'
import { buildApp } from '../app.ts'
import { testDialects } from '../test/dialects.ts'
import { statementCounter } from '../test/statement-counter.ts'
import { startTestApp } from '../test/test-app.ts'
import { createTicketVia } from './ticket-test-helpers.ts'

describe.each(testDialects())('list endpoints on %s', (dialect) => {
  it('make the same small number of queries for a page of 5 and a page of 100', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const h = account.agent.headers
    // 105 tickets from 105 different customers, spread over two statuses and teams.
    const tickets = []
    for (let i = 0; i < 105; i++) {
      tickets.push(await createTicketVia(app, h, { tags: ['bulk'], teamId: i % 2 ? account.teamId : account.partnerTeamId, priority: i % 2 ? 'high' : 'low' }))
    }
    const t = tickets[0]!
    for (let i = 0; i < 104; i++) await app.inject({ method: 'POST', url: `/api/v1/tickets/${t.id}/messages`, headers: h, payload: { kind: 'note', body: `n${i}` } })

    const counter = statementCounter()
    const counted = await buildApp({ ...deps, db: deps.db.withPlugin(counter) })
    onTestFinished(() => counted.close())
    const queriesFor = async (url: string, headers = h) => {
      await counted.inject({ url, headers }) // warm-up: token last-used stamp
      counter.count = 0
      const res = await counted.inject({ url, headers })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json().items.length).toBeGreaterThanOrEqual(url.includes('limit=5') ? 5 : 50)

      return counter.count
    }

    for (const filter of ['', 'status=new', 'status=new,open,pending', 'tag=bulk', 'priority=high', 'assigneeId=none', 'sort=priority', 'sort=created&status=new,open', 'sort=number', 'teamId=mine']) {
      const small = await queriesFor(`/api/v1/tickets?limit=5&${filter}`)
      const large = await queriesFor(`/api/v1/tickets?limit=100&${filter}`)
      expect(large, filter).toBe(small)
      // Authentication (token with the agent's teams) + tickets + one batch of customers + one batch of SLA clocks.
      expect(large, filter).toBe(4)
    }
    const partnerSmall = await queriesFor('/api/v1/tickets?limit=5', account.partner.headers)
    expect(await queriesFor('/api/v1/tickets?limit=100', account.partner.headers)).toBe(partnerSmall)
    for (const path of ['messages', 'events']) {
      const small = await queriesFor(`/api/v1/tickets/${t.id}/${path}?limit=5`)
      expect(await queriesFor(`/api/v1/tickets/${t.id}/${path}?limit=100`)).toBe(small)
      // Authentication (token with the agent's teams) + the ticket + its restriction check (issue 7) + one page.
      expect(small).toBe(4)
    }
  })
})
