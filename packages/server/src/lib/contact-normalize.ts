import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import type { CountryCode } from 'libphonenumber-js/max'
import type { ContactKind } from '@madoguchi/shared'
import { AppError } from './app-error.ts'

/**
 * Contacts are stored normalized so that one lookup finds a customer however the
 * address or number was typed: emails trimmed and lower-cased (as a whole: providers
 * treat local parts case-insensitively in practice, and agents expect `Taro@…` to
 * find `taro@…`), phones in E.164, LINE and external ids as given (trimmed).
 * Full-width input (０９０, ＠) is folded by NFKC first.
 */

export const DEFAULT_PHONE_REGION: CountryCode = 'JP'
const MAX_EMAIL_LENGTH = 254
// Pragmatic, not RFC 5322: one @, no whitespace, a dotted domain of DNS-ish labels.
// Dots anywhere in the local part are accepted on purpose: Japanese mobile carriers
// (docomo, au) handed out addresses like `taro..yamada.@docomo.ne.jp` until 2009,
// they are still in use, and their owners must be able to write to us and get answers.
const EMAIL_RE = /^[^\s@"<>(),;:\\[\]]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/u

export function normalizeEmail(input: string): string {
  const email = input.normalize('NFKC').trim().toLowerCase()
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL_RE.test(email)) {
    throw new AppError('customer.email_invalid', { value: input })
  }

  return email
}

/** E.164 (`+819012345678`); numbers without a country code are read as `region`. */
export function normalizePhone(input: string, region: CountryCode = DEFAULT_PHONE_REGION): string {
  const text = input.normalize('NFKC').trim()
  // libphonenumber is lenient about letters (vanity numbers); customers' numbers are digits.
  if (text.length > 40 || /[a-z]/i.test(text.replace(/\s*(?:ext\.?|x|#)\s*\d+$/i, ''))) {
    throw new AppError('customer.phone_invalid', { value: input })
  }
  const phone = parsePhoneNumberFromString(text, region)
  if (!phone || !phone.isValid()) throw new AppError('customer.phone_invalid', { value: input })

  return phone.number
}

export function normalizeExternalId(input: string): string {
  // Provider ids are opaque: only surrounding whitespace is ours to remove.
  const value = input.trim()
  if (value === '') throw new AppError('request.validation_failed', [{ path: 'value', code: 'too_small', message: 'empty contact value' }])

  return value
}

export function normalizeContact(kind: ContactKind, value: string): string {
  switch (kind) {
    case 'email':
      return normalizeEmail(value)
    case 'phone':
      return normalizePhone(value)
    case 'line':
    case 'external':
      return normalizeExternalId(value)
  }
}
