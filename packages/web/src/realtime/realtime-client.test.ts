import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws'
import type { RealtimeEvent } from '../api/types.ts'
import { RealtimeClient } from './realtime-client.ts'

// `ws` stands in for the browser's WebSocket on every Node version: Node 20 has no global
// one, and Node 22's (undici 6) fires `error` but never `close` when a connect is refused
// (nodejs/undici#3546), so the client would wait forever for the close it retries from —
// browsers, `ws` and Node 24's undici 7 fire both.
;(globalThis as { WebSocket?: unknown }).WebSocket = NodeWebSocket

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((f) => f()))

/** A stand-in for the server end: says `ready`, records what the client sends. */
async function fakeServer() {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  await new Promise((resolve) => server.once('listening', resolve))
  const received: unknown[] = []
  let connections = 0
  server.on('connection', (socket) => {
    connections++
    socket.on('message', (data) => received.push(JSON.parse(String(data))))
    socket.send(JSON.stringify({ type: 'ready', agentId: 'a1', at: new Date().toISOString() }))
  })
  cleanups.push(() => server.close())
  const { port } = server.address() as { port: number }

  return { server, received, url: `ws://127.0.0.1:${port}`, connections: () => connections }
}

const until = async (check: () => boolean, ms = 5000) => {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('RealtimeClient', () => {
  it('delivers events, reconnects after the server drops it, re-announces presence and asks for a catch-up', async () => {
    const fake = await fakeServer()
    const client = new RealtimeClient(fake.url)
    cleanups.push(() => client.stop())
    const events: RealtimeEvent[] = []
    const states: string[] = []
    let reconnects = 0
    client.onEvent((e) => events.push(e))
    client.onState((s) => states.push(s))
    client.onReconnect(() => reconnects++)
    client.start()
    await until(() => client.state === 'open')
    client.setPresence('t1', true)
    await until(() => fake.received.length === 1)
    expect(fake.received[0]).toEqual({ type: 'presence', ticketId: 't1', replying: true })

    const event: RealtimeEvent = { type: 'ticket.created', ticketId: 't2', number: 7, teamId: null, assigneeId: null, at: new Date().toISOString() }
    for (const socket of fake.server.clients) socket.send(JSON.stringify(event))
    await until(() => events.length === 1)
    expect(events[0]).toEqual(event)
    expect(reconnects).toBe(0)

    for (const socket of fake.server.clients) socket.terminate()
    await until(() => reconnects === 1)
    expect(states).toEqual(['open', 'reconnecting', 'open'])
    expect(fake.connections()).toBe(2)
    // The new server-side socket learns what this tab shows without being asked.
    await until(() => fake.received.length === 2)
    expect(fake.received[1]).toEqual({ type: 'presence', ticketId: 't1', replying: true })
  })

  it('keeps retrying while the server is down and comes back when it is up', async () => {
    const fake = await fakeServer()
    const { url } = fake
    const port = Number(new URL(url).port)
    const client = new RealtimeClient(url)
    cleanups.push(() => client.stop())
    let reconnects = 0
    client.onReconnect(() => reconnects++)
    client.start()
    await until(() => client.state === 'open')
    for (const socket of fake.server.clients) socket.terminate()
    await new Promise((resolve) => fake.server.close(resolve))
    await until(() => client.state === 'reconnecting')
    await new Promise((resolve) => setTimeout(resolve, 1200))
    const again = new WebSocketServer({ port, host: '127.0.0.1' })
    cleanups.push(() => again.close())
    again.on('connection', (socket) => socket.send(JSON.stringify({ type: 'ready', agentId: 'a1', at: new Date().toISOString() })))
    await until(() => reconnects === 1, 15_000)
    expect(client.state).toBe('open')
  }, 20_000)
})
