import type { SearchDocType, SearchQuery, SearchResponse, SearchResult, SearchVisibility } from '@madoguchi/shared'
import { SEARCH_VISIBILITIES } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { seesRestricted } from '../escalation/ticket-visibility.ts'
import { AppError } from '../lib/app-error.ts'
import { toQueryTerms } from '../lib/japanese-text.ts'
import type { Viewer } from '../tickets/ticket-access.ts'
import type { Candidate, SearchScope } from './search.repo.ts'
import { findCandidates, loadTicketTitles, ticketsMatchingBetween } from './search.repo.ts'
import { makeSnippet } from './snippet.ts'

/** Documents ranked together: the most recent matches, ordered by relevance and recency. */
export const WINDOW = 100
/** A page never reads more windows than this (filters that leave most matches out). */
const MAX_WINDOWS = 4
const DAY_MS = 86_400_000

interface Cursor {
  /** Newest document id of the first page: later arrivals do not shift the pages. */
  top: number
  /** Upper id of the current window. */
  upTo: number
  /** Results of the current window already returned. */
  skip: number
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.top, c.upTo, c.skip])).toString('base64url')
}

function decodeCursor(text: string): Cursor {
  try {
    const [top, upTo, skip] = JSON.parse(Buffer.from(text, 'base64url').toString()) as unknown[]
    if ([top, upTo, skip].every((n) => Number.isSafeInteger(n) && (n as number) >= 0)) return { top: top as number, upTo: upTo as number, skip: skip as number }
  } catch {
    // falls through to the validation error
  }
  throw new AppError('request.validation_failed', [{ path: 'cursor', code: 'custom', message: 'invalid cursor' }])
}

/** One result-to-be: a document, or a ticket with its best-matching document. */
interface Hit {
  type: SearchDocType
  id: string
  ticketId: string | null
  best: Candidate
  score: number
  newest: number
}

/** Relevance (relative to the window's best) and recency, 0…1 each. */
function rank(window: Candidate[], now: number, groupTickets: boolean): Hit[] {
  const best = Math.max(...window.map((c) => c.relevance), Number.MIN_VALUE)
  const hits = new Map<string, Hit>()
  for (const c of window) {
    const ageDays = Math.max(0, now - Date.parse(c.updatedAt)) / DAY_MS
    const score = 0.7 * (c.relevance / best) + 0.3 / (1 + ageDays / 30)
    const asTicket = groupTickets && c.ticketId !== null
    const key = asTicket ? `t:${c.ticketId}` : `${c.docType}:${c.docId}`
    const hit = hits.get(key)
    if (!hit) hits.set(key, { type: asTicket ? 'ticket' : c.docType, id: asTicket ? c.ticketId! : c.docId, ticketId: c.ticketId, best: c, score, newest: c.id })
    else if (score > hit.score) Object.assign(hit, { best: c, score })
  }

  return [...hits.values()].sort((a, b) => b.score - a.score || b.newest - a.newest)
}

export interface SearchAudience {
  /** What the searcher may read; agents read everything, a help center only `public`. */
  visibilities: readonly SearchVisibility[]
}

const AGENTS: SearchAudience = { visibilities: SEARCH_VISIBILITIES }

/**
 * `GET /search`: tickets (a ticket matches when its subject or any of its messages
 * does), messages, customers and articles. Pages walk the matches from the most
 * recent: each window of WINDOW matches is ranked by relevance and recency, and the
 * cursor remembers where in which window the page ended.
 */
export async function searchEverything(deps: Deps, viewer: Viewer, input: SearchQuery, audience: SearchAudience = AGENTS): Promise<SearchResponse> {
  const terms = toQueryTerms(input.q)
  if (terms.length === 0) return { results: [], nextCursor: null }
  const type = input.type
  const groupTickets = type === undefined || type === 'ticket'
  const docTypes: SearchDocType[] = type === undefined ? ['ticket', 'message', 'customer', 'article'] : type === 'ticket' ? ['ticket', 'message'] : [type]
  const scope: SearchScope = {
    accountId: viewer.accountId,
    docTypes,
    visibilities: audience.visibilities,
    teamIds: viewer.role === 'partner' ? viewer.teamIds : null,
    hideRestrictedFor: seesRestricted(viewer) ? null : viewer.teamIds,
    ...(input.status !== undefined && { status: input.status }),
    ...(input.channel !== undefined && { channel: input.channel }),
    ...(input.teamId !== undefined && { teamId: input.teamId }),
    ...(input.updatedSince !== undefined && { updatedSince: new Date(input.updatedSince).toISOString() }),
  }
  const now = deps.clock.now().getTime()
  let cursor = input.cursor === undefined ? null : decodeCursor(input.cursor)
  const picked: Hit[] = []
  let nextCursor: Cursor | null = null

  for (let w = 0; w < MAX_WINDOWS && picked.length < input.limit; w++) {
    const window = await findCandidates(deps.db, deps.dialect, terms, scope, cursor?.upTo ?? null, WINDOW)
    if (window.length === 0) break
    const top = cursor?.top ?? window[0]!.id
    const upTo = cursor?.upTo ?? top
    let hits = rank(window, now, groupTickets)
    if (groupTickets && upTo < top) {
      const shown = await ticketsMatchingBetween(deps.db, deps.dialect, terms, scope, upTo, top, hits.filter((h) => h.type === 'ticket').map((h) => h.id))
      hits = hits.filter((h) => h.type !== 'ticket' || !shown.has(h.id))
    }
    const skip = cursor?.skip ?? 0
    const taken = hits.slice(skip, skip + input.limit - picked.length)
    picked.push(...taken)
    const full = window.length === WINDOW
    if (skip + taken.length < hits.length) nextCursor = { top, upTo, skip: skip + taken.length }
    else nextCursor = full ? { top, upTo: window.at(-1)!.id - 1, skip: 0 } : null
    if (!nextCursor || nextCursor.skip > 0) break
    cursor = nextCursor
  }

  return { results: await toResults(deps, viewer.accountId, picked, terms), nextCursor: nextCursor && encodeCursor(nextCursor) }
}

async function toResults(deps: Deps, accountId: string, hits: Hit[], terms: ReturnType<typeof toQueryTerms>): Promise<SearchResult[]> {
  const tickets = await loadTicketTitles(deps.db, accountId, [...new Set(hits.flatMap((h) => (h.ticketId ? [h.ticketId] : [])))])

  return hits.map((h) => {
    const ticket = h.ticketId ? tickets.get(h.ticketId) : undefined
    const snippet = makeSnippet(h.best.body, terms)

    return {
      type: h.type,
      id: h.id,
      ...(h.ticketId !== null && { ticketId: h.ticketId }),
      ...(ticket && { ticketNumber: ticket.number }),
      title: ticket?.subject ?? h.best.title,
      snippet: snippet.html,
      snippetText: snippet.text,
      highlights: snippet.highlights,
      updatedAt: h.best.updatedAt,
    }
  })
}
