import type { Channel, SearchDocType, SearchVisibility, TicketStatus } from '@madoguchi/shared'
import type { RawBuilder } from 'kysely'
import { sql } from 'kysely'
import type { Dialect } from '../db/create-db.ts'
import type { Executor } from '../db/database.ts'
import type { QueryTerm } from '../lib/japanese-text.ts'
import { toFts5Match, toTsQuery } from '../lib/japanese-text.ts'
import { windowRelevance } from './relevance.ts'

/** Who is searching, reduced to what narrows the documents. */
export interface SearchScope {
  accountId: string
  docTypes: readonly SearchDocType[]
  visibilities: readonly SearchVisibility[]
  /** Partner: only these teams' tickets and messages, and customers with a ticket in them. */
  teamIds: readonly string[] | null
  /** Not a supervisor: tickets restricted to another team stay hidden (issue 7). */
  hideRestrictedFor: readonly string[] | null
  status?: TicketStatus
  channel?: Channel
  teamId?: string
  updatedSince?: string
}

export interface Candidate {
  id: number
  docType: SearchDocType
  docId: string
  ticketId: string | null
  updatedAt: string
  /** Shown for documents without a ticket (customers, articles). */
  title: string
  /** The snippet source (the start of the text). */
  body: string
  /** Larger is better; comparable within one window only (search/relevance.ts). */
  relevance: number
}

function conditions(scope: SearchScope): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [sql`d.account_id = ${scope.accountId}`]
  where.push(sql`d.doc_type in (${sql.join([...scope.docTypes])})`)
  if (scope.visibilities.length < 3) where.push(sql`d.visibility in (${sql.join([...scope.visibilities])})`)
  if (scope.teamIds) {
    const teams = sql.join(scope.teamIds.length > 0 ? [...scope.teamIds] : [''])
    where.push(sql`(d.doc_type = 'article' or d.team_id in (${teams}) or (d.doc_type = 'customer' and exists (select 1 from tickets p where p.account_id = d.account_id and p.customer_id = d.doc_id and p.team_id in (${teams}))))`)
  }
  if (scope.hideRestrictedFor) {
    const teams = sql.join(scope.hideRestrictedFor.length > 0 ? [...scope.hideRestrictedFor] : [''])
    where.push(sql`(d.ticket_id is null or d.ticket_id not in (select r.ticket_id from ticket_restrictions r where r.account_id = ${scope.accountId} and (r.team_id is null or r.team_id not in (${teams}))))`)
  }
  if (scope.teamId !== undefined) where.push(sql`d.team_id = ${scope.teamId}`)
  if (scope.updatedSince !== undefined) where.push(sql`d.updated_at >= ${scope.updatedSince}`)
  // Ticket fields that change often (status) are read from the ticket, not copied.
  if (scope.status !== undefined || scope.channel !== undefined) {
    const ticket: RawBuilder<unknown>[] = [sql`t.id = d.ticket_id`]
    if (scope.status !== undefined) ticket.push(sql`t.status = ${scope.status}`)
    if (scope.channel !== undefined) ticket.push(sql`t.channel = ${scope.channel}`)
    where.push(sql`exists (select 1 from tickets t where ${sql.join(ticket, sql` and `)})`)
  }

  return where
}

interface CandidateRow {
  id: number | string
  doc_type: SearchDocType
  doc_id: string
  ticket_id: string | null
  updated_at: string
  title: string
  body: string
}

const CANDIDATE_COLUMNS = sql`d.id, d.doc_type, d.doc_id, d.ticket_id, d.updated_at, d.title, d.body`

function toCandidates(rows: readonly CandidateRow[], terms: readonly QueryTerm[]): Candidate[] {
  const relevance = windowRelevance(rows.map((r) => r.body), terms)

  return rows.map((r, i) => ({
    id: Number(r.id), docType: r.doc_type, docId: r.doc_id, ticketId: r.ticket_id, updatedAt: r.updated_at, title: r.title, body: r.body, relevance: relevance[i]!,
  }))
}

