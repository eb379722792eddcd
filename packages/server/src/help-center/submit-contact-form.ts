import type { KbLocale } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { createTicketFromInbound } from '../tickets/create-ticket-from-inbound.ts'
import type { HelpStringKey } from './help-strings.ts'

/** Bounds of the contact form (the request body limit is set on the route as well). */
export const CONTACT_LIMITS = { name: 100, email: 254, subject: 200, message: 5_000 } as const

export interface ContactFields {
  name: string
  email: string
  subject: string
  message: string
}

export type ContactErrors = Partial<Record<keyof ContactFields, HelpStringKey>>

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u

function field(body: Record<string, unknown>, name: string): string {
  const value = body[name]

  return typeof value === 'string' ? value.normalize('NFC').trim() : ''
}

export function readContactFields(body: Record<string, unknown>): { fields: ContactFields; errors: ContactErrors } {
  const fields = { name: field(body, 'name'), email: field(body, 'email'), subject: field(body, 'subject'), message: field(body, 'message') }
  const errors: ContactErrors = {}
  for (const key of ['name', 'email', 'subject', 'message'] as const) {
    if ([...fields[key]].length > CONTACT_LIMITS[key]) errors[key] = 'tooLong'
  }
  if (!errors.email && !EMAIL.test(fields.email)) errors.email = 'invalidEmail'
  if (!errors.message && fields.message === '') errors.message = 'missingMessage'

  return { fields, errors }
}

/**
 * A help center contact form becomes a ticket on the web_form channel, from the
 * customer with that email address (created when unknown), in their language.
 */
export async function submitContactForm(deps: Deps, accountId: string, locale: KbLocale, fields: ContactFields): Promise<number> {
  const result = await createTicketFromInbound(deps, {
    accountId,
    channel: 'web_form',
    subject: fields.subject,
    customer: { email: fields.email, ...(fields.name && { name: fields.name }), language: locale },
    bodyText: fields.message,
    metadata: { source: 'help_center', locale },
    tags: ['help-center'],
  })

  return result.ticket.number
}
