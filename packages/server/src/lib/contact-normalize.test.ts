import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { AppError } from './app-error.ts'
import { normalizeContact, normalizeEmail, normalizePhone } from './contact-normalize.ts'

function codeOf(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }

  return 'no error'
}

describe('normalizePhone', () => {
  it.each([
    ['090-1234-5678', '+819012345678'],
    ['09012345678', '+819012345678'],
    ['+81 90 1234 5678', '+819012345678'],
    ['+81-90-1234-5678', '+819012345678'],
    ['０９０－１２３４－５６７８', '+819012345678'],
    ['（０３）１２３４－５６７８', '+81312345678'],
    ['(03) 1234-5678', '+81312345678'],
    ['03-1234-5678', '+81312345678'],
    ['0120-123-456', '+81120123456'],
    [' 06 6123 4567 ', '+81661234567'],
    ['+1 415 555 0100', '+14155550100'],
    ['+1 (201) 555-0123', '+12015550123'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('%s → %s', (input, e164) => {
    expect(normalizePhone(input)).toBe(e164)
  })

  it.each([
    ['too short', '12'],
    ['one digit missing', '090-1234-567'],
    ['letters', '090-CALL-NOW'],
    ['no digits', 'phone'],
    ['empty', ''],
    ['far too long', '1'.repeat(60)],
  ])('refuses %s with customer.phone_invalid', (_label, input) => {
    expect(codeOf(() => normalizePhone(input))).toBe('customer.phone_invalid')
  })

  it('reads national numbers in the given region', () => {
    expect(normalizePhone('(415) 555-0100', 'US')).toBe('+14155550100')
  })
})

describe('normalizeEmail', () => {
  it.each([
    ['Taro.Yamada@Example.JP', 'taro.yamada@example.jp'],
    ['  hanako@example.com\n', 'hanako@example.com'],
    ['ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ', 'taro@example.jp'],
    ['first+tag@sub.example.co.jp', 'first+tag@sub.example.co.jp'],
    // Legacy Japanese mobile addresses (RFC-invalid, still in use): kept as they are.
    ['Taro..Yamada.@docomo.ne.jp', 'taro..yamada.@docomo.ne.jp'],
    ['.hanako@ezweb.ne.jp', '.hanako@ezweb.ne.jp'],
  ])('%s → %s', (input, normalized) => {
    expect(normalizeEmail(input)).toBe(normalized)
  })

  it.each([
    ['no at sign', 'taro.example.jp'],
    ['two at signs', 'a@b@example.jp'],
    ['no domain dot', 'taro@localhost'],
    ['spaces inside', 'ta ro@example.jp'],
    ['double dot in the domain', 'taro@example..jp'],
    ['display-name form', 'Taro <taro@example.jp>'],
    ['empty', ''],
    ['too long', `${'a'.repeat(250)}@example.jp`],
  ])('refuses %s with customer.email_invalid', (_label, input) => {
    expect(codeOf(() => normalizeEmail(input))).toBe('customer.email_invalid')
  })
})

describe('normalizeContact', () => {
  it('keeps LINE and external ids as given, trimmed', () => {
    expect(normalizeContact('line', ' U4af4980629 ')).toBe('U4af4980629')
    expect(normalizeContact('external', 'Shopify:123')).toBe('Shopify:123')
    expect(codeOf(() => normalizeContact('external', '   '))).toBe('request.validation_failed')
  })

  it('never throws anything but an AppError on junk', () => {
    fc.assert(
      fc.property(fc.constantFrom('email' as const, 'phone' as const, 'line' as const), fc.string({ unit: 'binary', maxLength: 60 }), (kind, input) => {
        const code = codeOf(() => normalizeContact(kind, input))
        expect(typeof code).toBe('string')
      }),
    )
  })
})