/**
 * The `limit` most recently indexed documents matching `terms` with id ≤ `upTo`,
 * newest first. Reading in id order lets both engines stop after `limit` matches
 * (FTS5 walks its doclists backwards by rowid; PostgreSQL walks (account_id, id)
 * backwards for frequent terms, or takes the GIN bitmap for rare ones), so a word
 * found in half of all messages costs the same as a rare one. Relevance is
 * computed only for these rows, and not by the engine: no bm25() (see
 * relevance.ts), whose IDF alone reads every match in the index.
 */
export async function findCandidates(db: Executor, dialect: Dialect, terms: readonly QueryTerm[], scope: SearchScope, upTo: number | null, limit: number, costs = POSTGRES_PLAN_COSTS): Promise<Candidate[]> {
  const where = conditions(scope)
  if (dialect === 'postgres') return findCandidatesOnPostgres(db, terms, scope, where, upTo, limit, costs)
  if (upTo !== null) where.push(sql`f.rowid <= ${upTo}`)
  // CROSS JOIN pins the order: FTS5 outside, newest first, stopping at the LIMIT. With
  // statistics of a small search_documents (taken before a bulk load: the app runs
  // PRAGMA optimize on connect) SQLite put the documents outside and probed FTS5 for
  // each of them: 200–350 ms per search on 4.3 M documents instead of 2–10 ms.
  const { rows } = await sql<CandidateRow>`
    select ${CANDIDATE_COLUMNS}
    from search_fts f cross join search_documents d on d.id = f.rowid
    where search_fts match ${toFts5Match(terms)} and ${sql.join(where, sql` and `)}
    order by f.rowid desc limit ${limit}`.execute(db)

  return toCandidates(rows, terms)
}

/**
 * PostgreSQL's planner estimates a phrase (many bigrams) as the product of its
 * lexemes' frequencies, so it guesses wrong both ways: a common phrase taken as
 * rare goes through the GIN bitmap and rechecks hundreds of thousands of rows; a
 * rare one taken as common walks the whole table newest-first. So we choose, by
 * what the newest documents show:
 * 1. the newest `probeRows` (5,000) ids are checked directly (a LIMITed subquery the
 *    planner cannot reorder; it streams and stops at `limit` matches): frequent
 *    words end here;
 * 2. otherwise, at the density seen so far, the missing matches should lie within
 *    the next `span` documents (1.5× the expected distance). That span is read the
 *    cheapest of three ways, by the cost model below, until enough are found:
 *    - walking on newest-first (≈ 1 µs per document: the newest pages, in order);
 *    - the GIN bitmap for that id range only: PostgreSQL ANDs it with a primary-key
 *      range bitmap (≈ 0.12 µs per document of the span), so only the matches in
 *      the range are fetched from the heap (≈ 8 µs each: spread over the table),
 *      after reading the term's postings (≈ 0.35 µs per document that has them);
 *    - the whole GIN bitmap below (`id + 0` keeps the planner off the newest-first
 *      walk), when the matches are so sparse that fetching all of them is cheaper.
 * Before the range step a word in 0.4 % of the documents (account) walked 26,000
 * rows or fetched all its 17,000 matches: 100–200 ms on 4.3 M documents; 10 ms now.
 */
export interface PostgresPlanCosts {
  probeRows: number
  /** Step 2's cost model, µs (measured on 4.3 M documents, see docs/search.md). */
  walkRowUs: number
  rangeRowUs: number
  postingUs: number
  matchRowUs: number
}

export const POSTGRES_PLAN_COSTS: PostgresPlanCosts = { probeRows: 5000, walkRowUs: 1, rangeRowUs: 0.12, postingUs: 0.35, matchRowUs: 8 }
const MAX_STEPS = 6

