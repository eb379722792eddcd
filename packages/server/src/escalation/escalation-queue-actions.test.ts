import { describe, expect, it } from 'vitest'
import { addMember, addTeam } from '../routing/routing-test-helpers.ts'
import { createTicketVia } from '../tickets/ticket-test-helpers.ts'
import { startTestApp } from '../test/test-app.ts'
import { testDialects } from '../test/dialects.ts'

const UNKNOWN = '01900000-0000-7000-8000-000000000000'

describe.each(testDialects())('escalation queue actions, ticket history and notification read state on %s', (dialect) => {
  it('lets a supervisor acknowledge then resolve; nobody else may', async () => {
    const { app, account } = await startTestApp(dialect)
    const ticket = await createTicketVia(app, account.agent.headers, { teamId: account.teamId, assigneeId: account.agent.id })
    const up = await app.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/escalate`, headers: account.agent.headers, payload: { reason: 'complaint', note: '責任者を希望' } })
    expect(up.statusCode, up.body).toBe(201)
    const id = up.json().id as string
    expect(up.json()).toMatchObject({ acknowledgedAt: null, acknowledgedBy: null })

    for (const who of [account.agent, account.partner]) {
      expect((await app.inject({ method: 'POST', url: `/api/v1/escalations/${id}/acknowledge`, headers: who.headers })).statusCode).toBe(403)
      expect((await app.inject({ method: 'POST', url: `/api/v1/escalations/${id}/resolve`, headers: who.headers })).statusCode).toBe(403)
    }
    const ack = await app.inject({ method: 'POST', url: `/api/v1/escalations/${id}/acknowledge`, headers: account.supervisor.headers })
    expect(ack.statusCode, ack.body).toBe(200)
    expect(ack.json()).toMatchObject({ id, status: 'open', acknowledgedBy: account.supervisor.id, ticketNumber: ticket.number })
    expect(ack.json().acknowledgedAt).toEqual(expect.any(String))
    // The first supervisor keeps it.
    const again = await app.inject({ method: 'POST', url: `/api/v1/escalations/${id}/acknowledge`, headers: account.admin.headers })
    expect(again.json()).toMatchObject({ acknowledgedBy: account.supervisor.id })
    const queue = await app.inject({ url: '/api/v1/escalations?status=open', headers: account.supervisor.headers })
    expect(queue.json().items).toMatchObject([{ id, acknowledgedBy: account.supervisor.id }])

    expect((await app.inject({ method: 'POST', url: `/api/v1/escalations/${id}/resolve`, headers: account.supervisor.headers })).json().status).toBe('resolved')
    expect((await app.inject({ url: '/api/v1/escalations?status=open', headers: account.supervisor.headers })).json().items).toHaveLength(0)
    expect((await app.inject({ method: 'POST', url: `/api/v1/escalations/${UNKNOWN}/acknowledge`, headers: account.supervisor.headers })).statusCode).toBe(404)
    expect((await app.inject({ method: 'POST', url: '/api/v1/escalations/nope/acknowledge', headers: account.supervisor.headers })).statusCode).toBe(404)
  })

  it('shows a ticket its escalation history, hidden with the ticket when it is restricted', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const legal = await addTeam(deps, account.accountId, 'Legal')
    const lawyer = await addMember(deps, account.accountId, legal)
    await app.inject({ method: 'PUT', url: '/api/v1/routing/categories', headers: account.supervisor.headers, payload: { routes: { legal } } })
    const ticket = await createTicketVia(app, account.agent.headers, { teamId: account.teamId })
    const history = (who = account.agent) => app.inject({ url: `/api/v1/tickets/${ticket.id}/escalations`, headers: who.headers })
    expect((await history()).json()).toEqual({ items: [] })

    await app.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/escalate`, headers: account.agent.headers, payload: { reason: 'beyond_authority', note: '返金 12 万円', amount: 120_000 } })
    expect((await history()).json().items).toMatchObject([{ reason: 'beyond_authority', amount: 120_000, restricted: false, ticketNumber: ticket.number }])
    expect((await app.inject({ url: `/api/v1/tickets/${ticket.id}/escalations`, headers: account.partner.headers })).statusCode).toBe(404)

    await app.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/escalate`, headers: account.supervisor.headers, payload: { reason: 'threat_physical', note: '来店して暴れると' } })
    expect((await history()).statusCode).toBe(404)
    for (const who of [lawyer, account.supervisor]) {
      const seen = await history(who)
      expect(seen.json().items.map((e: { reason: string; restricted: boolean }) => [e.reason, e.restricted])).toEqual([['beyond_authority', true], ['threat_physical', true]])
    }
    expect((await app.inject({ url: `/api/v1/tickets/${ticket.number}/escalations`, headers: account.supervisor.headers })).json().items).toHaveLength(2)
  })

  it('marks my notifications read, one or all, and never another agent\'s', async () => {
    const { app, account } = await startTestApp(dialect)
    const first = await createTicketVia(app, account.agent.headers, { teamId: account.teamId })
    const second = await createTicketVia(app, account.agent.headers, { teamId: account.teamId })
    for (const t of [first, second]) {
      await app.inject({ method: 'POST', url: `/api/v1/tickets/${t.id}/escalate`, headers: account.agent.headers, payload: { reason: 'customer_requested_supervisor', note: '上長を' } })
    }
    const unread = async (who = account.supervisor) => (await app.inject({ url: '/api/v1/notifications?unread=true', headers: who.headers })).json().items as { id: string; ticketId: string }[]
    const mine = await unread()
    expect(mine.map((n) => n.ticketId)).toEqual([second.id, first.id])
    expect(await unread(account.admin)).toHaveLength(2)

    // Another agent's notification does not exist for me.
    expect((await app.inject({ method: 'POST', url: `/api/v1/notifications/${mine[0]!.id}/read`, headers: account.admin.headers })).statusCode).toBe(404)
    expect((await app.inject({ method: 'POST', url: `/api/v1/notifications/${mine[0]!.id}/read`, headers: account.agent.headers })).statusCode).toBe(404)
    expect((await app.inject({ method: 'POST', url: `/api/v1/notifications/${UNKNOWN}/read`, headers: account.supervisor.headers })).statusCode).toBe(404)

    const read = await app.inject({ method: 'POST', url: `/api/v1/notifications/${mine[0]!.id}/read`, headers: account.supervisor.headers })
    expect(read.statusCode, read.body).toBe(200)
    expect(read.json()).toEqual({ marked: 1 })
    expect((await app.inject({ method: 'POST', url: `/api/v1/notifications/${mine[0]!.id}/read`, headers: account.supervisor.headers })).json()).toEqual({ marked: 0 })
    expect((await unread()).map((n) => n.id)).toEqual([mine[1]!.id])
    const all = (await app.inject({ url: '/api/v1/notifications', headers: account.supervisor.headers })).json().items as { id: string; readAt: string | null }[]
    expect(all.find((n) => n.id === mine[0]!.id)?.readAt).toEqual(expect.any(String))

    expect((await app.inject({ method: 'POST', url: '/api/v1/notifications/read-all', headers: account.supervisor.headers })).json()).toEqual({ marked: 1 })
    expect(await unread()).toHaveLength(0)
    // The admin's copies are untouched.
    expect(await unread(account.admin)).toHaveLength(2)
    expect((await app.inject({ method: 'POST', url: '/api/v1/notifications/read-all' })).statusCode).toBe(401)
  })
})
