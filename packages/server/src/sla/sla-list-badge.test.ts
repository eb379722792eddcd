import { describe, expect, it } from 'vitest'
import { createTicketVia } from '../tickets/ticket-test-helpers.ts'
import { testDialects } from '../test/dialects.ts'
import { summarizeClocks } from './load-sla-summaries.ts'
import { createPolicy, startClockedApp } from './sla-test-helpers.ts'

interface Row { id: string; slaState: string | null; slaDueAt: string | null; slaMetric: string | null; slaPaused: boolean }

describe.each(testDialects())('SLA badge in ticket lists on %s', (dialect) => {
  it('names the running target, pauses while pending, and moves to the next target after a reply', async () => {
    const { app, account, clock } = await startClockedApp(dialect, '2026-11-30T00:00:00.000Z')
    await createPolicy(app, account.supervisor, { name: 'Round the clock', firstResponseMinutes: 60, nextResponseMinutes: 30, resolutionMinutes: 600 })
    const ticket = await createTicketVia(app, account.agent.headers, { teamId: account.teamId })
    const rowOf = async (id: string) => ((await app.inject({ url: '/api/v1/tickets?limit=100', headers: account.agent.headers })).json().items as Row[]).find((t) => t.id === id)

    expect(await rowOf(ticket.id)).toMatchObject({ slaState: 'ok', slaMetric: 'first_response', slaDueAt: '2026-11-30T01:00:00.000Z', slaPaused: false })

    clock.advance(10 * 60_000)
    const reply = await app.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/messages`, headers: account.agent.headers, payload: { kind: 'reply', body: '確認します。' } })
    expect(reply.statusCode, reply.body).toBe(201)
    // First response achieved; resolution (10 h) is the running target now.
    expect(await rowOf(ticket.id)).toMatchObject({ slaState: 'ok', slaMetric: 'resolution', slaDueAt: '2026-11-30T10:00:00.000Z', slaPaused: false })

    await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, headers: account.agent.headers, payload: { status: 'pending' } })
    expect(await rowOf(ticket.id)).toMatchObject({ slaMetric: 'resolution', slaDueAt: null, slaPaused: true })
  })
})

describe('summarizeClocks', () => {
  const now = '2026-11-30T02:00:00.000Z'
  const clock = (metric: 'first_response' | 'next_response' | 'resolution', over: Record<string, string | null> = {}) => ({
    ticket_id: 't', metric, due_at: null, warning_at: null, warned_at: null, breached_at: null, achieved_at: null, paused_since: null, ...over,
  })

  it.each([
    { name: 'no clocks', rows: [], want: { slaState: null, slaDueAt: null, slaMetric: null, slaPaused: false } },
    {
      name: 'the clock due first names the badge; the worst state wins',
      rows: [clock('resolution', { due_at: '2026-11-30T01:00:00.000Z' }), clock('next_response', { due_at: '2026-11-30T03:00:00.000Z' })],
      want: { slaState: 'breached', slaDueAt: '2026-11-30T01:00:00.000Z', slaMetric: 'resolution', slaPaused: false },
    },
    {
      name: 'every clock achieved',
      rows: [clock('first_response', { achieved_at: '2026-11-30T00:10:00.000Z', due_at: null })],
      want: { slaState: 'achieved', slaDueAt: null, slaMetric: null, slaPaused: false },
    },
    {
      name: 'paused while waiting on the customer',
      rows: [clock('resolution', { paused_since: '2026-11-30T01:30:00.000Z' }), clock('first_response', { achieved_at: '2026-11-30T00:10:00.000Z' })],
      want: { slaState: 'ok', slaDueAt: null, slaMetric: 'resolution', slaPaused: true },
    },
    {
      name: 'paused before the first response: the first response names the badge, whatever the row order',
      rows: [clock('resolution', { paused_since: '2026-11-30T01:30:00.000Z' }), clock('first_response', { paused_since: '2026-11-30T01:30:00.000Z' })],
      want: { slaState: 'ok', slaDueAt: null, slaMetric: 'first_response', slaPaused: true },
    },
  ])('$name', ({ rows, want }) => {
    expect(summarizeClocks(rows, now)).toEqual(want)
  })
})
