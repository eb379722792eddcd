import type { SearchDocType, SearchVisibility } from '@madoguchi/shared'
import { sql } from 'kysely'
import type { Dialect } from '../db/create-db.ts'
import type { Trx } from '../db/database.ts'
import type { Deps } from '../deps.ts'
import { toIndexText } from '../lib/japanese-text.ts'
import { changeFtsEntries, INDEXED_TEXT_CHARS, SNIPPET_SOURCE_CHARS } from './search-index.ts'

/** Where a reindex stands; pass it back as `from` to resume after a stop. */
export interface ReindexPosition {
  phase: 'customers' | 'tickets'
  /** Last id done in this phase (ids ascend). */
  after: string | null
}

export interface ReindexOptions {
  accountId: string
  /** Tickets (with their messages) or customers per transaction. */
  batchSize?: number
  from?: ReindexPosition
  onBatch?: (done: ReindexPosition, documents: number) => void
}

interface Doc {
  doc_type: SearchDocType
  doc_id: string
  ticket_id: string | null
  team_id: string | null
  visibility: SearchVisibility
  title: string
  text: string
  updated_at: string
}

/** Below this many documents written a wrong plan costs little; see reindexAll. */
const ANALYZE_FROM_DOCUMENTS = 10_000

/**
 * Rebuilds the search index of an account from its tickets, messages and
 * customers (after an upgrade, or for data loaded around the use cases). Batches
 * of tickets are indexed with their messages, oldest first, so the index's
 * "most recent first" order follows the data; each batch replaces what it covers
 * in its own transaction, so a run can stop at any time and resume (or simply run
 * again). Articles are the knowledge base's to reindex.
 */
export async function reindexAll(deps: Deps, options: ReindexOptions): Promise<number> {
  const batchSize = options.batchSize ?? 500
  let position: ReindexPosition = options.from ?? { phase: 'customers', after: null }
  let total = 0
  let analyzedAt = 0
  // SQLite: no incremental FTS5 merging during the rebuild, one 'optimize' when it is
  // done. With automerge on, a rebuild of 4.3 M documents fell from 15,000 to 240
  // documents/s past 3.5 M (perf: segment merges re-reading the FTS5 data table).
  if (deps.dialect === 'sqlite') await sql`insert into search_fts (search_fts, rank) values ('automerge', 0)`.execute(deps.db)
  try {
    for (;;) {
      const { docs, last } = position.phase === 'customers' ? await customerDocs(deps, options.accountId, position.after, batchSize) : await ticketDocs(deps, options.accountId, position.after, batchSize)
      if (last === null) {
        if (position.phase === 'tickets') break
        position = { phase: 'tickets', after: null }
        continue
      }
      await deps.transact((trx) => replaceDocuments(trx, deps.dialect, options.accountId, docs))
      total += docs.length
      // PostgreSQL plans the delete of replaceDocuments from the table's statistics. An
      // index filling from empty keeps those of a tiny table (autovacuum lags behind a
      // bulk load), and the delete then reads every document of the type instead of
      // probing the unique index: 1.35 s per chunk at 1 M documents, quadratic over a
      // rebuild. Analyzing each time the documents written have doubled keeps it a probe.
      if (deps.dialect === 'postgres' && total >= Math.max(ANALYZE_FROM_DOCUMENTS, 2 * analyzedAt)) {
        await sql`analyze search_documents`.execute(deps.db)
        analyzedAt = total
      }
      position = { phase: position.phase, after: last }
      options.onBatch?.(position, total)
    }
    if (deps.dialect === 'sqlite') await sql`insert into search_fts (search_fts) values ('optimize')`.execute(deps.db)
  } finally {
    // Back to FTS5's default, also after a stop (the next run optimizes).
    if (deps.dialect === 'sqlite') await sql`insert into search_fts (search_fts, rank) values ('automerge', 4)`.execute(deps.db)
  }

  return total
}

