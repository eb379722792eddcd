import { describe, expect, it } from 'vitest'
import type { RealtimeEvent } from '@madoguchi/shared'
import { searchVia } from '../search/search-test-corpus.ts'
import { testDialects } from '../test/dialects.ts'
import { seedTestAccount } from '../test/fixtures.ts'
import { startTestApp } from '../test/test-app.ts'
import { createTicketVia, ticketBody } from './ticket-test-helpers.ts'

describe.each(testDialects())('POST /tickets on %s', (dialect) => {
  it('creates the ticket, a new customer with a CRN, the first message and the events', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const seen: RealtimeEvent[] = []
    deps.realtime.subscribe((accountId, event) => accountId === account.accountId && seen.push(event))

    const res = await app.inject({
      method: 'POST', url: '/api/v1/tickets', headers: account.agent.headers,
      payload: ticketBody({
        subject: '返品について', customer: { email: 'Hanako@Example.JP', name: '佐藤 花子' }, channel: 'email',
        message: { body: '返品したいです。', html: '<p>返品<script>alert(1)</script>したいです。</p>' },
        priority: 'high', category: 'return', tags: ['返品', ' VIP '], teamId: account.teamId, assigneeId: account.agent.id,
        customFields: { orderId: 'A-1001', amount: 3980, gift: false, empty: null },
      }),
    })
    expect(res.statusCode, res.body).toBe(201)
    const ticket = res.json()
    expect(ticket).toMatchObject({
      number: 1, subject: '返品について', status: 'new', priority: 'high', category: 'return', channel: 'email',
      customer: { displayName: '佐藤 花子', isVip: false, handleWithCare: false, created: true },
      assigneeId: account.agent.id, teamId: account.teamId, tags: ['返品', 'vip'],
      customFields: { orderId: 'A-1001', amount: 3980, gift: false }, messageCount: 1, firstResponseAt: null,
    })
    expect(ticket.customer.crn).toMatch(/^C-/)
    expect(ticket.waitingSince).toBe(ticket.createdAt)
    expect(seen).toEqual([expect.objectContaining({ type: 'ticket.created', ticketId: ticket.id, number: 1 })])

    const messages = (await app.inject({ url: `/api/v1/tickets/${ticket.id}/messages`, headers: account.agent.headers })).json()
    expect(messages.items).toHaveLength(1)
    expect(messages.items[0]).toMatchObject({ kind: 'inbound', authorKind: 'customer', authorCustomerId: ticket.customer.id, body: '返品したいです。' })
    expect(messages.items[0].html).toBe('<p>返品したいです。</p>')

    const tags = await deps.db.selectFrom('ticket_tags').select('tag').where('ticket_id', '=', ticket.id).orderBy('tag').execute()
    expect(tags.map((t) => t.tag)).toEqual(['vip', '返品'])
    const events = (await app.inject({ url: `/api/v1/tickets/${ticket.id}/events`, headers: account.agent.headers })).json()
    expect(events.items[0]).toMatchObject({ type: 'ticket.created', actor: { kind: 'agent', id: account.agent.id } })
    const customerEvents = await deps.db.selectFrom('events').select(['type', 'after']).where('subject_id', '=', ticket.customer.id).execute()
    expect(customerEvents.map((e) => e.type)).toEqual(['customer.created'])
    expect(JSON.parse(customerEvents[0]!.after!)).toMatchObject({ crn: ticket.customer.crn, displayName: '佐藤 花子' })

    // Searchable as soon as the 201 is out: the new customer by name, the ticket by subject and message.
    const customers = await searchVia(app, account.agent.headers, { q: '佐藤', type: 'customer' })
    expect(customers.results.map((r) => r.id)).toEqual([ticket.customer.id])
    const bySubject = await searchVia(app, account.agent.headers, { q: 'について', type: 'ticket' })
    expect(bySubject.results.map((r) => r.id)).toEqual([ticket.id])
    const byMessage = await searchVia(app, account.agent.headers, { q: 'したい', type: 'message' })
    expect(byMessage.results.map((r) => r.ticketId)).toEqual([ticket.id])
  })

  it('finds the existing customer by email, id or CRN instead of creating another', async () => {
    const { app, account } = await startTestApp(dialect)
    const first = await createTicketVia(app, account.agent.headers, { customer: { email: 'taro@example.jp', name: 'Taro' } })
    const byEmail = await createTicketVia(app, account.agent.headers, { customer: { email: ' TARO@example.jp ' } })
    const byId = await createTicketVia(app, account.agent.headers, { customer: { id: first.customer.id } })
    const byCrn = await createTicketVia(app, account.agent.headers, { customer: { crn: first.customer.crn } })
    for (const t of [byEmail, byId, byCrn]) expect(t.customer).toMatchObject({ id: first.customer.id, created: false })
    expect([first, byEmail, byId, byCrn].map((t) => t.number)).toEqual([1, 2, 3, 4])
  })

  it('gives 50 concurrent creations distinct consecutive numbers', async () => {
    const { app, account } = await startTestApp(dialect)
    const created = await Promise.all(Array.from({ length: 50 }, () => createTicketVia(app, account.agent.headers)))
    expect(created.map((t) => t.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
  })

  it('numbers tickets per account', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const other = await seedTestAccount(deps, 'Other Co')
    expect((await createTicketVia(app, account.agent.headers)).number).toBe(1)
    expect((await createTicketVia(app, other.agent.headers)).number).toBe(1)
    expect((await createTicketVia(app, account.agent.headers)).number).toBe(2)
    // Tickets of another account do not exist for this one.
    const theirs = await createTicketVia(app, other.agent.headers)
    expect((await app.inject({ url: `/api/v1/tickets/${theirs.id}`, headers: account.agent.headers })).statusCode).toBe(404)
  })

  it('refuses bad input with 422 and creates nothing', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const bad = [
      { extra: 1 },
      { channel: 'pigeon' },
      { priority: 'whenever' },
      { category: 'gossip' },
      { subject: '' },
      { customer: {} },
      { customer: { name: 'only a name' } },
      { customer: { id: 'x', email: 'a@b.c' } },
      { message: { body: 'x', extra: true } },
      { message: { body: 'x'.repeat(100_001) } },
      { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
      { customFields: { nested: { a: 1 } } },
      { customFields: { 'bad key!': 1 } },
    ]
    for (const override of bad) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/tickets', headers: account.agent.headers, payload: ticketBody(override) })
      expect(res.statusCode, JSON.stringify(override)).toBe(422)
      expect(res.json().error.code).toBe('request.validation_failed')
    }
    const unknownAssignee = await app.inject({ method: 'POST', url: '/api/v1/tickets', headers: account.agent.headers, payload: ticketBody({ assigneeId: 'nobody' }) })
    expect(unknownAssignee.json().error.code).toBe('ticket.assignee_not_found')
    const unknownTeam = await app.inject({ method: 'POST', url: '/api/v1/tickets', headers: account.agent.headers, payload: ticketBody({ teamId: account.agent.id }) })
    expect(unknownTeam.json().error.code).toBe('ticket.team_not_found')
    const unknownCustomer = await app.inject({ method: 'POST', url: '/api/v1/tickets', headers: account.agent.headers, payload: ticketBody({ customer: { id: account.agent.id } }) })
    expect(unknownCustomer.statusCode).toBe(404)
    const count = await deps.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(0)
  })

  it('replays the first answer for a repeated Idempotency-Key and creates nothing twice', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const headers = { ...account.agent.headers, 'idempotency-key': 'create-once-1' }
    const payload = ticketBody()
    const first = await app.inject({ method: 'POST', url: '/api/v1/tickets', headers, payload })
    const again = await app.inject({ method: 'POST', url: '/api/v1/tickets', headers, payload })
    expect(first.statusCode).toBe(201)
    expect(again.statusCode).toBe(201)
    expect(again.json().id).toBe(first.json().id)
    const reply = { kind: 'reply', body: 'お待たせしました' }
    const url = `/api/v1/tickets/${first.json().id}/messages`
    const r1 = await app.inject({ method: 'POST', url, headers: { ...account.agent.headers, 'idempotency-key': 'reply-once-1' }, payload: reply })
    const r2 = await app.inject({ method: 'POST', url, headers: { ...account.agent.headers, 'idempotency-key': 'reply-once-1' }, payload: reply })
    expect(r2.json().id).toBe(r1.json().id)
    const count = await deps.db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(2)
    expect(Number((await deps.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(1)
  })

  it('is for staff: partners cannot create tickets', async () => {
    const { app, account } = await startTestApp(dialect)
    const res = await app.inject({ method: 'POST', url: '/api/v1/tickets', headers: account.partner.headers, payload: ticketBody() })
    expect(res.statusCode).toBe(403)
  })
})
