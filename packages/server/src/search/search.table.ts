import type { Generated, Selectable } from 'kysely'
import type { SearchDocType, SearchVisibility } from '@madoguchi/shared'

/**
 * One searchable thing (see db/migrations/2026_11_27_1200_search.ts). The token
 * index lives beside it: the FTS5 table `search_fts` (rowid = id) on SQLite, the
 * `index_tsv` column on PostgreSQL; neither is typed here because only
 * search.repo.ts / search-index.ts touch them, with raw SQL.
 */
export interface SearchDocumentTable {
  /** Grows with every (re)indexing: id order = most recently indexed first. */
  id: Generated<number>
  account_id: string
  doc_type: SearchDocType
  doc_id: string
  ticket_id: string | null
  team_id: string | null
  visibility: SearchVisibility
  title: string
  /** The start of the text, for snippets. */
  body: string
  updated_at: string
}
export type SearchDocumentRow = Selectable<SearchDocumentTable>