async function customerDocs(deps: Deps, accountId: string, after: string | null, limit: number): Promise<{ docs: Doc[]; last: string | null }> {
  let q = deps.db.selectFrom('customers').selectAll().where('account_id', '=', accountId)
  if (after !== null) q = q.where('id', '>', after)
  const rows = await q.orderBy('id').limit(limit).execute()
  const docs = rows.filter((c) => c.merged_into_id === null).map((c): Doc => {
    const names = [...new Set([c.display_name, c.family_name, c.given_name, c.family_name_kana, c.given_name_kana, c.preferred_name].filter((n): n is string => !!n))]

    return {
      doc_type: 'customer', doc_id: c.id, ticket_id: null, team_id: null, visibility: 'internal', title: c.display_name,
      text: [...names, c.organization, c.crn].filter(Boolean).join('\n'), updated_at: c.updated_at,
    }
  })

  return { docs, last: rows.at(-1)?.id ?? null }
}

async function ticketDocs(deps: Deps, accountId: string, after: string | null, limit: number): Promise<{ docs: Doc[]; last: string | null }> {
  let q = deps.db.selectFrom('tickets').select(['id', 'subject', 'team_id', 'updated_at']).where('account_id', '=', accountId)
  if (after !== null) q = q.where('id', '>', after)
  const tickets = await q.orderBy('id').limit(limit).execute()
  if (tickets.length === 0) return { docs: [], last: null }
  const messages = await deps.db
    .selectFrom('messages')
    .select(['id', 'ticket_id', 'kind', 'body_text', 'created_at'])
    .where('ticket_id', 'in', tickets.map((t) => t.id))
    .where('kind', '!=', 'system')
    .orderBy('id')
    .execute()
  const teams = new Map(tickets.map((t) => [t.id, t.team_id]))
  const docs: Doc[] = tickets.map((t) => ({ doc_type: 'ticket', doc_id: t.id, ticket_id: t.id, team_id: t.team_id, visibility: 'customer', title: t.subject, text: t.subject, updated_at: t.updated_at }))
  for (const m of messages) {
    docs.push({
      doc_type: 'message', doc_id: m.id, ticket_id: m.ticket_id, team_id: teams.get(m.ticket_id) ?? null,
      visibility: m.kind === 'note' ? 'internal' : 'customer', title: '', text: m.body_text, updated_at: m.created_at,
    })
  }

  return { docs, last: tickets.at(-1)!.id }
}

/** Deletes the earlier versions of `docs` and inserts them, in multi-row statements. */
async function replaceDocuments(trx: Trx, dialect: Dialect, accountId: string, docs: Doc[]): Promise<void> {
  for (const type of ['customer', 'ticket', 'message'] as const) {
    const ids = docs.filter((d) => d.doc_type === type).map((d) => d.doc_id)
    for (let i = 0; i < ids.length; i += 500) {
      const removed = await trx.deleteFrom('search_documents').where('account_id', '=', accountId).where('doc_type', '=', type).where('doc_id', 'in', ids.slice(i, i + 500)).returning('id').execute()
      if (dialect === 'sqlite') await changeFtsEntries(trx, removed.map((r) => ({ rowid: r.id, text: null })))
    }
  }
  // Small statements: SQLite allows 32,766 parameters, PostgreSQL 65,535.
  for (let i = 0; i < docs.length; i += 200) {
    const chunk = docs.slice(i, i + 200)
    const rows = chunk.map((d) => ({
      account_id: accountId, doc_type: d.doc_type, doc_id: d.doc_id, ticket_id: d.ticket_id, team_id: d.team_id,
      visibility: d.visibility, title: d.title, body: d.text.slice(0, SNIPPET_SOURCE_CHARS), updated_at: d.updated_at,
    }))
    const texts = chunk.map((d) => toIndexText(d.text.length > INDEXED_TEXT_CHARS ? d.text.slice(0, INDEXED_TEXT_CHARS) : d.text))
    if (dialect === 'postgres') {
      await trx.insertInto('search_documents').values(rows.map((r, j) => ({ ...r, index_tsv: sql`to_tsvector('simple', ${texts[j]!})` }) as typeof r)).execute()
      continue
    }
    // One writer: the ids after the current maximum are ours.
    const { max } = await sql<{ max: number | null }>`select max(id) as max from search_documents`.execute(trx).then((r) => r.rows[0]!)
    const first = Number(max ?? 0) + 1
    await trx.insertInto('search_documents').values(rows.map((r, j) => ({ ...r, id: first + j }))).execute()
    await changeFtsEntries(trx, texts.map((text, j) => ({ rowid: first + j, text })))
  }
}
