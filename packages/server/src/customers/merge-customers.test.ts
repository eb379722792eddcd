import { describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import type { CustomerEventView, CustomerLookupView, CustomerView } from '@madoguchi/shared'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import type { TestContext } from '../test/test-app.ts'
import { createCustomerVia, insertTicketFor } from './customer-test-helpers.ts'

async function merge(ctx: TestContext, sourceId: string, intoId: string) {
  return ctx.app.inject({ method: 'POST', url: `/api/v1/customers/${sourceId}/merge`, headers: ctx.account.supervisor.headers, payload: { intoId } })
}

describe.each(testDialects())('merging customers on %s', (dialect) => {
  it('moves contacts, tickets and messages to the survivor and combines the profiles', async () => {
    const ctx = await startTestApp(dialect)
    const { app, deps, account } = ctx
    const h = account.agent.headers
    const into = await createCustomerVia(app, h, {
      displayName: '山田 太郎', familyName: '山田', isVip: true, vipReason: 'Long-time customer', lifetimeValue: 30_000, notes: 'Calls on Mondays',
      contacts: [{ kind: 'email', value: 'taro@example.jp' }],
    })
    const source = await createCustomerVia(app, h, {
      displayName: 'Taro Yamada', givenName: '太郎', givenNameKana: 'タロウ', birthday: '1980-05-05', handleWithCare: true, careReason: 'Disputed an invoice',
      lifetimeValue: 12_000, notes: 'Second account from the web shop', isInternal: true,
      contacts: [{ kind: 'email', value: 'taro.y@example.com' }, { kind: 'phone', value: '090-1234-5678' }],
    })
    const t1 = await insertTicketFor(deps, account.accountId, source.id, account.teamId)
    const t2 = await insertTicketFor(deps, account.accountId, source.id)
    const kept = await insertTicketFor(deps, account.accountId, into.id)

    const published: unknown[] = []
    deps.realtime.subscribe((_accountId, event) => published.push(event))
    const res = await merge(ctx, source.id, into.id)
    expect(res.statusCode, res.body).toBe(200)
    const survivor = res.json() as CustomerView
    expect(published).toEqual(expect.arrayContaining([
      expect.objectContaining({ type: 'ticket.updated', ticketId: t1.ticketId, teamId: account.teamId, fields: ['customerId'] }),
      expect.objectContaining({ type: 'ticket.updated', ticketId: t2.ticketId, teamId: null }),
    ]))
    expect(published).toHaveLength(2)
    expect(survivor).toMatchObject({
      id: into.id, crn: into.crn, displayName: '山田 太郎', familyName: '山田', givenName: '太郎', givenNameKana: 'タロウ', birthday: '1980-05-05',
      isVip: true, vipReason: 'Long-time customer', handleWithCare: true, careReason: 'Disputed an invoice', isInternal: true,
      lifetimeValue: 42_000, notes: 'Calls on Mondays\n\nSecond account from the web shop', mergedIntoId: null,
    })
    expect(survivor.contacts.map((c) => [c.kind, c.value, c.isPrimary])).toEqual([
      ['email', 'taro@example.jp', true],
      ['email', 'taro.y@example.com', false],
      ['phone', '+819012345678', true],
    ])

    const tickets = await deps.db.selectFrom('tickets').select(['id', 'customer_id']).execute()
    expect(tickets.every((t) => t.customer_id === into.id)).toBe(true)
    expect(tickets.map((t) => t.id).sort()).toEqual([t1.ticketId, t2.ticketId, kept.ticketId].sort())
    const authors = await deps.db.selectFrom('messages').select('author_customer_id').execute()
    expect(authors.every((m) => m.author_customer_id === into.id)).toBe(true)
    const ticketEvents = await deps.db.selectFrom('events').selectAll().where('type', '=', 'ticket.customer_changed').execute()
    expect(ticketEvents.map((e) => e.subject_id).sort()).toEqual([t1.ticketId, t2.ticketId].sort())

    // The loser keeps its row, points at the survivor, and its CRN still resolves.
    const loser = (await app.inject({ url: `/api/v1/customers/${source.id}`, headers: h })).json() as CustomerView
    expect(loser).toMatchObject({ mergedIntoId: into.id, contacts: [] })
    const lookup = await app.inject({ url: `/api/v1/customers/lookup?crn=${source.crn.toLowerCase()}`, headers: h })
    expect(lookup.json() as CustomerLookupView).toMatchObject({ id: into.id, mergedFrom: { id: source.id, crn: source.crn } })
    const byOldEmail = await app.inject({ url: '/api/v1/customers/lookup?email=TARO.Y@example.com', headers: h })
    expect(byOldEmail.json()).toMatchObject({ id: into.id, mergedFrom: null })
    // Gone from the list, present in the survivor's history.
    const list = (await app.inject({ url: '/api/v1/customers', headers: h })).json() as { items: CustomerView[] }
    expect(list.items.map((c) => c.id)).toEqual([into.id])
  })

  it('records customer.merged on both, field changes on the survivor, and an audit entry', async () => {
    const ctx = await startTestApp(dialect)
    const { app, deps, account } = ctx
    const h = account.agent.headers
    const into = await createCustomerVia(app, h, { displayName: 'Into', lifetimeValue: 1 })
    const source = await createCustomerVia(app, h, { displayName: 'Source', lifetimeValue: 2, organization: 'ACME' })
    await merge(ctx, source.id, into.id)

    const events = (await app.inject({ url: `/api/v1/customers/${into.id}/events`, headers: h })).json().items as CustomerEventView[]
    const merged = events.filter((e) => e.type === 'customer.merged')
    expect(merged.map((e) => e.customerId).sort()).toEqual([into.id, source.id].sort())
    expect(merged.find((e) => e.customerId === into.id)).toMatchObject({
      actor: { kind: 'agent', id: account.supervisor.id },
      after: { id: source.id, crn: source.crn, moved: { contacts: 0, tickets: 0, messages: 0 } },
    })
    const fieldChanges = events.filter((e) => e.type === 'customer.updated' && e.customerId === into.id).map((e) => [e.field, e.before, e.after])
    expect(fieldChanges).toEqual(expect.arrayContaining([['lifetimeValue', 1, 3], ['organization', null, 'ACME']]))
    // History of the merged customer is part of the survivor's log.
    expect(events.filter((e) => e.type === 'customer.created').map((e) => e.customerId).sort()).toEqual([into.id, source.id].sort())

    const audit = await deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'customer.merged').execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actor_id: account.supervisor.id, target_id: into.id })
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ sourceId: source.id, sourceCrn: source.crn })
  })

  it('follows the most recent marketing decision and sums lifetime value only in one currency', async () => {
    const ctx = await startTestApp(dialect)
    const h = ctx.account.agent.headers
    const into = await createCustomerVia(ctx.app, h, { displayName: 'Into', marketingConsent: true, lifetimeValue: 100 })
    const source = await createCustomerVia(ctx.app, h, { displayName: 'Src', marketingConsent: true, lifetimeValue: 50, currency: 'USD' })
    // The customer withdrew consent on the second record later.
    await ctx.app.inject({ method: 'PATCH', url: `/api/v1/customers/${source.id}`, headers: h, payload: { marketingConsent: false } })
    const survivor = (await merge(ctx, source.id, into.id)).json() as CustomerView
    expect(survivor).toMatchObject({ marketingConsent: false, lifetimeValue: 100, currency: 'JPY' })
    expect(survivor.notes).toContain(`Lifetime value of ${source.crn}: 50 USD`)
  })

  it('refuses merging into itself, merging twice, into a merged customer, or unknown ids', async () => {
    const ctx = await startTestApp(dialect)
    const h = ctx.account.agent.headers
    const a = await createCustomerVia(ctx.app, h, { displayName: 'A' })
    const b = await createCustomerVia(ctx.app, h, { displayName: 'B' })
    const c = await createCustomerVia(ctx.app, h, { displayName: 'C' })
    const codeOf = async (source: string, into: string) => {
      const res = await merge(ctx, source, into)

      return [res.statusCode, res.json().error?.code]
    }
    expect(await codeOf(a.id, a.id)).toEqual([409, 'customer.cannot_merge_into_self'])
    expect(await codeOf(a.id, '0190e000-0000-7000-8000-000000000000')).toEqual([404, 'customer.not_found'])
    expect(await codeOf(a.id, 'not-an-id')).toEqual([404, 'customer.not_found'])
    expect((await merge(ctx, a.id, b.id)).statusCode).toBe(200)
    expect(await codeOf(a.id, c.id)).toEqual([409, 'customer.already_merged'])
    expect(await codeOf(c.id, a.id)).toEqual([409, 'customer.already_merged'])
    const bad = await ctx.app.inject({ method: 'POST', url: `/api/v1/customers/${c.id}/merge`, headers: ctx.account.supervisor.headers, payload: { into: b.id } })
    expect(bad.statusCode).toBe(422)
  })

  it('keeps old CRNs resolving through a chain of merges', async () => {
    const ctx = await startTestApp(dialect)
    const h = ctx.account.agent.headers
    const [a, b, c] = [
      await createCustomerVia(ctx.app, h, { displayName: 'A' }),
      await createCustomerVia(ctx.app, h, { displayName: 'B' }),
      await createCustomerVia(ctx.app, h, { displayName: 'C' }),
    ]
    await merge(ctx, a.id, b.id)
    await merge(ctx, b.id, c.id)
    const found = (await ctx.app.inject({ url: `/api/v1/customers/lookup?crn=${a.crn}`, headers: h })).json() as CustomerLookupView
    expect(found).toMatchObject({ id: c.id, mergedFrom: { id: a.id } })
    const row = await ctx.deps.db.selectFrom('customers').select('merged_into_id').where('id', '=', a.id).executeTakeFirstOrThrow()
    expect(row.merged_into_id).toBe(c.id) // repointed: never more than one hop
  })

  it('clamps the summed lifetime value to the column range', async () => {
    const ctx = await startTestApp(dialect)
    const h = ctx.account.agent.headers
    const into = await createCustomerVia(ctx.app, h, { displayName: 'Into', lifetimeValue: 2_000_000_000 })
    const source = await createCustomerVia(ctx.app, h, { displayName: 'Src', lifetimeValue: 2_000_000_000 })
    const res = await merge(ctx, source.id, into.id)
    expect(res.statusCode).toBe(200)
    expect((res.json() as CustomerView).lifetimeValue).toBe(2_147_483_647)
  })

  it('rolls back everything when the merge fails at its last step', async () => {
    const ctx = await startTestApp(dialect)
    const { app, deps, account } = ctx
    const h = account.agent.headers
    const into = await createCustomerVia(app, h, { displayName: 'Into' })
    const source = await createCustomerVia(app, h, { displayName: 'Src', contacts: [{ kind: 'email', value: 'src@example.com' }] })
    const { ticketId } = await insertTicketFor(deps, account.accountId, source.id)
    // The audit entry is written last: make the database refuse it.
    if (dialect === 'sqlite') {
      await sql`create trigger no_audit before insert on audit_log begin select raise(abort, 'refused'); end`.execute(deps.db)
    } else {
      await sql`create function no_audit() returns trigger language plpgsql as $$ begin raise exception 'refused'; end $$`.execute(deps.db)
      await sql`create trigger no_audit before insert on audit_log for each row execute function no_audit()`.execute(deps.db)
    }
    const res = await merge(ctx, source.id, into.id)
    expect(res.statusCode).toBe(500)
    expect(res.json().error.code).toBe('server.internal')

    const ticket = await deps.db.selectFrom('tickets').select('customer_id').where('id', '=', ticketId).executeTakeFirstOrThrow()
    expect(ticket.customer_id).toBe(source.id)
    const loser = (await app.inject({ url: `/api/v1/customers/${source.id}`, headers: h })).json() as CustomerView
    expect(loser).toMatchObject({ mergedIntoId: null, contacts: [{ value: 'src@example.com' }] })
    const merged = await deps.db.selectFrom('events').select('id').where('type', '=', 'customer.merged').execute()
    expect(merged).toHaveLength(0)
  })
})
