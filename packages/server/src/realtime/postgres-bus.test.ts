import pino from 'pino'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { RealtimeEvent } from '@madoguchi/shared'
import { createPostgresBus } from './postgres-bus.ts'

const url = process.env.TEST_DATABASE_URL
const logger = pino({ level: 'silent' })

function event(ticketId: string): RealtimeEvent {
  return { type: 'ticket.updated', ticketId, number: 1, teamId: null, assigneeId: null, fields: ['status'], at: new Date().toISOString() }
}

function nextEvent(bus: ReturnType<typeof createPostgresBus>): Promise<{ accountId: string; event: RealtimeEvent }> {
  return new Promise((resolve) => {
    const stop = bus.subscribe((accountId, e) => {
      stop()
      resolve({ accountId, event: e })
    })
  })
}

// Needs a PostgreSQL server; SQLite installs are single-node and use the in-process bus.
describe.runIf(url)('realtime across nodes on PostgreSQL', () => {
  it('delivers an event published on one node to sockets of another, once', async () => {
    const schema = `rt_${Date.now()}`
    const a = createPostgresBus({ url: url!, schema, logger })
    const b = createPostgresBus({ url: url!, schema, logger })
    const other = createPostgresBus({ url: url!, schema: `${schema}_other`, logger })
    onTestFinished(async () => {
      await Promise.all([a.close(), b.close(), other.close()])
    })
    await new Promise((resolve) => setTimeout(resolve, 300)) // LISTEN in place
    const seenByOther: unknown[] = []
    other.subscribe((_account, e) => seenByOther.push(e))
    const seenByA: unknown[] = []
    a.subscribe((_account, e) => seenByA.push(e))

    const atB = nextEvent(b)
    a.publish('acct-1', event('t-1'))
    const received = await atB
    expect(received).toEqual({ accountId: 'acct-1', event: expect.objectContaining({ ticketId: 't-1' }) })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(seenByA).toHaveLength(1) // its own event locally, not a second time from NOTIFY
    expect(seenByOther).toHaveLength(0) // another schema's nodes hear nothing
  })

  it('relays events published together (one NOTIFY statement) to the other node, all of them, in order', async () => {
    const schema = `rt_burst_${Date.now()}`
    const a = createPostgresBus({ url: url!, schema, logger })
    const b = createPostgresBus({ url: url!, schema, logger })
    onTestFinished(async () => {
      await Promise.all([a.close(), b.close()])
    })
    await new Promise((resolve) => setTimeout(resolve, 300)) // LISTEN in place
    const seenByB: string[] = []
    b.subscribe((_account, e) => seenByB.push('ticketId' in e ? String(e.ticketId) : ''))

    const ids = Array.from({ length: 25 }, (_, i) => `t-${i}`)
    for (const id of ids) a.publish('acct-1', event(id))
    await expect.poll(() => seenByB.length, { timeout: 3000 }).toBe(ids.length)
    expect(seenByB).toEqual(ids)
  })
})