async function findCandidatesOnPostgres(db: Executor, terms: readonly QueryTerm[], scope: SearchScope, where: RawBuilder<unknown>[], upTo: number | null, limit: number, costs: PostgresPlanCosts): Promise<Candidate[]> {
  const { probeRows, walkRowUs, rangeRowUs, postingUs, matchRowUs } = costs
  const query = toTsQuery(terms)
  const filters = sql.join(where, sql` and `)
  // One document type (type=message, customer, article): walk that type's documents
  // only (search_documents_type_idx), so a word that is frequent in ticket subjects
  // but rare in messages is judged by its density among messages.
  const oneType = scope.docTypes.length === 1 ? sql`and doc_type = ${scope.docTypes[0]!}` : sql``
  /**
   * Matches with ids in (below − span, below], newest first. A range of ids rather
   * than a number of rows, so where the walk stopped needs no second query (counting
   * 5,000 rows back cost 7 ms where the heap's visibility map is not set). The
   * LIMIT keeps the planner from turning the subquery into a GIN bitmap.
   */
  const walk = async (below: number, span: number, want: number) => (await sql<CandidateRow>`
    select ${CANDIDATE_COLUMNS}
    from (select * from search_documents where account_id = ${scope.accountId} ${oneType} and id <= ${below} and id > ${below - span}
          order by id desc limit ${span}) d
    where d.index_tsv @@ to_tsquery('simple', ${query}) and ${filters}
    order by d.id desc limit ${want}`.execute(db)).rows
  const fromGin = async (below: number, above: number | null, want: number) => (await sql<CandidateRow>`
    select ${CANDIDATE_COLUMNS}
    from search_documents d
    where d.index_tsv @@ to_tsquery('simple', ${query}) and d.id <= ${below} ${above === null ? sql`` : sql`and d.id > ${above}`} and ${filters}
    order by d.id + 0 desc limit ${want}`.execute(db)).rows

  const top = upTo ?? Number((await sql<{ top: number | string | null }>`select max(id) as top from search_documents where account_id = ${scope.accountId}`.execute(db)).rows[0]?.top ?? 0)
  const found = await walk(top, probeRows, limit)
  let below = top - probeRows
  if (found.length >= limit || below <= 0) return toCandidates(found, terms)
  let seen = probeRows
  for (let step = 0; step < MAX_STEPS && found.length < limit && below > 0; step++) {
    const need = limit - found.length
    const density = found.length / seen
    if (density === 0) break
    const span = Math.ceil((need / density) * 1.5)
    // Ids stand for the documents below (a fresh index numbers them 1…n; gaps only make this cautious).
    const walkCost = walkRowUs * span
    const rangeCost = postingUs * density * below + (rangeRowUs + matchRowUs * density) * Math.min(span, below)
    const allCost = (postingUs + matchRowUs) * density * below
    if (allCost <= Math.min(walkCost, rangeCost)) break
    if (walkCost <= rangeCost) {
      found.push(...(await walk(below, span, need)))
      below -= span
    } else {
      const above = Math.max(0, below - span)
      found.push(...(await fromGin(below, above, need)))
      below = above
    }
    seen += span
  }
  if (found.length < limit && below > 0) found.push(...(await fromGin(below, null, limit - found.length)))

  return toCandidates(found, terms)
}

/**
 * Of `ticketIds`, those with a matching document in (after, upTo]: they were
 * already shown on an earlier page (a ticket is listed where its newest match is).
 */
export async function ticketsMatchingBetween(db: Executor, dialect: Dialect, terms: readonly QueryTerm[], scope: SearchScope, after: number, upTo: number, ticketIds: readonly string[]): Promise<Set<string>> {
  if (ticketIds.length === 0) return new Set()
  const where = [...conditions(scope), sql`d.ticket_id in (${sql.join([...ticketIds])})`]
  const { rows } = dialect === 'postgres'
    ? await sql<{ ticket_id: string }>`
        select distinct d.ticket_id from search_documents d
        where d.index_tsv @@ to_tsquery('simple', ${toTsQuery(terms)}) and d.id > ${after} and d.id <= ${upTo} and ${sql.join(where, sql` and `)}`.execute(db)
    : await sql<{ ticket_id: string }>`
        select distinct d.ticket_id from search_fts f cross join search_documents d on d.id = f.rowid
        where search_fts match ${toFts5Match(terms)} and f.rowid > ${after} and f.rowid <= ${upTo} and ${sql.join(where, sql` and `)}`.execute(db)

  return new Set(rows.map((r) => r.ticket_id))
}

export async function loadTicketTitles(db: Executor, accountId: string, ticketIds: readonly string[]): Promise<Map<string, { number: number; subject: string }>> {
  if (ticketIds.length === 0) return new Map()
  const rows = await db.selectFrom('tickets').select(['id', 'number', 'subject']).where('account_id', '=', accountId).where('id', 'in', [...ticketIds]).execute()

  return new Map(rows.map((r) => [r.id, { number: Number(r.number), subject: r.subject }]))
}
