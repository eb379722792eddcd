import { describe, expect, it } from 'vitest'
import type { MessageView, RealtimeEvent } from '@madoguchi/shared'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import { createTicketVia } from './ticket-test-helpers.ts'

describe.each(testDialects())('ticket messages on %s', (dialect) => {
  it('a reply is queued for delivery, answers the wait, stamps the first response and opens a new ticket', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const t = await createTicketVia(app, h, { channel: 'email' })
    const seen: RealtimeEvent[] = []
    deps.realtime.subscribe((_, e) => seen.push(e))

    const res = await app.inject({
      method: 'POST', url: `/api/v1/tickets/${t.id}/messages`, headers: h,
      payload: { kind: 'reply', body: 'お問い合わせありがとうございます。', html: '<p onclick="x()">お問い合わせ<b>ありがとうございます</b>。<iframe src="https://evil"></iframe></p>' },
    })
    expect(res.statusCode, res.body).toBe(201)
    const reply: MessageView = res.json()
    expect(reply).toMatchObject({ kind: 'outbound', authorKind: 'agent', authorAgentId: account.agent.id, channel: 'email', deliveryStatus: 'queued' })
    expect(reply.html).toBe('<p>お問い合わせ<b>ありがとうございます</b>。</p>')
    expect(seen).toEqual([
      expect.objectContaining({ type: 'message.created', ticketId: t.id, messageId: reply.id, kind: 'outbound' }),
      expect.objectContaining({ type: 'ticket.updated', ticketId: t.id, fields: ['status'] }),
    ])

    const job = await deps.db.selectFrom('jobs').selectAll().where('type', '=', 'message.deliver').executeTakeFirstOrThrow()
    expect(JSON.parse(job.payload)).toEqual({ messageId: reply.id })
    expect(job.account_id).toBe(account.accountId)

    const after = (await app.inject({ url: `/api/v1/tickets/${t.id}`, headers: h })).json()
    expect(after).toMatchObject({ status: 'open', messageCount: 2, waitingSince: null, firstResponseAt: reply.createdAt, lastMessageAt: reply.createdAt })

    // A second reply keeps the first response time.
    await app.inject({ method: 'POST', url: `/api/v1/tickets/${t.id}/messages`, headers: h, payload: { kind: 'reply', body: '追伸' } })
    expect((await app.inject({ url: `/api/v1/tickets/${t.id}`, headers: h })).json().firstResponseAt).toBe(reply.createdAt)
  })

  it('a note is internal: never delivered, changes no clock or status', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const t = await createTicketVia(app, h)
    const res = await app.inject({ method: 'POST', url: `/api/v1/tickets/${t.id}/messages`, headers: h, payload: { kind: 'note', body: '在庫確認中' } })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ kind: 'note', deliveryStatus: null })
    const after = (await app.inject({ url: `/api/v1/tickets/${t.id}`, headers: h })).json()
    expect(after).toMatchObject({ status: 'new', firstResponseAt: null, waitingSince: t.waitingSince, lastMessageAt: t.lastMessageAt, messageCount: 2 })
    expect(await deps.db.selectFrom('jobs').selectAll().where('type', '=', 'message.deliver').execute()).toEqual([])
  })

  it('lists the conversation oldest first, page by page, and the events', async () => {
    const { app, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const t = await createTicketVia(app, h)
    for (let i = 1; i <= 6; i++) {
      await app.inject({ method: 'POST', url: `/api/v1/tickets/${t.id}/messages`, headers: h, payload: { kind: i % 2 ? 'reply' : 'note', body: `m${i}` } })
    }
    const bodies: string[] = []
    let cursor: string | null = null
    do {
      const page: { items: MessageView[]; nextCursor: string | null } =
        (await app.inject({ url: `/api/v1/tickets/${t.id}/messages?limit=3${cursor ? `&cursor=${cursor}` : ''}`, headers: h })).json()
      bodies.push(...page.items.map((m) => m.body))
      cursor = page.nextCursor
    } while (cursor)
    expect(bodies).toEqual(['先週注文した商品がまだ届いていません。', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6'])

    const events = (await app.inject({ url: `/api/v1/tickets/${t.id}/events?limit=100`, headers: h })).json()
    expect(events.items.map((e: { type: string }) => e.type)).toEqual([
      'ticket.created', 'message.created', 'message.created', 'ticket.status_changed',
      ...Array.from({ length: 5 }, () => 'message.created'),
    ])
    const firstPage = (await app.inject({ url: `/api/v1/tickets/${t.id}/events?limit=2`, headers: h })).json()
    const secondPage = (await app.inject({ url: `/api/v1/tickets/${t.id}/events?limit=2&cursor=${firstPage.nextCursor}`, headers: h })).json()
    expect([...firstPage.items, ...secondPage.items].map((e: { id: string }) => e.id)).toEqual(events.items.slice(0, 4).map((e: { id: string }) => e.id))
  })

  it('refuses bad messages: unknown kind or fields 422, oversize 422/413, replies to closed tickets 409', async () => {
    const { app, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const t = await createTicketVia(app, h)
    const post = (payload: unknown) => app.inject({ method: 'POST', url: `/api/v1/tickets/${t.id}/messages`, headers: h, payload: payload as object })
    for (const payload of [{ kind: 'shout', body: 'x' }, { kind: 'reply' }, { kind: 'reply', body: '' }, { kind: 'note', body: 'x', to: 'y' },
      { kind: 'reply', body: 'x'.repeat(100_001) }, { kind: 'reply', body: 1 }]) {
      expect((await post(payload)).statusCode, JSON.stringify(payload).slice(0, 50)).toBe(422)
    }
    expect((await post({ kind: 'reply', body: 'x'.repeat(2_000_000) })).statusCode).toBe(413)
    await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${t.id}`, headers: h, payload: { status: 'closed' } })
    const closed = await post({ kind: 'reply', body: 'x' })
    expect(closed.statusCode).toBe(409)
    expect(closed.json().error.code).toBe('ticket.closed')
    expect((await post({ kind: 'note', body: 'closed, for the record' })).statusCode).toBe(201)
    const bogus = await app.inject({ url: '/api/v1/tickets/nope/messages', headers: h })
    expect(bogus.statusCode).toBe(404)
  })
})
