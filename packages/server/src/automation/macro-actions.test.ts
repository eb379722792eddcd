import { describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { createTicketVia } from '../tickets/ticket-test-helpers.ts'
import { startTestApp } from '../test/test-app.ts'
import type { TestAgent } from '../test/fixtures.ts'
import { testDialects } from '../test/dialects.ts'

const post = (app: FastifyInstance, who: TestAgent, url: string, payload: Record<string, unknown>) => app.inject({ method: 'POST', url, headers: who.headers, payload })
const patch = (app: FastifyInstance, who: TestAgent, url: string, payload: Record<string, unknown>) => app.inject({ method: 'PATCH', url, headers: who.headers, payload })

describe.each(testDialects())('macro actions on %s', (dialect) => {
  it('stores a macro’s ticket changes and shows them with the render, applying none', async () => {
    const { app, account } = await startTestApp(dialect)
    const actions = [{ type: 'set_status', value: 'pending' }, { type: 'add_tags', tags: ['お届け確認'] }]
    const created = await post(app, account.supervisor, '/api/v1/macros', { name: '確認待ち', shared: true, bodyJa: '{{customer.crn}} 確認中です。', actions })
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json().actions).toEqual(actions)
    const listed = (await app.inject({ url: '/api/v1/macros', headers: account.agent.headers })).json().items
    expect(listed[0].actions).toEqual(actions)

    const ticket = await createTicketVia(app, account.agent.headers)
    const rendered = await post(app, account.agent, `/api/v1/macros/${created.json().id}/render`, { ticketId: ticket.id })
    expect(rendered.statusCode, rendered.body).toBe(200)
    expect(rendered.json()).toMatchObject({ text: `${ticket.customer.crn} 確認中です。`, actions })
    // Rendering changes nothing on the ticket: the agent applies the actions or not.
    const after = (await app.inject({ url: `/api/v1/tickets/${ticket.id}`, headers: account.agent.headers })).json()
    expect(after).toMatchObject({ status: ticket.status, tags: ticket.tags })

    // A macro without actions renders an empty list (rows from before the column too).
    const plain = await post(app, account.agent, '/api/v1/macros', { name: 'plain', bodyEn: 'Hello' })
    expect(plain.json().actions).toEqual([])
    expect((await post(app, account.agent, `/api/v1/macros/${plain.json().id}/render`, { ticketId: ticket.id })).json().actions).toEqual([])
  })

  it('changes actions with the same rights as the text, and refuses actions a macro may not carry', async () => {
    const { app, account } = await startTestApp(dialect)
    const shared = (await post(app, account.supervisor, '/api/v1/macros', { name: 'shared', shared: true, bodyJa: 'x' })).json()
    const mine = (await post(app, account.agent, '/api/v1/macros', { name: 'mine', bodyJa: 'y', actions: [{ type: 'set_priority', value: 'high' }] })).json()
    expect(mine.actions).toEqual([{ type: 'set_priority', value: 'high' }])

    expect((await patch(app, account.agent, `/api/v1/macros/${shared.id}`, { actions: [{ type: 'set_status', value: 'solved' }] })).statusCode).toBe(403)
    const byAdmin = await patch(app, account.admin, `/api/v1/macros/${shared.id}`, { actions: [{ type: 'set_status', value: 'solved' }] })
    expect(byAdmin.statusCode, byAdmin.body).toBe(200)
    expect(byAdmin.json().actions).toEqual([{ type: 'set_status', value: 'solved' }])
    const cleared = await patch(app, account.agent, `/api/v1/macros/${mine.id}`, { actions: [] })
    expect(cleared.json()).toMatchObject({ actions: [], bodyJa: 'y' })
    // Another agent's personal macro stays out of reach.
    expect((await patch(app, account.supervisor, `/api/v1/macros/${mine.id}`, { actions: [] })).statusCode).toBe(404)
    expect((await app.inject({ url: '/api/v1/macros', headers: account.partner.headers })).statusCode).toBe(403)

    const assign = await post(app, account.supervisor, '/api/v1/macros', { name: 'bad', bodyJa: 'z', actions: [{ type: 'assign', agentId: null }] })
    expect(assign.statusCode).toBe(422)
    expect(assign.json().error.details[0].path).toBe('actions.0.type')
    const newStatus = await patch(app, account.agent, `/api/v1/macros/${mine.id}`, { actions: [{ type: 'set_status', value: 'new' }] })
    expect(newStatus.statusCode).toBe(422)
    expect(newStatus.json().error.details[0].path).toBe('actions.0.value')
  })
})
