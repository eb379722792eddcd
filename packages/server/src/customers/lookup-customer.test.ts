import { describe, expect, it } from 'vitest'
import type { CustomerLookupView } from '@madoguchi/shared'
import { CRN_ALPHABET } from '../lib/crn.ts'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import { createCustomerVia } from './customer-test-helpers.ts'

describe.each(testDialects())('customer lookup on %s', (dialect) => {
  it('finds a customer by any common phone format, email case, or CRN as typed', async () => {
    const { app, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const c = await createCustomerVia(app, h, {
      displayName: 'Phone Person',
      contacts: [{ kind: 'phone', value: '090-1234-5678' }, { kind: 'phone', value: '+1 415 555 0100' }, { kind: 'email', value: 'Mixed.Case@Example.com' }],
    })
    await createCustomerVia(app, h, { displayName: 'Someone else', contacts: [{ kind: 'phone', value: '090-1234-5679' }] })
    const lookup = (query: string) => app.inject({ url: `/api/v1/customers/lookup?${query}`, headers: h })
    const phones = ['09012345678', '090-1234-5678', '090 1234 5678', '+81 90-1234-5678', '+819012345678', '(090) 1234-5678', '０９０－１２３４－５６７８', '+1 (415) 555-0100', '+14155550100']
    const crnSpaced = c.crn.slice(2).replace('-', ' ')
    for (const query of [
      ...phones.map((p) => `phone=${encodeURIComponent(p)}`),
      'email=mixed.case%40example.com',
      'email=%20MIXED.CASE%40EXAMPLE.COM%20',
      `crn=${c.crn}`,
      `crn=${c.crn.toLowerCase()}`,
      `crn=${encodeURIComponent(crnSpaced)}`,
    ]) {
      const res = await lookup(query)
      expect(res.statusCode, `${query}: ${res.body}`).toBe(200)
      expect(res.json() as CustomerLookupView).toMatchObject({ id: c.id, crn: c.crn, mergedFrom: null })
    }
  })

  it('rejects a mistyped CRN as "no such CRN" instead of finding someone else', async () => {
    const { app, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const customers = []
    for (let i = 0; i < 20; i++) customers.push(await createCustomerVia(app, h, { displayName: `C${i}` }))
    const target = customers[0]!
    const symbols = target.crn.replace(/-/g, '').slice(1)
    // Every one-symbol typo of the target's CRN: none may match anybody.
    for (let i = 0; i < symbols.length; i += 3) {
      for (const other of CRN_ALPHABET.slice(0, 8)) {
        if (other === symbols[i]) continue
        const typo = symbols.slice(0, i) + other + symbols.slice(i + 1)
        const res = await app.inject({ url: `/api/v1/customers/lookup?crn=${typo}`, headers: h })
        expect(res.statusCode, typo).toBe(422)
        expect(res.json().error).toMatchObject({ code: 'customer.crn_invalid', details: { crn: typo } })
      }
    }
  })

  it('says 404 for a well-formed CRN, email or phone nobody has, and 422 for malformed input', async () => {
    const { app, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const lookup = (query: string) => app.inject({ url: `/api/v1/customers/lookup?${query}`, headers: h })
    const unknownCrn = 'C-0000-0000' // the all-zero payload has check symbol 0
    expect((await lookup(`crn=${unknownCrn}`)).json().error.code).toBe('customer.not_found')
    expect((await lookup('email=nobody%40example.com')).statusCode).toBe(404)
    expect((await lookup('phone=03-9999-9999')).statusCode).toBe(404)
    expect((await lookup('phone=12')).json().error.code).toBe('customer.phone_invalid')
    expect((await lookup('email=nope')).json().error.code).toBe('customer.email_invalid')
    for (const query of ['', 'crn=C-0000-0000&email=a%40b.jp', 'name=taro', 'crn=' + 'x'.repeat(100)]) {
      const res = await lookup(query)
      expect(res.statusCode, query).toBe(422)
      expect(res.json().error.code).toBe('request.validation_failed')
    }
  })

  it('explains a mistyped CRN in the agent\'s language', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const ask = () => app.inject({ url: '/api/v1/customers/lookup?crn=C-0000-0001', headers: account.agent.headers }).then((r) => r.json().error.message)
    expect(await ask()).toBe('その顧客番号はありません（入力ミスの可能性があります）。')
    await deps.db.updateTable('agents').set({ locale: 'en' }).where('id', '=', account.agent.id).execute()
    expect(await ask()).toMatch(/^No such CRN/)
  })
})
