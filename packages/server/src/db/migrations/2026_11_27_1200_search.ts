import type { Kysely } from 'kysely'
import { PostgresAdapter, sql } from 'kysely'

/**
 * One search index over tickets, messages, customers and articles (issue 6).
 *
 * `search_documents` holds one row per searchable thing: what to filter on
 * (account, type, ticket, team, visibility, updated_at) and what to show (title,
 * the start of the body as snippet source). Its integer `id` only ever grows and a
 * changed document is deleted and inserted again, so id order is "most recently
 * indexed first": the order results are read in (see search/search.repo.ts).
 *
 * The text index holds only tokens made by lib/japanese-text.ts toIndexText:
 * - SQLite: an FTS5 table with contentless_delete=1 (SQLite ≥ 3.43; better-sqlite3
 *   12 bundles 3.5x), rowid = search_documents.id. Contentless: the token text is
 *   not stored a second time (CJK bigrams make it 2-3× the body), and rows can still
 *   be deleted by rowid. unicode61 splits nothing in our text (proved by
 *   lib/japanese-text.engines.test.ts).
 * - PostgreSQL: a tsvector column filled with to_tsvector('simple', index_text) on
 *   insert (not a generated column, which would need index_text stored beside it)
 *   with a GIN index.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  await db.schema
    .createTable('search_documents')
    .addColumn('id', postgres ? 'bigserial' : 'integer', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    /** ticket | message | customer | article */
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('doc_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text')
    /** The ticket's team (partner scoping), kept in step when the ticket moves. */
    .addColumn('team_id', 'text')
    /** public (help center) | customer (seen by the customer) | internal (agents only: notes, internal articles) */
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .$call((t) => (postgres ? t.addColumn('index_tsv', sql`tsvector`, (c) => c.notNull()) : t))
    .execute()
  await db.schema.createIndex('search_documents_doc_idx').unique().on('search_documents').columns(['account_id', 'doc_type', 'doc_id']).execute()
  await db.schema.createIndex('search_documents_ticket_idx').on('search_documents').columns(['ticket_id']).execute()
  if (postgres) {
    // Newest-first walk for frequent terms; the GIN index serves rare ones.
    await db.schema.createIndex('search_documents_account_id_idx').on('search_documents').columns(['account_id', 'id']).execute()
    await sql`create index search_documents_tsv_idx on search_documents using gin (index_tsv)`.execute(db)
  } else {
    await sql`create virtual table search_fts using fts5(index_text, content = '', contentless_delete = 1, tokenize = 'unicode61', detail = full)`.execute(db)
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) await sql`drop table search_fts`.execute(db)
  await db.schema.dropTable('search_documents').execute()
}
