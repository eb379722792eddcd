import { describe, expect, it } from 'vitest'
import { parseCrn } from '../lib/crn.ts'
import { testDialects } from '../test/dialects.ts'
import { seedTestAccount } from '../test/fixtures.ts'
import { startTestApp } from '../test/test-app.ts'
import { createCustomerVia, insertTicketFor } from './customer-test-helpers.ts'

const full = {
  familyName: '山田',
  givenName: '太郎',
  familyNameKana: 'ヤマダ',
  givenNameKana: 'タロウ',
  preferredName: '山田様',
  honorific: '様',
  organization: '株式会社サンプル',
  language: 'ja',
  birthday: '1980-02-29',
  anniversary: '2010-06-01',
  isVip: true,
  vipReason: 'Top 1% of orders',
  handleWithCare: true,
  careReason: 'Complained twice about delivery',
  marketingConsent: true,
  lifetimeValue: 1_250_000,
  notes: 'Prefers phone calls in the morning',
  contacts: [
    { kind: 'email', value: ' Taro.Yamada@Example.JP ', label: 'work' },
    { kind: 'phone', value: '090-1234-5678' },
    { kind: 'phone', value: '03-1234-5678', isPrimary: true, verifiedAt: '2026-11-01T09:00:00+09:00' },
    { kind: 'line', value: 'U4af4980629' },
  ],
}

