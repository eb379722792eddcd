/**
 * `{{customer.preferred_name}}`-style placeholders in macros and automated
 * replies. Unknown or empty placeholders become empty text and are reported, so
 * the agent sees what to fill in by hand (a macro is never sent blind).
 */
export type PlaceholderValues = Record<string, string | number | null | undefined>

const PLACEHOLDER = /\{\{\s*([a-z_]+(?:\.[a-z_]+)*)\s*\}\}/g

export function fillPlaceholders(template: string, values: PlaceholderValues): { text: string; missing: string[] } {
  const missing: string[] = []
  const text = template.replace(PLACEHOLDER, (_, key: string) => {
    const value = values[key]
    if (value === null || value === undefined || value === '') {
      if (!missing.includes(key)) missing.push(key)

      return ''
    }

    return String(value)
  })

  return { text, missing }
}

export interface PlaceholderSource {
  customer: { display_name: string; preferred_name: string | null; family_name: string | null; given_name: string | null; honorific: string | null; crn: string; organization: string | null } | undefined
  ticket: { number: number; subject: string; status: string }
  agent: { name: string; email: string } | undefined
}

/** The values a ticket offers; `preferred_name` falls back to the family name + 様 / display name. */
export function placeholderValues(s: PlaceholderSource): PlaceholderValues {
  const c = s.customer
  const preferred = c?.preferred_name ?? (c?.family_name ? `${c.family_name}${c.honorific ?? '様'}` : c?.display_name)

  return {
    'customer.preferred_name': preferred,
    'customer.name': c?.display_name,
    'customer.display_name': c?.display_name,
    'customer.family_name': c?.family_name,
    'customer.given_name': c?.given_name,
    'customer.crn': c?.crn,
    'customer.organization': c?.organization,
    'ticket.number': s.ticket.number,
    'ticket.subject': s.ticket.subject,
    'ticket.status': s.ticket.status,
    'agent.name': s.agent?.name,
    'agent.email': s.agent?.email,
  }
}
