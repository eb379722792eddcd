import { describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { startClockedApp } from '../sla/sla-test-helpers.ts'
import { createTicketVia } from '../tickets/ticket-test-helpers.ts'
import { startTestApp } from '../test/test-app.ts'
import type { TestAgent } from '../test/fixtures.ts'
import { testDialects } from '../test/dialects.ts'
import { runTimeRules } from './time-rules.job.ts'

async function rule(app: FastifyInstance, who: TestAgent, body: Record<string, unknown>): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/automation/rules', headers: who.headers, payload: body })
  expect(res.statusCode, res.body).toBe(201)

  return res.json().id as string
}

const firedRules = async (app: FastifyInstance, who: TestAgent, ticketId: string) =>
  ((await app.inject({ url: `/api/v1/tickets/${ticketId}/events?limit=100`, headers: who.headers })).json().items as { type: string; after: { name: string } }[])
    .filter((e) => e.type === 'automation.rule_fired').map((e) => e.after.name)

describe.each(testDialects())('automation on %s', (dialect) => {
  it('runs triggers in order on ticket creation, with a loop guard', async () => {
    const { app, account } = await startTestApp(dialect)
    await rule(app, account.supervisor, {
      name: 'refund', kind: 'trigger', event: 'ticket.created', position: 1,
      conditions: [{ type: 'text_contains', value: '返金' }, { type: 'customer', flag: 'vip', value: false }],
      actions: [{ type: 'add_tags', tags: ['Refund'] }, { type: 'set_priority', value: 'high' }, { type: 'set_status', value: 'pending' }],
    })
    await rule(app, account.supervisor, { name: 'never', kind: 'trigger', event: 'ticket.created', position: 2, conditions: [{ type: 'field', field: 'channel', op: 'equals', value: 'line' }], actions: [{ type: 'add_tags', tags: ['line'] }] })
    // Depth 1: set off by the first rule's status change…
    await rule(app, account.supervisor, { name: 'reopen', kind: 'trigger', event: 'status.changed', position: 1, conditions: [{ type: 'field', field: 'status', op: 'equals', value: 'pending' }], actions: [{ type: 'set_status', value: 'open' }] })
    // …whose own status change (→ open) would be a depth-2 event: this rule, checked first while the
    // ticket is still pending, would only match then, so it never runs.
    await rule(app, account.supervisor, { name: 'ping-pong', kind: 'trigger', event: 'status.changed', position: 0, conditions: [{ type: 'field', field: 'status', op: 'equals', value: 'open' }], actions: [{ type: 'set_status', value: 'pending' }] })

    const ticket = await createTicketVia(app, account.agent.headers, { message: { body: '返金をお願いします' } })
    expect(ticket).toMatchObject({ tags: ['refund'], priority: 'high', status: 'open' })
    expect(await firedRules(app, account.agent, ticket.id)).toEqual(['refund', 'reopen'])
    const other = await createTicketVia(app, account.agent.headers)
    expect(other).toMatchObject({ tags: [], priority: 'normal', status: 'new' })
    expect((await app.inject({ method: 'POST', url: '/api/v1/automation/rules', headers: account.agent.headers, payload: { name: 'x', kind: 'time', actions: [{ type: 'route' }] } })).statusCode).toBe(403)
    expect((await app.inject({ method: 'POST', url: '/api/v1/automation/rules', headers: account.supervisor.headers, payload: { name: 'x', kind: 'trigger', actions: [{ type: 'route' }] } })).statusCode).toBe(422)
  })

  it('explains in a dry run which rules would fire and why, for a real or a hypothetical ticket', async () => {
    const { app, account } = await startTestApp(dialect)
    await rule(app, account.supervisor, { name: 'vip', kind: 'trigger', event: 'message.received', position: 0, conditions: [{ type: 'customer', flag: 'vip', value: true }], actions: [{ type: 'set_priority', value: 'urgent' }] })
    await rule(app, account.supervisor, {
      name: 'email complaint', kind: 'trigger', event: 'message.received', position: 1,
      conditions: [{ type: 'field', field: 'channel', op: 'in', value: ['email', 'line'] }, { type: 'text_contains', value: 'ひどい' }], actions: [{ type: 'escalate', reason: 'complaint', note: 'auto' }],
    })
    const dry = await app.inject({ method: 'POST', url: '/api/v1/automation/dry-run', headers: account.agent.headers, payload: { event: 'message.received', ticket: { channel: 'email', body: '対応がひどいです', customer: { vip: false } } } })
    expect(dry.statusCode, dry.body).toBe(200)
    expect(dry.json().rules.map((r: { name: string; wouldFire: boolean }) => [r.name, r.wouldFire])).toEqual([['vip', false], ['email complaint', true]])
    expect(dry.json().rules[0].conditions[0]).toMatchObject({ result: false, actual: false })
    const ticket = await createTicketVia(app, account.agent.headers)
    const real = await app.inject({ method: 'POST', url: '/api/v1/automation/dry-run', headers: account.agent.headers, payload: { event: 'message.received', ticketId: ticket.id } })
    expect(real.json().rules[1].conditions.map((c: { result: boolean }) => c.result)).toEqual([false, false])
    expect((await app.inject({ method: 'POST', url: '/api/v1/automation/dry-run', headers: account.partner.headers, payload: { event: 'ticket.created', ticketId: ticket.id } })).statusCode).toBe(403)
    expect((await app.inject({ method: 'POST', url: '/api/v1/automation/dry-run', headers: account.agent.headers, payload: { event: 'ticket.created' } })).statusCode).toBe(422)
    await rule(app, account.supervisor, { name: 'gold plan', kind: 'trigger', event: 'ticket.updated', conditions: [{ type: 'field', field: 'customFields.plan', op: 'in', value: ['gold', 'platinum'] }], actions: [{ type: 'set_priority', value: 'high' }] })
    const gold = await app.inject({ method: 'POST', url: '/api/v1/automation/dry-run', headers: account.agent.headers, payload: { event: 'ticket.updated', ticket: { customFields: { plan: 'gold' } } } })
    expect(gold.json().rules[0]).toMatchObject({ wouldFire: true, conditions: [{ result: true, actual: 'gold' }] })
  })

  it('renders macros with placeholders for editing, never sending; personal macros stay private', async () => {
    const { app, account } = await startTestApp(dialect)
    const shared = await app.inject({ method: 'POST', url: '/api/v1/macros', headers: account.supervisor.headers, payload: {
      name: 'お詫び', shared: true, bodyJa: '{{customer.preferred_name}}\nお問い合わせ番号 #{{ticket.number}}（お客様番号 {{customer.crn}}）について、担当の{{agent.name}}です。', bodyEn: 'Dear {{customer.preferred_name}}, this is {{agent.name}} about #{{ticket.number}}.',
    } })
    expect(shared.statusCode, shared.body).toBe(201)
    expect((await app.inject({ method: 'POST', url: '/api/v1/macros', headers: account.agent.headers, payload: { name: 'x', shared: true, bodyJa: 'x' } })).statusCode).toBe(403)
    const mine = await app.inject({ method: 'POST', url: '/api/v1/macros', headers: account.agent.headers, payload: { name: 'my', bodyEn: 'Hi {{customer.nickname}}' } })
    const ticket = await createTicketVia(app, account.agent.headers, { customer: { email: `macro-${Date.now()}@example.jp`, name: '山田 花子' } })
    const before = (await app.inject({ url: `/api/v1/tickets/${ticket.id}/messages`, headers: account.agent.headers })).json().items.length

    const ja = await app.inject({ method: 'POST', url: `/api/v1/macros/${shared.json().id}/render`, headers: account.agent.headers, payload: { ticketId: ticket.id } })
    expect(ja.json().locale).toBe('ja')
    expect(ja.json().text).toBe(`山田 花子\nお問い合わせ番号 #${ticket.number}（お客様番号 ${ticket.customer.crn}）について、担当のTest agentです。`)
    const en = await app.inject({ method: 'POST', url: `/api/v1/macros/${shared.json().id}/render`, headers: account.agent.headers, payload: { ticketId: ticket.id, locale: 'en' } })
    expect(en.json().text).toBe(`Dear 山田 花子, this is Test agent about #${ticket.number}.`)
    const missing = await app.inject({ method: 'POST', url: `/api/v1/macros/${mine.json().id}/render`, headers: account.agent.headers, payload: { ticketId: ticket.id } })
    expect(missing.json()).toMatchObject({ text: 'Hi ', locale: 'en', missing: ['customer.nickname'] })
    expect((await app.inject({ url: `/api/v1/tickets/${ticket.id}/messages`, headers: account.agent.headers })).json().items.length).toBe(before)
    expect((await app.inject({ method: 'POST', url: `/api/v1/macros/${mine.json().id}/render`, headers: account.supervisor.headers, payload: { ticketId: ticket.id } })).statusCode).toBe(404)
    expect((await app.inject({ url: '/api/v1/macros', headers: account.supervisor.headers })).json().items.map((m: { name: string }) => m.name)).toEqual(['お詫び'])
  })

  it('runs time rules once per status period: pending 3 days → templated reminder, 7 days → solved', async () => {
    const { app, deps, account, clock } = await startClockedApp(dialect, '2026-11-30T00:00:00.000Z')
    const pending = { type: 'field', field: 'status', op: 'equals', value: 'pending' }
    await rule(app, account.supervisor, { name: 'remind', kind: 'time', conditions: [pending, { type: 'hours_in_status', hours: 72 }], actions: [{ type: 'reply', body: { ja: '{{customer.preferred_name}} その後いかがでしょうか。', en: 'Any news?' } }] })
    await rule(app, account.supervisor, { name: 'close', kind: 'time', conditions: [pending, { type: 'hours_in_status', hours: 168 }], actions: [{ type: 'set_status', value: 'solved' }] })
    const ticket = await createTicketVia(app, account.agent.headers, { customer: { email: `time-${Date.now()}@example.jp`, name: '佐藤 一郎' } })
    await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, headers: account.agent.headers, payload: { status: 'pending' } })

    clock.advance(71 * 3600_000)
    expect(await runTimeRules(deps)).toBe(0)
    clock.advance(2 * 3600_000)
    expect(await runTimeRules(deps)).toBe(1)
    expect(await runTimeRules(deps)).toBe(0)
    const messages = (await app.inject({ url: `/api/v1/tickets/${ticket.id}/messages`, headers: account.agent.headers })).json().items as { kind: string; authorKind: string; body: string; deliveryStatus: string }[]
    expect(messages.at(-1)).toMatchObject({ kind: 'outbound', authorKind: 'bot', body: '佐藤 一郎 その後いかがでしょうか。', deliveryStatus: 'queued' })
    expect((await app.inject({ url: `/api/v1/tickets/${ticket.id}`, headers: account.agent.headers })).json().status).toBe('pending')

    clock.advance(4 * 24 * 3600_000)
    expect(await runTimeRules(deps)).toBe(1)
    expect((await app.inject({ url: `/api/v1/tickets/${ticket.id}`, headers: account.agent.headers })).json().status).toBe('solved')
    expect(await firedRules(app, account.agent, ticket.id)).toEqual(['remind', 'close'])
  })
})
