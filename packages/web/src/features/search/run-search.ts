import { ApiError, api } from '../../api/client.ts'
import { customers, tickets } from '../../api/endpoints.ts'
import type { CustomerView, TicketView } from '../../api/types.ts'
import type { SearchIntent } from '../../lib/search-query.ts'

export type SearchResult =
  | { kind: 'ticket'; ticket: TicketView }
  | { kind: 'customer'; customer: CustomerView; via: 'crn' | 'email' | 'phone' | 'name'; mergedFrom?: string | null }
  | { kind: 'problem'; code: string; message: string }

const notFound = (error: unknown) => error instanceof ApiError && error.status === 404

/**
 * Runs every intent at once. "Not found" is simply no result; a mistyped CRN is a
 * result of its own ("no such CRN") so the agent knows to ask again, instead of
 * being shown someone else.
 */
export async function runSearch(intents: SearchIntent[]): Promise<SearchResult[]> {
  const batches = await Promise.all(intents.map(async (intent): Promise<SearchResult[]> => {
    try {
      switch (intent.kind) {
        case 'ticket':
          return [{ kind: 'ticket', ticket: await api.get<TicketView>(`/api/v1/tickets/by-number/${intent.number}`) }]
        case 'crn': {
          const found = await customers.lookup({ crn: intent.crn })

          return [{ kind: 'customer', customer: found, via: 'crn', mergedFrom: found.mergedFrom?.crn ?? null }]
        }
        case 'email':
          return [{ kind: 'customer', customer: await customers.lookup({ email: intent.email }), via: 'email' }]
        case 'phone':
          return [{ kind: 'customer', customer: await customers.lookup({ phone: intent.phone }), via: 'phone' }]
        case 'name': {
          const [people, subjects] = await Promise.all([
            customers.search(intent.q).catch(() => ({ items: [] as CustomerView[] })),
            tickets.search(intent.q).catch(() => ({ items: [] as TicketView[] })),
          ])

          return [
            ...people.items.map((customer) => ({ kind: 'customer' as const, customer, via: 'name' as const })),
            ...subjects.items.map((ticket) => ({ kind: 'ticket' as const, ticket })),
          ]
        }
      }
    } catch (error) {
      if (notFound(error)) return []
      if (error instanceof ApiError) return [{ kind: 'problem', code: error.code, message: error.message }]
      throw error
    }
  }))
  const results = batches.flat()
  // With two intents (CRN-shaped name), a CRN complaint is noise if the name matched.
  const hasHits = results.some((r) => r.kind !== 'problem')

  return intents.length > 1 && hasHits ? results.filter((r) => r.kind !== 'problem') : results
}
