import type { SearchDocType, SearchVisibility } from '@madoguchi/shared'
import { sql } from 'kysely'
import type { RawBuilder } from 'kysely'
import type { Dialect } from '../db/create-db.ts'
import type { Executor } from '../db/database.ts'
import type { DeferredWrite } from '../db/deferred-writes.ts'
import { deferToCommit } from '../db/deferred-writes.ts'
import { rowsAsArrays } from '../db/rows-as-arrays.ts'
import { toIndexText } from '../lib/japanese-text.ts'
import type { SearchDocumentTable } from './search.table.ts'

/** Snippets come from the start of a document; longer text is indexed but not kept. */
export const SNIPPET_SOURCE_CHARS = 2000
/** Text beyond this (a pasted log, a forwarded thread) is not indexed: it would only cost. */
export const INDEXED_TEXT_CHARS = 100_000

export interface SearchDocumentInput {
  accountId: string
  type: SearchDocType
  id: string
  ticketId?: string | null
  teamId?: string | null
  visibility: SearchVisibility
  /** Shown as the result's title (tickets and messages show their ticket's subject, read at search time). */
  title: string
  /** The searchable text (title included when it should be searchable). */
  text: string
  updatedAt: string
  /**
   * True when the document cannot be in the index yet (a new message or ticket):
   * skips the delete of an older version, one statement less on the hot path.
   */
  isNew?: boolean
}

/**
 * Puts a document into the search index, replacing its earlier version. Call it in
 * the transaction of the change, so the index is exactly as fresh as the data.
 * The knowledge base calls this for articles (type 'article', visibility public /
 * customer / internal) and removeSearchDocument when one is deleted or unpublished.
 */
export async function indexSearchDocument(db: Executor, dialect: Dialect, doc: SearchDocumentInput): Promise<void> {
  if (!doc.isNew) await removeSearchDocument(db, dialect, doc.accountId, doc.type, doc.id)
  await insertNewSearchDocuments(db, dialect, [doc])
}

/**
 * Documents that cannot be in the index yet (a new ticket's subject and first
 * message), in one multi-row statement (two on SQLite: the rows, then their FTS
 * entries, deferred to the end of a group commit) instead of one or two per
 * document: ticket creation is the hot path.
 */
export async function insertNewSearchDocuments(db: Executor, dialect: Dialect, docs: readonly SearchDocumentInput[]): Promise<void> {
  if (docs.length === 0) return
  if (dialect === 'postgres') {
    const { columns, select } = postgresSearchArrays(docs)
    await db.insertInto('search_documents').columns(columns).expression(select).execute()

    return
  }
  const indexTexts = docs.map(indexTextOf)
  const rows = docs.map(searchRow)
  // Matched back by (type, id): RETURNING promises no order.
  const inserted = await db.insertInto('search_documents').values(rows).returning(['id', 'doc_type', 'doc_id']).execute()
  const entries = inserted.map((row) => {
    const at = rows.findIndex((r) => r.doc_type === row.doc_type && r.doc_id === row.doc_id)

    return { rowid: row.id, text: indexTexts[at]! }
  })
  await changeFtsEntries(db, entries)
}

/** A change to SQLite's FTS5 index: the entry of a document row (text), or its removal (null). */
export interface FtsChange {
  rowid: number
  text: string | null
}

const FTS_ROWS_PER_STATEMENT = 500

/**
 * Every write to `search_fts` goes through here, so that inside a group commit they
 * wait for the end of the batch (db/deferred-writes.ts) in the order they were made:
 * FTS5 writes a new index segment at each savepoint, i.e. once per unit of work
 * otherwise. Consecutive changes of one kind share a statement.
 */
const ftsIndex: DeferredWrite<FtsChange> = {
  async apply(db, changes) {
    for (let start = 0; start < changes.length; ) {
      const removal = changes[start]!.text === null
      let end = start + 1
      while (end < changes.length && end - start < FTS_ROWS_PER_STATEMENT && (changes[end]!.text === null) === removal) end++
      const run = changes.slice(start, end)
      if (removal) await sql`delete from search_fts where rowid in (${sql.join(run.map((c) => c.rowid))})`.execute(db)
      else await sql`insert into search_fts (rowid, index_text) values ${sql.join(run.map((c) => sql`(${c.rowid}, ${c.text})`))}`.execute(db)
      start = end
    }
  },
}

/** SQLite only: adds or removes FTS5 entries, at the end of the current group commit when there is one. */
export function changeFtsEntries(db: Executor, changes: FtsChange[]): Promise<void> {
  return deferToCommit(db, ftsIndex, changes)
}

/**
 * PostgreSQL rows of new documents, text vector included, for a caller that inserts
 * them in a statement of its own (the ticket creation's CTE).
 */
const SEARCH_ROW_COLUMNS = ['account_id', 'doc_type', 'doc_id', 'ticket_id', 'team_id', 'visibility', 'title', 'body', 'updated_at'] as const

/** PostgreSQL: new documents as `insert into search_documents (columns) <select>` of arrays (db/rows-as-arrays.ts). */
export function postgresSearchArrays(docs: readonly SearchDocumentInput[]): { columns: Array<keyof SearchDocumentTable>; select: RawBuilder<unknown> } {
  const rows = docs.map((doc) => ({ ...searchRow(doc), index_text: indexTextOf(doc) }))

  return {
    // index_tsv is not in the table type (only this module writes it): hence the cast.
    columns: [...SEARCH_ROW_COLUMNS, 'index_tsv'] as Array<keyof SearchDocumentTable>,
    select: rowsAsArrays(rows, [...SEARCH_ROW_COLUMNS, 'index_text'], [...SEARCH_ROW_COLUMNS, sql`to_tsvector('simple', u.index_text)`]),
  }
}

function indexTextOf(doc: SearchDocumentInput): string {
  return toIndexText(doc.text.length > INDEXED_TEXT_CHARS ? doc.text.slice(0, INDEXED_TEXT_CHARS) : doc.text)
}

function searchRow(doc: SearchDocumentInput) {
  return {
    account_id: doc.accountId,
    doc_type: doc.type,
    doc_id: doc.id,
    ticket_id: doc.ticketId ?? null,
    team_id: doc.teamId ?? null,
    visibility: doc.visibility,
    title: doc.title,
    body: doc.text.slice(0, SNIPPET_SOURCE_CHARS),
    updated_at: doc.updatedAt,
  }
}

export async function removeSearchDocument(db: Executor, dialect: Dialect, accountId: string, type: SearchDocType, id: string): Promise<void> {
  const query = db.deleteFrom('search_documents').where('account_id', '=', accountId).where('doc_type', '=', type).where('doc_id', '=', id)
  if (dialect === 'postgres') {
    await query.execute()

    return
  }
  const removed = await query.returning('id').executeTakeFirst()
  if (removed) await changeFtsEntries(db, [{ rowid: removed.id, text: null }])
}

/** A ticket moved to another team: its documents follow, so partner scoping stays exact. */
export async function moveTicketSearchDocuments(db: Executor, accountId: string, ticketId: string, teamId: string | null): Promise<void> {
  await db.updateTable('search_documents').set({ team_id: teamId }).where('ticket_id', '=', ticketId).where('account_id', '=', accountId).execute()
}
