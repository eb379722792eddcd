import { describe, expect, it } from 'vitest'
import type { CustomerRef } from '@madoguchi/shared'
import { AppError } from '../lib/app-error.ts'
import { parseCrn } from '../lib/crn.ts'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import type { TestDeps } from '../test/test-deps.ts'
import { loadCustomerSummaries, resolveCustomerForTicket, toCustomerView } from './resolve-customer-for-ticket.ts'

const system = { kind: 'system' as const, id: null }

async function resolve(deps: TestDeps, accountId: string, ref: CustomerRef) {
  return deps.db.transaction().execute((trx) => resolveCustomerForTicket(trx, deps, accountId, ref, system))
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }

  return 'no error'
}

describe.each(testDialects())('resolveCustomerForTicket on %s', (dialect) => {
  it('creates a customer from an email, then finds it however the email is typed', async () => {
    const { deps, account } = await startTestApp(dialect)
    const first = await resolve(deps, account.accountId, { email: ' Taro.Yamada@Example.JP ', name: '山田 太郎', language: 'ja' })
    expect(first.created).toBe(true)
    expect(first.customer.display_name).toBe('山田 太郎')
    expect(first.customer.language).toBe('ja')
    expect(parseCrn(first.customer.crn)).toBe(first.customer.crn)

    const again = await resolve(deps, account.accountId, { email: 'taro.yamada@example.jp' })
    expect(again).toMatchObject({ created: false, customer: { id: first.customer.id } })

    // The event and search document come back for the ticket to write with its own.
    expect(first.pending.events.map((e) => e.type)).toEqual(['customer.created'])
    expect(first.pending.events[0]!.after).toMatchObject({ crn: first.customer.crn, displayName: '山田 太郎' })
    expect(first.pending.searchDocuments).toEqual([expect.objectContaining({ type: 'customer', id: first.customer.id, title: '山田 太郎' })])
    expect(again.pending).toEqual({ events: [], searchDocuments: [] })
  })

  it('finds by phone in any common format and names a nameless customer after the contact', async () => {
    const { deps, account } = await startTestApp(dialect)
    const made = await resolve(deps, account.accountId, { phone: '090-1234-5678' })
    expect(made.customer.display_name).toBe('+819012345678')
    for (const phone of ['09012345678', '+81 90 1234 5678', '０９０−１２３４−５６７８']) {
      expect((await resolve(deps, account.accountId, { phone })).customer.id).toBe(made.customer.id)
    }
  })

  it('adds a new phone to the customer found by email, and never steals a taken one', async () => {
    const { deps, account } = await startTestApp(dialect)
    const a = await resolve(deps, account.accountId, { email: 'a@example.com' })
    const b = await resolve(deps, account.accountId, { phone: '03-1234-5678' })
    const again = await resolve(deps, account.accountId, { email: 'a@example.com', phone: '090-1111-2222' })
    expect(again.customer.id).toBe(a.customer.id)
    const withTaken = await resolve(deps, account.accountId, { email: 'a@example.com', phone: '0312345678' })
    expect(withTaken.customer.id).toBe(a.customer.id)
    const contacts = await deps.db.selectFrom('customer_contacts').selectAll().orderBy('value').execute()
    expect(contacts.map((c) => [c.customer_id, c.value])).toEqual([
      [b.customer.id, '+81312345678'],
      [a.customer.id, '+819011112222'],
      [a.customer.id, 'a@example.com'],
    ])
  })

  it('resolves id and CRN, follows merges, and refuses unknown or mistyped references', async () => {
    const { deps, account } = await startTestApp(dialect)
    const { customer } = await resolve(deps, account.accountId, { email: 'x@example.com' })
    expect((await resolve(deps, account.accountId, { id: customer.id })).customer.id).toBe(customer.id)
    const typed = customer.crn.toLowerCase().replace(/-/g, ' ')
    expect((await resolve(deps, account.accountId, { crn: typed })).customer.id).toBe(customer.id)

    const last = customer.crn.at(-1)!
    const typo = customer.crn.slice(0, -1) + (last === '2' ? '3' : '2')
    expect(await codeOf(resolve(deps, account.accountId, { crn: typo }))).toBe('customer.crn_invalid')
    expect(await codeOf(resolve(deps, account.accountId, { id: '0190e000-0000-7000-8000-000000000000' }))).toBe('customer.not_found')
    expect(await codeOf(resolve(deps, account.accountId, { email: 'not-an-email' }))).toBe('customer.email_invalid')
    expect(await codeOf(resolve(deps, account.accountId, { phone: '12' }))).toBe('customer.phone_invalid')

    const survivor = await resolve(deps, account.accountId, { email: 'y@example.com' })
    await deps.db.updateTable('customers').set({ merged_into_id: survivor.customer.id }).where('id', '=', customer.id).execute()
    expect((await resolve(deps, account.accountId, { crn: customer.crn })).customer.id).toBe(survivor.customer.id)
    expect((await resolve(deps, account.accountId, { id: customer.id })).customer.id).toBe(survivor.customer.id)
  })

  it('keeps accounts apart', async () => {
    const { deps, account } = await startTestApp(dialect)
    const { customer } = await resolve(deps, account.accountId, { email: 'shared@example.com' })
    const otherAccount = (await deps.db.insertInto('accounts').values({ id: crypto.randomUUID(), name: 'Other', created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow()).id
    expect(await codeOf(resolve(deps, otherAccount, { id: customer.id }))).toBe('customer.not_found')
    const theirs = await resolve(deps, otherAccount, { email: 'shared@example.com' })
    expect(theirs.created).toBe(true)
    expect(theirs.customer.id).not.toBe(customer.id)
  })

  it('loads summaries for a page of ids in one query and builds the camelCase view', async () => {
    const { deps, account } = await startTestApp(dialect)
    const a = await resolve(deps, account.accountId, { email: 'a@example.com', name: 'A' })
    const b = await resolve(deps, account.accountId, { phone: '0312345678', name: 'B' })
    await deps.db.updateTable('customers').set({ is_vip: 1, vip_reason: 'big' }).where('id', '=', b.customer.id).execute()
    const summaries = await loadCustomerSummaries(deps.db, account.accountId, [a.customer.id, b.customer.id, a.customer.id, 'missing'])
    expect([...summaries.keys()].sort()).toEqual([a.customer.id, b.customer.id].sort())
    expect(summaries.get(b.customer.id)).toEqual({ id: b.customer.id, crn: b.customer.crn, displayName: 'B', isVip: true, handleWithCare: false })

    const contacts = await deps.db.selectFrom('customer_contacts').selectAll().execute()
    const view = toCustomerView(a.customer, contacts)
    expect(view).toMatchObject({ id: a.customer.id, displayName: 'A', isVip: false, lifetimeValue: 0, currency: 'JPY', mergedIntoId: null })
    expect(view.contacts).toEqual([
      { id: expect.any(String), kind: 'email', value: 'a@example.com', label: null, isPrimary: true, verifiedAt: null, bouncingAt: null },
    ])
  })
})
