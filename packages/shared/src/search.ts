import { z } from 'zod'
import { CHANNELS, TICKET_STATUSES } from './domain.ts'

/** Search API (issue 6): one endpoint over tickets, messages, customers and articles. */

export const SEARCH_DOC_TYPES = ['ticket', 'message', 'customer', 'article'] as const
export type SearchDocType = (typeof SEARCH_DOC_TYPES)[number]

/**
 * Who may find a document: `public` (help center), `customer` (the customer it
 * belongs to sees it too: their messages, our replies), `internal` (agents only:
 * internal notes, the agents' wiki). Agent search sees all three.
 */
export const SEARCH_VISIBILITIES = ['public', 'customer', 'internal'] as const
export type SearchVisibility = (typeof SEARCH_VISIBILITIES)[number]

export const SEARCH_LIMITS = {
  /** Longer queries are refused (422): nobody types this much into a search box. */
  query: 500,
  pageDefault: 20,
  pageMax: 50,
} as const

export const searchQuery = z
  .object({
    q: z.string().max(SEARCH_LIMITS.query),
    type: z.enum(SEARCH_DOC_TYPES).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(SEARCH_LIMITS.pageMax).default(SEARCH_LIMITS.pageDefault),
    /** Tickets and messages: of tickets in this status / from this channel / of this team. */
    status: z.enum(TICKET_STATUSES).optional(),
    channel: z.enum(CHANNELS).optional(),
    teamId: z.string().max(100).optional(),
    /** Only documents changed at or after this time. */
    updatedSince: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
export type SearchQuery = z.infer<typeof searchQuery>

export const searchResult = z.object({
  type: z.enum(SEARCH_DOC_TYPES),
  id: z.string(),
  /** For tickets and messages: the ticket to open. */
  ticketId: z.string().optional(),
  ticketNumber: z.number().int().optional(),
  title: z.string(),
  /** HTML-escaped excerpt with the matches in `<mark>…</mark>`. */
  snippet: z.string(),
  /** The same excerpt as plain text, and the [start, end) offsets of the matches in it. */
  snippetText: z.string(),
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
  updatedAt: z.string(),
})
export type SearchResult = z.infer<typeof searchResult>

export const searchResponse = z.object({ results: z.array(searchResult), nextCursor: z.string().nullable() })
export type SearchResponse = z.infer<typeof searchResponse>
