import type { Kysely } from 'kysely'
import { PostgresAdapter, sql } from 'kysely'

/**
 * Search (issue 6), what the 1 M-ticket benchmark showed:
 *
 * - SQLite: a one-character query is an FTS5 prefix query (円 → 円*, see
 *   lib/japanese-text.ts). Without a prefix index FTS5 merges the doclists of every
 *   token starting with that character in full before it returns the first row
 *   (36–70 ms for 届 on 3 M messages, however small the LIMIT). `prefix='1'` keeps a
 *   doclist per first character (prefix lengths are in characters), read newest
 *   first and stopped at the LIMIT like any token (< 1 ms). It costs ≈ 1.9× the
 *   token index and ≈ 2× its build time.
 *   The table is contentless, so its tokens are read back from the old index
 *   (fts5vocab 'instance': every token of every row with its position) in order.
 * - PostgreSQL: `type=message` (one document type) walks that type's newest
 *   documents: (account_id, doc_type, id) lets it skip ticket subjects, customers
 *   and articles instead of reading them (search/search.repo.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.schema.createIndex('search_documents_type_idx').on('search_documents').columns(['account_id', 'doc_type', 'id']).execute()

    return
  }
  await rebuildFts(db, `prefix = '1'`)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.schema.dropIndex('search_documents_type_idx').ifExists().execute()

    return
  }
  await rebuildFts(db, '')
}

/** search_fts made anew with `options`, holding the same tokens at the same positions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function rebuildFts(db: Kysely<any>, options: string): Promise<void> {
  const extra = options ? sql.raw(`, ${options}`) : sql``
  await sql`create virtual table search_fts_next using fts5(index_text, content = '', contentless_delete = 1, tokenize = 'unicode61', detail = full${extra})`.execute(db)
  await sql`create virtual table temp.search_fts_tokens using fts5vocab(main, search_fts, instance)`.execute(db)
  await sql`insert into search_fts_next (rowid, index_text) select doc, group_concat(term, ' ' order by "offset") from temp.search_fts_tokens group by doc`.execute(db)
  await sql`drop table temp.search_fts_tokens`.execute(db)
  await sql`drop table search_fts`.execute(db)
  await sql`alter table search_fts_next rename to search_fts`.execute(db)
}