describe.each(testDialects())('customer routes on %s', (dialect) => {
  it('creates a customer with a CRN, names, flags and normalized contacts, and reads it back', async () => {
    const { app, account } = await startTestApp(dialect)
    const created = await createCustomerVia(app, account.agent.headers, full)
    expect(parseCrn(created.crn)).toBe(created.crn)
    expect(created).toMatchObject({
      displayName: '山田 太郎', familyNameKana: 'ヤマダ', preferredName: '山田様', birthday: '1980-02-29', isVip: true, vipReason: 'Top 1% of orders',
      handleWithCare: true, marketingConsent: true, lifetimeValue: 1_250_000, currency: 'JPY', isInternal: false, mergedIntoId: null,
    })
    expect(created.contacts.map((c) => [c.kind, c.value, c.isPrimary, c.verifiedAt])).toEqual([
      ['email', 'taro.yamada@example.jp', true, null],
      ['line', 'U4af4980629', true, null],
      ['phone', '+81312345678', true, '2026-11-01T00:00:00.000Z'],
      ['phone', '+819012345678', false, null],
    ])

    const got = await app.inject({ url: `/api/v1/customers/${created.id}`, headers: account.partner.headers })
    expect(got.statusCode).toBe(404) // no ticket in the partner's teams yet
    const read = await app.inject({ url: `/api/v1/customers/${created.id}`, headers: account.agent.headers })
    expect(read.json()).toEqual(created)
  })

  it('derives the display name in the order the language writes names', async () => {
    const { app, account } = await startTestApp(dialect)
    const h = account.agent.headers
    expect((await createCustomerVia(app, h, { familyName: 'Smith', givenName: 'Jane', language: 'en' })).displayName).toBe('Jane Smith')
    expect((await createCustomerVia(app, h, { organization: 'ACME' })).displayName).toBe('ACME')
    expect((await createCustomerVia(app, h, { contacts: [{ kind: 'email', value: 'only@example.com' }] })).displayName).toBe('only@example.com')
    const nameless = await app.inject({ method: 'POST', url: '/api/v1/customers', headers: h, payload: {} })
    expect(nameless.statusCode).toBe(422)
  })

  it('refuses bad input with 422 and the field, never a 500', async () => {
    const { app, account } = await startTestApp(dialect)
    const post = (payload: unknown) => app.inject({ method: 'POST', url: '/api/v1/customers', headers: account.agent.headers, payload: payload as object })
    const cases: [unknown, string, string?][] = [
      [{ displayName: 'A', isVip: true }, 'request.validation_failed', 'vipReason'],
      [{ displayName: 'A', handleWithCare: true, careReason: '' }, 'request.validation_failed', 'careReason'],
      [{ displayName: 'A', birthday: '2025-02-29' }, 'request.validation_failed', 'birthday'],
      [{ displayName: 'A', birthday: '29/02/1980' }, 'request.validation_failed', 'birthday'],
      [{ displayName: 'A', lifetimeValue: -1 }, 'request.validation_failed', 'lifetimeValue'],
      [{ displayName: 'A', lifetimeValue: 1.5 }, 'request.validation_failed', 'lifetimeValue'],
      [{ displayName: 'A', language: 'japanese!' }, 'request.validation_failed', 'language'],
      [{ displayName: 'A', favouriteColour: 'blue' }, 'request.validation_failed'],
      [{ displayName: 'A', contacts: [{ kind: 'fax', value: '1' }] }, 'request.validation_failed', 'contacts.0.kind'],
      [{ displayName: 'A', contacts: [{ kind: 'phone', value: '123' }] }, 'customer.phone_invalid'],
      [{ displayName: 'A', contacts: [{ kind: 'email', value: 'nope' }] }, 'customer.email_invalid'],
      [[1, 2], 'request.validation_failed'],
    ]
    for (const [payload, code, path] of cases) {
      const res = await post(payload)
      expect(res.statusCode, JSON.stringify(payload)).toBe(422)
      expect(res.json().error.code).toBe(code)
      if (path) expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path)
    }
  })

  it('answers 409 naming the owner when a contact belongs to another customer', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const owner = await createCustomerVia(app, account.agent.headers, { displayName: 'Owner', contacts: [{ kind: 'phone', value: '+81 90 1234 5678' }] })
    const res = await app.inject({
      method: 'POST', url: '/api/v1/customers', headers: account.agent.headers,
      payload: { displayName: 'Other', contacts: [{ kind: 'email', value: 'other@example.com' }, { kind: 'phone', value: '０９０１２３４５６７８' }] },
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().error).toMatchObject({ code: 'customer.contact_taken', details: { customerId: owner.id, crn: owner.crn, kind: 'phone', value: '+819012345678' } })
    // Nothing of the refused customer was kept.
    expect(await deps.db.selectFrom('customers').select('id').execute()).toHaveLength(1)
    expect(await deps.db.selectFrom('customer_contacts').select('value').where('value', '=', 'other@example.com').execute()).toHaveLength(0)
  })

  it('enforces roles: partners cannot write, agents cannot merge', async () => {
    const { app, account } = await startTestApp(dialect)
    const c = await createCustomerVia(app, account.agent.headers, { displayName: 'A' })
    const d = await createCustomerVia(app, account.agent.headers, { displayName: 'B' })
    const as = (headers: Record<string, string>, method: 'POST' | 'PATCH' | 'DELETE', url: string, payload: object = {}) =>
      app.inject({ method, url: `/api/v1/customers${url}`, headers, payload }).then((r) => r.statusCode)
    expect(await as(account.partner.headers, 'POST', '', { displayName: 'X' })).toBe(403)
    expect(await as(account.partner.headers, 'PATCH', `/${c.id}`, { notes: 'x' })).toBe(403)
    expect(await as(account.partner.headers, 'POST', `/${c.id}/contacts`, { kind: 'email', value: 'p@example.com' })).toBe(403)
    expect(await as(account.agent.headers, 'POST', `/${c.id}/merge`, { intoId: d.id })).toBe(403)
    expect(await as(account.partner.headers, 'POST', `/${c.id}/merge`, { intoId: d.id })).toBe(403)
    expect(await as(account.supervisor.headers, 'POST', `/${c.id}/merge`, { intoId: d.id })).toBe(200)
    const anonymous = await app.inject({ url: '/api/v1/customers' })
    expect(anonymous.statusCode).toBe(401)
  })

  it('shows partners only customers with a ticket in their teams', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const theirs = await createCustomerVia(app, account.agent.headers, { displayName: 'Theirs', contacts: [{ kind: 'email', value: 'theirs@example.com' }] })
    const ours = await createCustomerVia(app, account.agent.headers, { displayName: 'Ours', contacts: [{ kind: 'email', value: 'ours@example.com' }] })
    await insertTicketFor(deps, account.accountId, theirs.id, account.partnerTeamId)
    await insertTicketFor(deps, account.accountId, ours.id, account.teamId)
    const p = account.partner.headers
    const list = await app.inject({ url: '/api/v1/customers', headers: p })
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([theirs.id])
    expect((await app.inject({ url: `/api/v1/customers/${theirs.id}`, headers: p })).statusCode).toBe(200)
    expect((await app.inject({ url: `/api/v1/customers/${ours.id}`, headers: p })).statusCode).toBe(404)
    expect((await app.inject({ url: `/api/v1/customers/${ours.id}/events`, headers: p })).statusCode).toBe(404)
    expect((await app.inject({ url: '/api/v1/customers/lookup?email=ours@example.com', headers: p })).statusCode).toBe(404)
    expect((await app.inject({ url: `/api/v1/customers/lookup?crn=${theirs.crn}`, headers: p })).statusCode).toBe(200)
    const all = await app.inject({ url: '/api/v1/customers', headers: account.agent.headers })
    expect(all.json().items).toHaveLength(2)
  })

  it('answers 404 for unknown and malformed ids and ids of another account', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const other = await seedTestAccount(deps, 'Other Co')
    const foreign = await createCustomerVia(app, other.agent.headers, { displayName: 'Elsewhere' })
    for (const id of ['nope', '0190e000-0000-7000-8000-000000000000', foreign.id, "1' or '1'='1"]) {
      const res = await app.inject({ url: `/api/v1/customers/${encodeURIComponent(id)}`, headers: account.agent.headers })
      expect(res.statusCode, id).toBe(404)
      expect(res.json().error.code).toBe('customer.not_found')
    }
  })
})
