import { describe, expect, it } from 'vitest'
import type { RealtimeEvent, TicketEventView } from '@madoguchi/shared'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import { createTicketVia } from './ticket-test-helpers.ts'

describe.each(testDialects())('PATCH /tickets/:id on %s', (dialect) => {
  it('changes fields, logs each change with before → after and who, and tells the screens', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const t = await createTicketVia(app, h, { tags: ['返品'], customFields: { orderId: 'A-1', rush: true } })
    const seen: RealtimeEvent[] = []
    deps.realtime.subscribe((_, e) => seen.push(e))

    const res = await app.inject({
      method: 'PATCH', url: `/api/v1/tickets/${t.id}`, headers: h,
      payload: {
        subject: '返品の件（至急）', status: 'open', priority: 'urgent', category: 'return', assigneeId: account.supervisor.id,
        teamId: account.teamId, tags: ['返品', '至急'], customFields: { rush: null, amount: 1200, orderId: 'A-1' },
      },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      subject: '返品の件（至急）', status: 'open', priority: 'urgent', category: 'return', assigneeId: account.supervisor.id,
      teamId: account.teamId, tags: ['返品', '至急'], customFields: { orderId: 'A-1', amount: 1200 },
    })
    expect(res.json().customFields).not.toHaveProperty('rush')
    expect(res.json().updatedAt >= t.updatedAt).toBe(true)
    expect(seen).toEqual([expect.objectContaining({
      type: 'ticket.updated', ticketId: t.id, fields: ['subject', 'status', 'priority', 'category', 'assigneeId', 'teamId', 'tags', 'customFields'],
    })])

    const events: TicketEventView[] = (await app.inject({ url: `/api/v1/tickets/${t.id}/events`, headers: h })).json().items
    const changes = events.filter((e) => e.type !== 'ticket.created' && e.type !== 'message.created')
    expect(changes.map((e) => [e.type, e.field, e.before, e.after])).toEqual([
      ['ticket.subject_changed', 'subject', t.subject, '返品の件（至急）'],
      ['ticket.status_changed', 'status', 'new', 'open'],
      ['ticket.priority_changed', 'priority', 'normal', 'urgent'],
      ['ticket.category_changed', 'category', null, 'return'],
      ['ticket.assignee_changed', 'assigneeId', null, account.supervisor.id],
      ['ticket.team_changed', 'teamId', null, account.teamId],
      ['ticket.tags_changed', 'tags', ['返品'], ['返品', '至急']],
      ['ticket.custom_field_changed', 'customFields.rush', true, null],
      ['ticket.custom_field_changed', 'customFields.amount', null, 1200],
    ])
    for (const e of changes) expect(e.actor).toEqual({ kind: 'agent', id: account.agent.id })
    const tagRows = await deps.db.selectFrom('ticket_tags').select('tag').where('ticket_id', '=', t.id).orderBy('tag').execute()
    expect(tagRows.map((r) => r.tag).sort()).toEqual(['至急', '返品'].sort())

    // The same values again change nothing: no event, no realtime message.
    seen.length = 0
    const again = await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${t.id}`, headers: h, payload: { status: 'open', tags: ['返品', '至急'] } })
    expect(again.json().updatedAt).toBe(res.json().updatedAt)
    expect(seen).toEqual([])
  })

  it('follows the status rules: solved stamps solved_at, closed is final except a supervisor reopen', async () => {
    const { app, account } = await startTestApp(dialect)
    const t = await createTicketVia(app, account.agent.headers)
    const patch = (headers: Record<string, string>, payload: object) =>
      app.inject({ method: 'PATCH', url: `/api/v1/tickets/${t.id}`, headers, payload })

    const solved = (await patch(account.agent.headers, { status: 'solved' })).json()
    expect(solved.solvedAt).not.toBeNull()
    expect(solved.waitingSince).toBeNull()
    expect((await patch(account.agent.headers, { status: 'open' })).json().solvedAt).toBeNull()
    expect((await patch(account.agent.headers, { status: 'new' })).statusCode).toBe(409)
    expect((await patch(account.agent.headers, { status: 'closed' })).json()).toMatchObject({ status: 'closed' })
    const denied = await patch(account.agent.headers, { status: 'open' })
    expect(denied.statusCode).toBe(409)
    expect(denied.json().error.code).toBe('ticket.invalid_transition')
    expect((await patch(account.supervisor.headers, { status: 'pending' })).statusCode).toBe(409)
    expect((await patch(account.supervisor.headers, { status: 'open' })).json()).toMatchObject({ status: 'open', solvedAt: null })
  })

  it('assigns only active agents of the account and existing teams', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const t = await createTicketVia(app, account.agent.headers)
    const patch = (payload: object) => app.inject({ method: 'PATCH', url: `/api/v1/tickets/${t.id}`, headers: account.agent.headers, payload })
    await deps.db.updateTable('agents').set({ active: 0 }).where('id', '=', account.supervisor.id).execute()
    for (const assigneeId of [account.supervisor.id, 'not-an-id', '0193a000-0000-7000-8000-000000000000']) {
      const res = await patch({ assigneeId })
      expect(res.statusCode).toBe(422)
      expect(res.json().error.code).toBe('ticket.assignee_not_found')
    }
    expect((await patch({ teamId: 'nope' })).json().error.code).toBe('ticket.team_not_found')
    expect((await patch({ assigneeId: account.agent.id })).json().assigneeId).toBe(account.agent.id)
    expect((await patch({ assigneeId: null })).json().assigneeId).toBeNull()
  })

  it('refuses unknown fields and invalid values with 422, unknown tickets with 404', async () => {
    const { app, account } = await startTestApp(dialect)
    const t = await createTicketVia(app, account.agent.headers)
    for (const payload of [{ number: 5 }, { status: 'done' }, { priority: 1 }, { subject: '' }, { customFields: { a: [1] } }, { tags: 'x' }]) {
      const res = await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${t.id}`, headers: account.agent.headers, payload })
      expect(res.statusCode, JSON.stringify(payload)).toBe(422)
    }
    const tooMany = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, i]))
    expect((await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${t.id}`, headers: account.agent.headers, payload: { customFields: tooMany } })).statusCode).toBe(200)
    const more = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`g${i}`, i]))
    expect((await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${t.id}`, headers: account.agent.headers, payload: { customFields: more } })).statusCode).toBe(422)
    for (const id of ['nope', '0193a000-0000-7000-8000-000000000000', '999999', '%23999', '-1', '1e3', "1' or 1=1"]) {
      const res = await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${encodeURIComponent(id)}`, headers: account.agent.headers, payload: { priority: 'low' } })
      expect(res.statusCode, id).toBe(404)
    }
  })

  it('finds tickets by number (#123) and by id', async () => {
    const { app, account } = await startTestApp(dialect)
    await createTicketVia(app, account.agent.headers)
    const t = await createTicketVia(app, account.agent.headers)
    for (const url of [`/api/v1/tickets/${t.id}`, `/api/v1/tickets/by-number/${t.number}`, `/api/v1/tickets/by-number/%23${t.number}`, `/api/v1/tickets/%23${t.number}`]) {
      const res = await app.inject({ url, headers: account.agent.headers })
      expect(res.statusCode, url).toBe(200)
      expect(res.json()).toMatchObject({ id: t.id, number: 2 })
    }
    expect((await app.inject({ url: '/api/v1/tickets/by-number/abc', headers: account.agent.headers })).statusCode).toBe(404)
  })

  it('hides other teams\' tickets from partners everywhere (404), and lets them work on their own', async () => {
    const { app, account } = await startTestApp(dialect)
    const theirs = await createTicketVia(app, account.agent.headers, { teamId: account.teamId })
    const ours = await createTicketVia(app, account.agent.headers, { teamId: account.partnerTeamId })
    const p = account.partner.headers
    const calls = (id: string, number: number) => [
      app.inject({ url: `/api/v1/tickets/${id}`, headers: p }),
      app.inject({ url: `/api/v1/tickets/by-number/${number}`, headers: p }),
      app.inject({ method: 'PATCH', url: `/api/v1/tickets/${id}`, headers: p, payload: { priority: 'high' } }),
      app.inject({ url: `/api/v1/tickets/${id}/messages`, headers: p }),
      app.inject({ method: 'POST', url: `/api/v1/tickets/${id}/messages`, headers: p, payload: { kind: 'note', body: 'x' } }),
      app.inject({ url: `/api/v1/tickets/${id}/events`, headers: p }),
    ]
    for (const res of await Promise.all(calls(theirs.id, theirs.number))) {
      expect(res.statusCode).toBe(404)
      expect(res.json().error.code).toBe('ticket.not_found')
    }
    for (const res of await Promise.all(calls(ours.id, ours.number))) expect(res.statusCode, res.body).toBeLessThan(300)
    const moveOut = await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${ours.id}`, headers: p, payload: { teamId: account.teamId } })
    expect(moveOut.statusCode).toBe(403)
  })
})
