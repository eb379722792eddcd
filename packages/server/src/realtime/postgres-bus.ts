import { randomUUID } from 'node:crypto'
import pg from 'pg'
import type { Logger } from 'pino'
import type { RealtimeEvent } from '@madoguchi/shared'
import type { RealtimeBus } from './realtime-bus.ts'
import { createInProcessBus } from './realtime-bus.ts'

/** One channel per database schema, so test schemas and tenants on one server stay apart. */
export function notifyChannel(schema: string | undefined): string {
  return `madoguchi_rt_${(schema ?? 'public').replace(/[^a-z0-9_]/gi, '_')}`.slice(0, 63)
}

interface Envelope {
  node: string
  accountId: string
  event: RealtimeEvent
}

/**
 * Realtime fan-out across app nodes on PostgreSQL: each node delivers its own
 * events locally at once and relays them with NOTIFY; a dedicated LISTEN
 * connection delivers the other nodes' events. NOTIFY payloads are small (ids
 * and a few fields), far below PostgreSQL's 8,000-byte limit. A lost LISTEN
 * connection reconnects with backoff; clients catch up by refetching after
 * their own reconnect, so a gap costs freshness, never data.
 */
export function createPostgresBus(options: { url: string; schema?: string; logger: Logger }): RealtimeBus {
  const local = createInProcessBus()
  const node = randomUUID()
  const channel = notifyChannel(options.schema)
  const publisher = new pg.Pool({ connectionString: options.url, max: 2 })
  let listener: pg.Client | null = null
  let closed = false
  let retryMs = 500

  const listen = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: options.url })
    client.on('notification', (message) => {
      if (message.channel !== channel || !message.payload) return
      try {
        const envelope = JSON.parse(message.payload) as Envelope
        if (envelope.node !== node) local.publish(envelope.accountId, envelope.event)
      } catch (error) {
        options.logger.warn({ err: error }, 'realtime: unreadable notification ignored')
      }
    })
    client.on('error', (error) => {
      options.logger.warn({ err: error }, 'realtime: LISTEN connection lost, reconnecting')
      listener = null
      void client.end().catch(() => undefined)
      scheduleReconnect()
    })
    await client.connect()
    await client.query(`LISTEN ${channel}`)
    if (closed) {
      await client.end()

      return
    }
    listener = client
    retryMs = 500
  }
  const scheduleReconnect = () => {
    if (closed) return
    setTimeout(() => void listen().catch(() => scheduleReconnect()), retryMs).unref()
    retryMs = Math.min(retryMs * 2, 30_000)
  }
  // NOTIFYs of one turn of the event loop go out in one statement: a round trip to
  // PostgreSQL costs more than the notification (each ticket creation sends one).
  let queued: string[] = []
  const flush = () => {
    const payloads = queued
    queued = []
    publisher.query('select pg_notify($1, payload) from unnest($2::text[]) with ordinality as n(payload, at) order by at', [channel, payloads]).catch((error: unknown) => {
      options.logger.warn({ err: error, events: payloads.length }, 'realtime: NOTIFY failed; other nodes miss these events')
    })
  }
  const ready = listen().catch((error: unknown) => {
    options.logger.warn({ err: error }, 'realtime: LISTEN failed, retrying')
    scheduleReconnect()
  })

  return {
    publish(accountId, event) {
      local.publish(accountId, event)
      if (queued.length === 0) setImmediate(flush)
      queued.push(JSON.stringify({ node, accountId, event } satisfies Envelope))
    },
    subscribe: (listenerFn) => local.subscribe(listenerFn),
    async close() {
      closed = true
      if (queued.length > 0) flush()
      await ready
      await listener?.end().catch(() => undefined)
      await publisher.end()
      await local.close()
    },
  }
}
