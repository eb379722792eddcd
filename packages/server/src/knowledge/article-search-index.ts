import type { KbVisibility, SearchVisibility } from '@madoguchi/shared'
import type { Dialect } from '../db/create-db.ts'
import type { Executor } from '../db/database.ts'
import { indexSearchDocument, removeSearchDocument } from '../search/search-index.ts'
import type { KbArticleRow } from './knowledge.table.ts'

const SEARCH_VISIBILITY: Record<KbVisibility, SearchVisibility> = { public: 'public', customers: 'customer', internal: 'internal' }

/**
 * The one place the knowledge base feeds the search service (search/search-index.ts):
 * a published translation is a document of type 'article' (id = translation id);
 * drafts are not searchable; an unpublished translation leaves the index.
 * `publishedText` is the published revision as plain text (markdownToText), so
 * snippets show words, not Markdown. Called inside the transaction of the change, so search is never staler than the data.
 */
export async function syncArticleSearch(
  db: Executor, dialect: Dialect, row: KbArticleRow, visibility: KbVisibility, publishedText: string | null,
): Promise<void> {
  if (row.published_revision === null || row.published_title === null || publishedText === null) {
    await removeSearchDocument(db, dialect, row.account_id, 'article', row.id)

    return
  }
  await indexSearchDocument(db, dialect, {
    accountId: row.account_id, type: 'article', id: row.id, visibility: SEARCH_VISIBILITY[visibility],
    title: row.published_title, text: `${row.published_title}\n${publishedText}`, updatedAt: row.updated_at,
  })
}
