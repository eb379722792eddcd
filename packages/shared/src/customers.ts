import { z } from 'zod'
import { eventView } from './events.ts'

/** Customer API: request schemas (validated at the edge) and the views the API returns. */

export const CONTACT_KINDS = ['email', 'phone', 'line', 'external'] as const
export const contactKind = z.enum(CONTACT_KINDS)
export type ContactKind = z.infer<typeof contactKind>

const text = (max: number) => z.string().trim().max(max)
/**
 * Names are stored NFKC-folded (full-width ＡＢＣ → ABC, half-width ｶﾅ → カナ) so that
 * search and sorting see one form however they were typed.
 */
const nameText = (max: number) => z.string().trim().max(max).transform((s) => s.normalize('NFKC'))
/** `YYYY-MM-DD`, a real calendar date (2025-02-29 is refused). */
const calendarDate = z.iso.date()
const isoDateTime = z.iso.datetime({ offset: true })
/** BCP 47-ish: `ja`, `en`, `pt-BR`, `zh-Hant`. */
const languageTag = z.string().trim().regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, 'expected a language tag such as ja or en')
const currencyCode = z.string().trim().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as JPY')
/**
 * Minor units (yen have none); never negative. Capped at the 32-bit integer column
 * both databases share (¥2,147,483,647).
 */
export const LIFETIME_VALUE_MAX = 2_147_483_647
const money = z.number().int().min(0).max(LIFETIME_VALUE_MAX)

const contactValue = z.string().trim().min(1).max(320)

/**
 * How a ticket (or anything else) names its customer: by id, by CRN, or by an email
 * and/or phone, in which case an unknown customer is created.
 */
export const customerRef = z.union([
  // Any string: an unknown id is a 404, not a validation error.
  z.object({ id: z.string().min(1).max(100) }).strict(),
  z.object({ crn: z.string().min(1).max(64) }).strict(),
  z
    .object({
      email: contactValue.optional(),
      phone: contactValue.optional(),
      name: nameText(200).optional(),
      language: languageTag.optional(),
    })
    .strict()
    .refine((ref) => ref.email !== undefined || ref.phone !== undefined, { message: 'email or phone is required' }),
])
export type CustomerRef = z.infer<typeof customerRef>

export const contactInput = z
  .object({
    kind: contactKind,
    value: contactValue,
    label: text(100).optional(),
    isPrimary: z.boolean().optional(),
    verifiedAt: isoDateTime.optional(),
  })
  .strict()
export type ContactInput = z.infer<typeof contactInput>

/** Profile fields of create (all optional); update makes each nullable to clear it. */
const profileFields = {
  displayName: nameText(200),
  familyName: nameText(100),
  givenName: nameText(100),
  familyNameKana: nameText(100),
  givenNameKana: nameText(100),
  /** How the customer wants to be addressed, e.g. 「山田様」 or "Dr. Smith". */
  preferredName: nameText(200),
  honorific: text(50),
  organization: nameText(200),
  language: languageTag,
  birthday: calendarDate,
  anniversary: calendarDate,
  vipReason: text(500),
  careReason: text(500),
  currency: currencyCode,
  notes: text(10_000),
}

const flagFields = {
  isInternal: z.boolean(),
  isVip: z.boolean(),
  handleWithCare: z.boolean(),
  marketingConsent: z.boolean(),
  lifetimeValue: money,
}

export const createCustomerInput = z
  .object({ ...profileFields, ...flagFields, contacts: z.array(contactInput).max(50) })
  .partial()
  .strict()
  .superRefine((value, ctx) => {
    // Flags are shown to every next agent: a flag without its reason helps nobody.
    if (value.isVip && !value.vipReason) ctx.addIssue({ code: 'custom', path: ['vipReason'], message: 'a reason is required for VIP customers' })
    if (value.handleWithCare && !value.careReason) {
      ctx.addIssue({ code: 'custom', path: ['careReason'], message: 'a reason is required for "handle with care"' })
    }
  })
export type CreateCustomerInput = z.infer<typeof createCustomerInput>

/**
 * PATCH: only the fields sent change; `null` clears a text field. The flag/reason rule
 * is checked against the stored row by the use case. Contacts have their own routes.
 */
export const updateCustomerInput = z
  .object({
    /** Required on every customer: it can be changed, not removed. */
    displayName: z.string().trim().min(1).max(200).transform((v) => v.normalize('NFKC')),
    familyName: profileFields.familyName.nullable(),
    givenName: profileFields.givenName.nullable(),
    familyNameKana: profileFields.familyNameKana.nullable(),
    givenNameKana: profileFields.givenNameKana.nullable(),
    preferredName: profileFields.preferredName.nullable(),
    honorific: profileFields.honorific.nullable(),
    organization: profileFields.organization.nullable(),
    language: profileFields.language.nullable(),
    birthday: profileFields.birthday.nullable(),
    anniversary: profileFields.anniversary.nullable(),
    vipReason: profileFields.vipReason.nullable(),
    careReason: profileFields.careReason.nullable(),
    currency: profileFields.currency,
    notes: profileFields.notes.nullable(),
    ...flagFields,
  })
  .partial()
  .strict()
