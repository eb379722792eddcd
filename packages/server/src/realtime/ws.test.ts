import type { FastifyInstance } from 'fastify'
import WebSocket from 'ws'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { RealtimeServerMessage } from '@madoguchi/shared'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import { seedTestAccount } from '../test/fixtures.ts'
import { hashPassword } from '../auth/password.ts'
import { sweepPresence } from './ws-presence.ts'

async function listen(app: FastifyInstance): Promise<string> {
  const address = await app.listen({ port: 0, host: '127.0.0.1' })

  return `${address.replace(/^http/, 'ws')}/api/v1/realtime`
}

/** The HTTP status of a refused handshake. */
async function refusedWith(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers })
    socket.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0)
      socket.terminate()
    })
    socket.on('open', () => reject(new Error('handshake accepted')))
    socket.on('error', () => undefined)
  })
}

/** A real socket with a queue of received frames and a way to wait for the one we expect. */
async function connect(url: string, headers: Record<string, string>) {
  const frames: RealtimeServerMessage[] = []
  const waiters: (() => void)[] = []
  const socket = new WebSocket(url, { headers })
  socket.on('message', (data) => {
    frames.push(JSON.parse(String(data)) as RealtimeServerMessage)
    waiters.splice(0).forEach((w) => w())
  })
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  onTestFinished(() => socket.terminate())
  const next = async <T extends RealtimeServerMessage['type']>(type: T, match: (m: Extract<RealtimeServerMessage, { type: T }>) => boolean = () => true) => {
    const deadline = Date.now() + 5000
    for (;;) {
      const index = frames.findIndex((f) => f.type === type && match(f as Extract<RealtimeServerMessage, { type: T }>))
      if (index >= 0) return frames.splice(index, 1)[0] as Extract<RealtimeServerMessage, { type: T }>
      if (Date.now() > deadline) throw new Error(`no ${type} frame; got ${JSON.stringify(frames)}`)
      await new Promise<void>((resolve) => {
        waiters.push(resolve)
        setTimeout(resolve, 100)
      })
    }
  }
  await next('ready')

  return { socket, frames, next, send: (message: unknown) => socket.send(JSON.stringify(message)) }
}

async function createTicket(app: FastifyInstance, headers: Record<string, string>, extra: Record<string, unknown> = {}) {
  const res = await app.inject({
    method: 'POST', url: '/api/v1/tickets', headers,
    payload: { subject: '届いた商品が壊れていました', customer: { email: `c${Math.random()}@example.jp`, name: '佐藤 花子' }, channel: 'email', message: { body: '箱が潰れていました。' }, ...extra },
  })
  expect(res.statusCode, res.body).toBe(201)

  return res.json() as { id: string; number: number }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 150))

