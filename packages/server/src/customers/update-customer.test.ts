import { describe, expect, it } from 'vitest'
import type { CustomerEventView, CustomerView } from '@madoguchi/shared'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import { createCustomerVia } from './customer-test-helpers.ts'

type Events = { items: CustomerEventView[] }

describe.each(testDialects())('changing customers on %s', (dialect) => {
  it('changes only the fields sent and records each change with before and after', async () => {
    const { app, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const c = await createCustomerVia(app, h, { familyName: '佐藤', givenName: '花子', language: 'ja', lifetimeValue: 1000 })
    const res = await app.inject({
      method: 'PATCH', url: `/api/v1/customers/${c.id}`, headers: h,
      payload: { givenNameKana: 'ハナコ', lifetimeValue: 5000, language: 'ja', isVip: true, vipReason: '紹介多数', familyName: null },
    })
    expect(res.statusCode, res.body).toBe(200)
    const updated = res.json() as CustomerView
    expect(updated).toMatchObject({ givenNameKana: 'ハナコ', lifetimeValue: 5000, isVip: true, vipReason: '紹介多数', familyName: null, givenName: '花子' })
    expect(updated.updatedAt >= c.updatedAt).toBe(true)

    const events = (await app.inject({ url: `/api/v1/customers/${c.id}/events`, headers: h })).json() as Events
    const changes = events.items.filter((e) => e.type === 'customer.updated').map((e) => [e.field, e.before, e.after])
    expect(changes).toEqual(expect.arrayContaining([
      ['givenNameKana', null, 'ハナコ'],
      ['lifetimeValue', 1000, 5000],
      ['isVip', false, true],
      ['vipReason', null, '紹介多数'],
      ['familyName', '佐藤', null],
    ]))
    expect(changes).toHaveLength(5) // language was sent unchanged: no event
    expect(events.items[0]).toMatchObject({ type: 'customer.created', actor: { kind: 'agent', id: account.agent.id } })
  })

  it('needs a reason to set a flag, and clears the reason when the flag goes off', async () => {
    const { app, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const c = await createCustomerVia(app, h, { displayName: 'K' })
    const patch = (payload: object) => app.inject({ method: 'PATCH', url: `/api/v1/customers/${c.id}`, headers: h, payload })
    const refused = await patch({ handleWithCare: true })
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error.details[0].path).toBe('careReason')
    expect((await patch({ handleWithCare: true, careReason: 'Raised voice on the phone' })).json()).toMatchObject({ handleWithCare: true })
    expect((await patch({ careReason: null })).statusCode).toBe(422) // flag still on
    expect((await patch({ handleWithCare: false })).json()).toMatchObject({ handleWithCare: false, careReason: null })
  })

  it('does nothing (and records nothing) for a PATCH that changes nothing', async () => {
    const { app, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const c = await createCustomerVia(app, h, { displayName: 'Same', notes: 'n' })
    const res = await app.inject({ method: 'PATCH', url: `/api/v1/customers/${c.id}`, headers: h, payload: { displayName: 'Same', notes: 'n' } })
    expect(res.json()).toEqual(c)
    const events = (await app.inject({ url: `/api/v1/customers/${c.id}/events`, headers: h })).json() as Events
    expect(events.items).toHaveLength(1)
  })

  it('refuses unknown fields, wrong types and changes to merged customers', async () => {
    const { app, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const c = await createCustomerVia(app, h, { displayName: 'A' })
    const d = await createCustomerVia(app, h, { displayName: 'B' })
    for (const payload of [{ crn: 'C-0000-0000' }, { isVip: 'yes' }, { displayName: null }, { displayName: '  ' }, { birthday: '2026-13-01' }]) {
      const res = await app.inject({ method: 'PATCH', url: `/api/v1/customers/${c.id}`, headers: h, payload })
      expect(res.statusCode, JSON.stringify(payload)).toBe(422)
    }
    await app.inject({ method: 'POST', url: `/api/v1/customers/${c.id}/merge`, headers: account.supervisor.headers, payload: { intoId: d.id } })
    const res = await app.inject({ method: 'PATCH', url: `/api/v1/customers/${c.id}`, headers: h, payload: { notes: 'late' } })
    expect(res.statusCode).toBe(409)
    expect(res.json().error).toMatchObject({ code: 'customer.already_merged', details: { mergedIntoId: d.id } })
  })

  it('adds, re-labels, makes primary, verifies and removes contacts, logging each', async () => {
    const { app, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const c = await createCustomerVia(app, h, { displayName: 'C', contacts: [{ kind: 'email', value: 'first@example.com' }] })
    const other = await createCustomerVia(app, h, { displayName: 'D', contacts: [{ kind: 'phone', value: '03-5555-0000' }] })
    const url = `/api/v1/customers/${c.id}/contacts`

    const added = await app.inject({ method: 'POST', url, headers: h, payload: { kind: 'email', value: 'Second@Example.com', label: 'home' } })
    expect(added.statusCode).toBe(201)
    const second = (added.json() as CustomerView).contacts.find((x) => x.value === 'second@example.com')!
    expect(second).toMatchObject({ label: 'home', isPrimary: false, verifiedAt: null })

    const taken = await app.inject({ method: 'POST', url, headers: h, payload: { kind: 'phone', value: '0355550000' } })
    expect(taken.statusCode).toBe(409)
    expect(taken.json().error.details.customerId).toBe(other.id)

    const primary = await app.inject({ method: 'PATCH', url: `${url}/${second.id}`, headers: h, payload: { isPrimary: true, label: 'personal' } })
    expect((primary.json() as CustomerView).contacts.map((x) => [x.value, x.isPrimary, x.label])).toEqual([
      ['second@example.com', true, 'personal'],
      ['first@example.com', false, null],
    ])

    const verified = await app.inject({ method: 'POST', url: `${url}/${second.id}/verify`, headers: h })
    const verifiedAt = (verified.json() as CustomerView).contacts[0]!.verifiedAt
    expect(verifiedAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    const again = await app.inject({ method: 'POST', url: `${url}/${second.id}/verify`, headers: h })
    expect((again.json() as CustomerView).contacts[0]!.verifiedAt).toBe(verifiedAt)

    const removed = await app.inject({ method: 'DELETE', url: `${url}/${second.id}`, headers: h })
    expect((removed.json() as CustomerView).contacts.map((x) => [x.value, x.isPrimary])).toEqual([['first@example.com', true]])
    expect((await app.inject({ method: 'DELETE', url: `${url}/${second.id}`, headers: h })).statusCode).toBe(404)
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/customers/${other.id}/contacts/${c.contacts[0]!.id}`, headers: h })).statusCode).toBe(404)

    const events = (await app.inject({ url: `/api/v1/customers/${c.id}/events`, headers: h })).json() as Events
    expect(events.items.map((e) => e.type)).toEqual([
      'customer.created', 'customer.contact_added', 'customer.contact_updated', 'customer.contact_verified', 'customer.contact_removed',
    ])
    expect(events.items[4]).toMatchObject({ field: 'contacts', before: { value: 'second@example.com', isPrimary: true } })
  })

  it('pages the change log with a cursor', async () => {
    const { app, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const c = await createCustomerVia(app, h, { displayName: 'Paged' })
    for (let i = 1; i <= 4; i++) await app.inject({ method: 'PATCH', url: `/api/v1/customers/${c.id}`, headers: h, payload: { lifetimeValue: i } })
    const first = (await app.inject({ url: `/api/v1/customers/${c.id}/events?limit=3`, headers: h })).json()
    expect(first.items).toHaveLength(3)
    const rest = (await app.inject({ url: `/api/v1/customers/${c.id}/events?limit=3&cursor=${first.nextCursor}`, headers: h })).json()
    expect(rest.items.map((e: CustomerEventView) => e.after)).toEqual([3, 4])
    expect(rest.nextCursor).toBeNull()
    expect((await app.inject({ url: `/api/v1/customers/${c.id}/events?cursor=garbage`, headers: h })).statusCode).toBe(422)
  })
})
