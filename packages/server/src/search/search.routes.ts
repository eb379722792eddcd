import type { FastifyInstance } from 'fastify'
import { searchQuery, searchResponse } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { documentRoute } from '../http/openapi-registry.ts'
import { principalOf } from '../http/principal.ts'
import { parseInput } from '../http/validate.ts'
import { searchEverything } from './search-everything.ts'

export async function searchRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  documentRoute({
    method: 'GET', path: '/search', tags: ['Search'], access: 'agent', query: searchQuery, response: searchResponse,
    summary: 'Search tickets, messages, customers and articles',
    description: [
      'Japanese-aware: full-width/half-width and case do not matter, two-character words (返品) and single characters are found, ',
      '"…" or 「…」 is a phrase, words and scripts apart (iPhone 修理) must all match. `type=ticket` finds a ticket by its subject ',
      'or any of its messages (internal notes included); without `type`, messages are listed under their ticket. ',
      'Results come newest matches first, each window of 100 matches ordered by relevance and recency; pass `nextCursor` back as `cursor`. ',
      'A query with nothing searchable (only punctuation) answers no results. Partners find only their teams\' tickets and messages.',
    ].join(''),
  })
  app.get('/search', { config: { access: 'agent' } }, async (request) => {
    const input = parseInput(searchQuery, request.query)

    return searchEverything(deps, principalOf(request), input)
  })
}