describe.each(testDialects())('realtime WebSocket on %s', (dialect) => {
  it('refuses a handshake without credentials or from another site', async () => {
    const { app, account } = await startTestApp(dialect)
    const url = await listen(app)
    expect(await refusedWith(url)).toBe(401)
    expect(await refusedWith(url, { ...account.agent.headers, origin: 'https://evil.example' })).toBe(403)
  })

  it("forwards the account's events, and only its own", async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const url = await listen(app)
    const other = await seedTestAccount(deps, 'Other Co')
    const mine = await connect(url, account.agent.headers)
    const theirs = await connect(url, other.agent.headers)
    const ticket = await createTicket(app, account.agent.headers)
    expect(await mine.next('ticket.created')).toMatchObject({ ticketId: ticket.id, number: ticket.number })
    await settle()
    expect(theirs.frames.filter((f) => f.type === 'ticket.created')).toEqual([])
  })

  it("shows a partner only its teams' tickets", async () => {
    const { app, account } = await startTestApp(dialect)
    const url = await listen(app)
    const partner = await connect(url, account.partner.headers)
    const outside = await createTicket(app, account.agent.headers, { teamId: account.teamId })
    const inside = await createTicket(app, account.agent.headers, { teamId: account.partnerTeamId })
    expect(await partner.next('ticket.created')).toMatchObject({ ticketId: inside.id })
    await settle()
    expect(partner.frames.some((f) => 'ticketId' in f && f.ticketId === outside.id)).toBe(false)
  })

  it("keeps a threat-escalated ticket's events from agents outside the restriction", async () => {
    const { app, account } = await startTestApp(dialect)
    const url = await listen(app)
    const agent = await connect(url, account.agent.headers)
    const supervisor = await connect(url, account.supervisor.headers)
    const ticket = await createTicket(app, account.agent.headers, { teamId: account.teamId })
    await agent.next('ticket.created', (m) => m.ticketId === ticket.id)
    const escalated = await app.inject({
      method: 'POST', url: `/api/v1/tickets/${ticket.id}/escalate`, headers: account.supervisor.headers,
      payload: { reason: 'threat_legal', note: '訴訟を起こすと言われました' },
    })
    expect(escalated.statusCode, escalated.body).toBe(201)
    const tagged = await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, headers: account.supervisor.headers, payload: { tags: ['legal'] } })
    expect(tagged.statusCode, tagged.body).toBe(200)
    expect(await supervisor.next('ticket.updated', (m) => m.ticketId === ticket.id && m.fields.includes('tags'))).toBeTruthy()
    await settle()
    expect(agent.frames.some((f) => 'ticketId' in f && f.ticketId === ticket.id)).toBe(false)
  })

  it('answers pings and ignores malformed frames', async () => {
    const { app, account } = await startTestApp(dialect)
    const url = await listen(app)
    const client = await connect(url, account.agent.headers)
    client.socket.send('not json')
    client.send({ type: 'presence', ticketId: 42 })
    client.send({ type: 'ping' })
    expect(await client.next('pong')).toMatchObject({ type: 'pong' })
  })

  it('tracks who views and who replies, in the database, and forgets a closed socket', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const url = await listen(app)
    const ticket = await createTicket(app, account.agent.headers)
    const sato = await connect(url, account.agent.headers)
    const lead = await connect(url, account.supervisor.headers)
    sato.send({ type: 'presence', ticketId: ticket.id, replying: false })
    expect(await lead.next('presence.changed', (e) => e.viewers.length === 1)).toMatchObject({
      ticketId: ticket.id, viewers: [{ agentId: account.agent.id, name: 'Test agent', replying: false }],
    })
    sato.send({ type: 'presence', ticketId: ticket.id, replying: true })
    expect(await lead.next('presence.changed', (e) => e.viewers[0]?.replying === true)).toBeTruthy()
    const rows = await deps.db.selectFrom('presence').selectAll().where('ticket_id', '=', ticket.id).execute()
    expect(rows).toHaveLength(1)
    expect(Number(rows[0]?.replying)).toBe(1)
    sato.socket.close()
    expect(await lead.next('presence.changed', (e) => e.viewers.length === 0)).toMatchObject({ ticketId: ticket.id })
    expect(await deps.db.selectFrom('presence').selectAll().execute()).toEqual([])
  })

  it('does not let a partner announce itself on a ticket it cannot see', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const url = await listen(app)
    const hidden = await createTicket(app, account.agent.headers, { teamId: account.teamId })
    const partner = await connect(url, account.partner.headers)
    partner.send({ type: 'presence', ticketId: hidden.id, replying: true })
    partner.send({ type: 'ping' })
    await partner.next('pong')
    await settle()
    expect(await deps.db.selectFrom('presence').selectAll().execute()).toEqual([])
  })

  it('accepts the session cookie of a signed-in agent', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const url = await listen(app)
    await deps.db.updateTable('agents').set({ password_hash: await hashPassword('correct horse battery') }).where('id', '=', account.agent.id).execute()
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.agent.email, password: 'correct horse battery' } })
    expect(login.statusCode, login.body).toBe(200)
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ')
    const client = await connect(url, { cookie, origin: `http://${new URL(url).host}` })
    const ticket = await createTicket(app, account.agent.headers)
    expect(await client.next('ticket.created')).toMatchObject({ ticketId: ticket.id })
  })

  it("sweeps a vanished node's expired viewers and says so", async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const ticket = await createTicket(app, account.agent.headers)
    const past = new Date(Date.now() - 1000).toISOString()
    await deps.db.insertInto('presence').values({
      connection_id: 'gone', account_id: account.accountId, agent_id: account.agent.id, agent_name: 'Test agent',
      ticket_id: ticket.id, replying: 1, expires_at: past, updated_at: past,
    }).execute()
    const seen: unknown[] = []
    deps.realtime.subscribe((_accountId, event) => seen.push(event))
    await sweepPresence(deps)
    expect(await deps.db.selectFrom('presence').selectAll().execute()).toEqual([])
    expect(seen).toEqual([expect.objectContaining({ type: 'presence.changed', ticketId: ticket.id, viewers: [] })])
  })
})
