import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import { createCustomerVia } from './customer-test-helpers.ts'

/**
 * Near-valid junk for the customer routes: the right field names with values that are
 * almost right (blank, too long, wrong type, out of range, odd Unicode). Whatever
 * arrives, the answer is a 2xx or a 4xx, never a 5xx.
 */
const junk = fc.oneof(
  fc.constantFrom('', ' ', '\u3000', 'ﾔﾏﾀﾞ', '𠮷野', 'x'.repeat(501), null, true, false),
  fc.constantFrom(-1, 0, 2_147_483_648, Number.MAX_SAFE_INTEGER, 1.5, 1e308),
  fc.string({ maxLength: 30 }),
)
const text = fc.oneof(fc.constantFrom('', ' ', '\u3000', 'ﾔﾏﾀﾞ', '山田', 'Smith', '𠮷野'), fc.string({ maxLength: 30 }))
const bool = fc.boolean()
/** Mostly valid values per field (so requests get past validation to the database), sometimes junk. */
const VALID: Record<string, fc.Arbitrary<unknown>> = {
  displayName: text, familyName: text, givenName: text, familyNameKana: text, givenNameKana: text, preferredName: text, honorific: text,
  organization: text, vipReason: text, careReason: text, notes: text,
  language: fc.constantFrom('ja', 'en', 'pt-BR', 'zh-Hant'),
  birthday: fc.constantFrom('1980-02-29', '0000-01-01', '9999-12-31', '2026-11-27'),
  anniversary: fc.constantFrom('2010-06-01', '1900-01-01'),
  isInternal: bool, isVip: bool, handleWithCare: bool, marketingConsent: bool,
  lifetimeValue: fc.constantFrom(0, 1, 2_147_483_647, 1_000_000),
  currency: fc.constantFrom('JPY', 'USD', 'EUR'),
}
const FIELDS = Object.keys(VALID)
const value = (field: string) => fc.oneof({ weight: 4, arbitrary: fc.oneof(VALID[field]!, fc.constant(null)) }, { weight: 1, arbitrary: junk })
const fields = fc.uniqueArray(fc.constantFrom(...FIELDS), { maxLength: 4 }).chain((keys) =>
  fc.tuple(...keys.map((k) => value(k))).map((values) => Object.fromEntries(keys.map((k, i) => [k, values[i]]))))
const contact = fc.record(
  {
    kind: fc.constantFrom('email', 'phone', 'line', 'external', 'fax', ''),
    value: fc.oneof(fc.constantFrom('a@example.com', 'A@EXAMPLE.COM', '090-1234-5678', '+1 415 555 0100', '0', ' ', 'x'.repeat(400)), fc.string({ maxLength: 20 })),
    label: fc.oneof(text, junk),
    isPrimary: fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: junk }),
    verifiedAt: fc.constantFrom('2026-11-01T09:00:00+09:00', '2026-11-01', 'now', ''),
  },
  { requiredKeys: ['kind', 'value'] },
)
const body = fields.chain((f) =>
  fc.option(fc.array(contact, { maxLength: 3 }), { nil: undefined }).map((contacts) => (contacts ? { ...f, contacts } : f)),
)
const queryValue = fc.oneof(fc.constantFrom('', ' ', 'true', '1', 'yes', '2026-11-27T00:00:00Z', 'C-0000-0000', 'c0000000', '%', '0'), fc.string({ maxLength: 20 }))
const query = fc.dictionary(fc.constantFrom('q', 'vip', 'handleWithCare', 'updatedSince', 'cursor', 'limit', 'crn', 'email', 'phone'), queryValue, { maxKeys: 3 })

describe.each(testDialects())('customer routes with near-valid junk on %s', (dialect) => {
  it('never answer with a 5xx', async () => {
    const { app, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const target = await createCustomerVia(app, h, { displayName: 'Target', contacts: [{ kind: 'email', value: 'target@example.com' }] })
    const other = await createCustomerVia(app, h, { displayName: 'Other' })
    const check = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, q?: Record<string, string>) => {
      const res = await app.inject({ method, url, headers: account.supervisor.headers, ...(payload === undefined ? {} : { payload: payload as object }), ...(q ? { query: q } : {}) })
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(payload ?? q)} → ${res.body}`).toBeLessThan(500)
    }
    // Every field alone with every edge value, then random combinations.
    const edges = ['', ' ', '\u3000', null, true, false, 0, -1, 1.5, 2_147_483_648, 'x'.repeat(20_000), '2025-02-29', 'ja', 'JPY', {}, []]
    for (const field of FIELDS) {
      for (const edge of edges) {
        await check('POST', '/api/v1/customers', { displayName: 'Edge', [field]: edge })
        await check('PATCH', `/api/v1/customers/${target.id}`, { [field]: edge })
      }
    }
    await fc.assert(fc.asyncProperty(body, (b) => check('POST', '/api/v1/customers', b)), { numRuns: 100 })
    await fc.assert(fc.asyncProperty(body, (b) => check('PATCH', `/api/v1/customers/${target.id}`, b)), { numRuns: 100 })
    await fc.assert(fc.asyncProperty(contact, (c) => check('POST', `/api/v1/customers/${target.id}/contacts`, c)), { numRuns: 40 })
    await fc.assert(fc.asyncProperty(query, (q) => check('GET', '/api/v1/customers', undefined, q)), { numRuns: 40 })
    await fc.assert(fc.asyncProperty(query, (q) => check('GET', '/api/v1/customers/lookup', undefined, q)), { numRuns: 40 })
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(target.id, other.id, ''), fc.uuid(), fc.string({ maxLength: 10 })), (intoId) =>
        check('POST', `/api/v1/customers/${other.id}/merge`, { intoId })),
      { numRuns: 20 },
    )
  }, 120_000)
})
