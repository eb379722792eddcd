import { describe, expect, it } from 'vitest'
import type { RealtimeEvent } from '@madoguchi/shared'
import { AppError } from '../lib/app-error.ts'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import { appendInboundMessage } from './append-inbound-message.ts'
import { createTicketFromInbound } from './create-ticket-from-inbound.ts'
import { createTicketVia } from './ticket-test-helpers.ts'

describe.each(testDialects())('inbound channel messages on %s', (dialect) => {
  it('creates a ticket from a first message once, however often the channel delivers it', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const input = {
      accountId: account.accountId, channel: 'email' as const, externalId: '<abc@mail.example.jp>', subject: '  ',
      customer: { email: 'suzuki@example.jp', name: '鈴木 一郎' }, bodyText: '注文番号 A-77 の件\n届いていません',
      bodyHtml: '<p>注文番号 A-77 の件<script>x</script></p>', metadata: { from: 'suzuki@example.jp' }, tags: ['メール', 'メール'],
    }
    const first = await createTicketFromInbound(deps, input)
    expect(first.duplicate).toBe(false)
    expect(first.ticket).toMatchObject({ number: 1, subject: '注文番号 A-77 の件', channel: 'email', status: 'new', tags: ['メール'], customer: { displayName: '鈴木 一郎', created: true } })
    expect(first.message).toMatchObject({ kind: 'inbound', externalId: '<abc@mail.example.jp>', html: '<p>注文番号 A-77 の件</p>', metadata: { from: 'suzuki@example.jp' } })

    const again = await Promise.all(Array.from({ length: 5 }, () => createTicketFromInbound(deps, input)))
    for (const r of again) {
      expect(r.duplicate).toBe(true)
      expect(r.ticket.id).toBe(first.ticket.id)
      expect(r.message.id).toBe(first.message.id)
    }
    // The duplicates consumed no ticket numbers.
    expect((await createTicketVia(app, account.agent.headers)).number).toBe(2)
  })

  it('stores one ticket when the same new message arrives concurrently', async () => {
    const { deps, account } = await startTestApp(dialect)
    const input = { accountId: account.accountId, channel: 'line' as const, externalId: 'line-msg-1', subject: '', customer: { phone: '090-1234-5678' }, bodyText: 'こんにちは' }
    const results = await Promise.all(Array.from({ length: 6 }, () => createTicketFromInbound(deps, input)))
    expect(new Set(results.map((r) => r.ticket.id)).size).toBe(1)
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1)
    const count = await deps.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', account.accountId).executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(1)
  })

  it('appends a customer message: reopens a solved ticket, starts the wait, and ignores redeliveries', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const t = await createTicketVia(app, h, { channel: 'email' })
    await app.inject({ method: 'POST', url: `/api/v1/tickets/${t.id}/messages`, headers: h, payload: { kind: 'reply', body: '発送しました' } })
    await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${t.id}`, headers: h, payload: { status: 'solved' } })
    const seen: RealtimeEvent[] = []
    deps.realtime.subscribe((_, e) => seen.push(e))

    const input = { accountId: account.accountId, ticketId: t.id, channel: 'email' as const, externalId: '<re-1@example.jp>', bodyText: 'まだ届きません', authorCustomerId: t.customer.id }
    const res = await appendInboundMessage(deps, input)
    expect(res).toMatchObject({ duplicate: false, reopened: true, message: { kind: 'inbound', authorKind: 'customer', body: 'まだ届きません' } })
    const after = (await app.inject({ url: `/api/v1/tickets/${t.id}`, headers: h })).json()
    expect(after).toMatchObject({ status: 'open', solvedAt: null, waitingSince: res.message.createdAt, messageCount: 3 })
    expect(seen.map((e) => e.type)).toEqual(['message.created', 'ticket.updated'])

    const dup = await appendInboundMessage(deps, { ...input, bodyText: 'changed?' })
    expect(dup).toMatchObject({ duplicate: true, message: { id: res.message.id, body: 'まだ届きません' } })
    const waitingStill = await appendInboundMessage(deps, { ...input, externalId: '<re-2@example.jp>' })
    expect(waitingStill.reopened).toBe(false)
    expect((await app.inject({ url: `/api/v1/tickets/${t.id}`, headers: h })).json()).toMatchObject({ waitingSince: res.message.createdAt, messageCount: 4 })

    const events = (await app.inject({ url: `/api/v1/tickets/${t.id}/events?limit=100`, headers: h })).json().items
    expect(events.filter((e: { type: string; actor: { kind: string } }) => e.type === 'ticket.status_changed' && e.actor.kind === 'customer')).toHaveLength(1)
  })

  it('refuses a message for a closed or unknown ticket so the channel can open a follow-up', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const t = await createTicketVia(app, account.agent.headers)
    await app.inject({ method: 'PATCH', url: `/api/v1/tickets/${t.id}`, headers: account.agent.headers, payload: { status: 'closed' } })
    const input = { accountId: account.accountId, ticketId: t.id, channel: 'email' as const, bodyText: 'hello', authorCustomerId: t.customer.id }
    await expect(appendInboundMessage(deps, input)).rejects.toThrow(AppError)
    await expect(appendInboundMessage(deps, input)).rejects.toMatchObject({ code: 'ticket.closed' })
    await expect(appendInboundMessage(deps, { ...input, ticketId: 'nope' })).rejects.toMatchObject({ code: 'ticket.not_found' })
  })
})