export type UpdateCustomerInput = z.infer<typeof updateCustomerInput>

/** Opaque base64url cursors, as on every list. */
const cursor = z.string().min(1).max(500).regex(/^[A-Za-z0-9_-]+$/, 'not a cursor')
const pageLimit = (fallback: number) => z.coerce.number().int().min(1).max(100).default(fallback)

const queryBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')

export const listCustomersQuery = z
  .object({
    /** Prefix of the display name, family/given name or their kana, or organization. */
    q: text(100).optional(),
    vip: queryBool.optional(),
    handleWithCare: queryBool.optional(),
    updatedSince: isoDateTime.optional(),
    cursor: cursor.optional(),
    limit: pageLimit(25),
  })
  .strict()
export type ListCustomersQuery = z.infer<typeof listCustomersQuery>

export const lookupCustomerQuery = z
  .object({ crn: z.string().max(64).optional(), email: contactValue.optional(), phone: contactValue.optional() })
  .strict()
  .refine((q) => [q.crn, q.email, q.phone].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of crn, email, phone',
  })
export type LookupCustomerQuery = z.infer<typeof lookupCustomerQuery>

export const mergeCustomerInput = z.object({ intoId: z.string().min(1).max(100) }).strict()
export type MergeCustomerInput = z.infer<typeof mergeCustomerInput>

export const updateContactInput = z
  .object({ label: text(100).nullable().optional(), isPrimary: z.boolean().optional() })
  .strict()
export type UpdateContactInput = z.infer<typeof updateContactInput>

export const listCustomerEventsQuery = z
  .object({ cursor: cursor.optional(), limit: pageLimit(100) })
  .strict()

// ---- views (what the API returns; the OpenAPI document is built from these) ----

export const customerContactView = z.object({
  id: z.string(),
  kind: contactKind,
  /** Normalized: lower-cased email, E.164 phone. */
  value: z.string(),
  label: z.string().nullable(),
  isPrimary: z.boolean(),
  verifiedAt: z.string().nullable(),
  bouncingAt: z.string().nullable(),
})
export type CustomerContactView = z.infer<typeof customerContactView>

export const customerView = z.object({
  id: z.string(),
  /** Customer reference number, e.g. `C-7K3M-9Q2P`. */
  crn: z.string(),
  displayName: z.string(),
  familyName: z.string().nullable(),
  givenName: z.string().nullable(),
  familyNameKana: z.string().nullable(),
  givenNameKana: z.string().nullable(),
  preferredName: z.string().nullable(),
  honorific: z.string().nullable(),
  organization: z.string().nullable(),
  language: z.string().nullable(),
  birthday: z.string().nullable(),
  anniversary: z.string().nullable(),
  isInternal: z.boolean(),
  isVip: z.boolean(),
  vipReason: z.string().nullable(),
  handleWithCare: z.boolean(),
  careReason: z.string().nullable(),
  marketingConsent: z.boolean(),
  lifetimeValue: z.number().int(),
  currency: z.string(),
  notes: z.string().nullable(),
  contacts: z.array(customerContactView),
  /** Set on a customer merged into another (its CRN resolves to that one). */
  mergedIntoId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type CustomerView = z.infer<typeof customerView>

/** What a ticket list shows about its customer (flags are shown to every next agent). */
export const customerSummary = z.object({
  id: z.string(),
  crn: z.string(),
  displayName: z.string(),
  isVip: z.boolean(),
  handleWithCare: z.boolean(),
})
export type CustomerSummary = z.infer<typeof customerSummary>

/** `GET /customers/lookup`: the customer, and which merged customer the query named, if any. */
export const customerLookupView = customerView.extend({
  mergedFrom: z.object({ id: z.string(), crn: z.string() }).nullable(),
})
export type CustomerLookupView = z.infer<typeof customerLookupView>

export const customerEventView = eventView.extend({
  /** The customer it was recorded on: another id for history of a customer merged into this one. */
  customerId: z.string(),
})
export type CustomerEventView = z.infer<typeof customerEventView>

export const customerListView = z.object({ items: z.array(customerView), nextCursor: z.string().nullable() })
export type CustomerListView = z.infer<typeof customerListView>

export const customerEventListView = z.object({ items: z.array(customerEventView), nextCursor: z.string().nullable() })
export type CustomerEventListView = z.infer<typeof customerEventListView>
