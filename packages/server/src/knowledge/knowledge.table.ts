import type { Generated, Insertable, Selectable } from 'kysely'
import type { KbLocale, KbVisibility } from '@madoguchi/shared'

/** A category (parent_id null) or a section of one (parent_id = the category). */
export interface KbCategoryTable {
  id: string
  account_id: string
  parent_id: string | null
  name_ja: string
  name_en: string
  description_ja: Generated<string>
  description_en: Generated<string>
  position: Generated<number>
  created_at: string
  updated_at: string
}
export type KbCategoryRow = Selectable<KbCategoryTable>

/** One article: settings shared by its translations. */
export interface KbArticleGroupTable {
  id: string
  account_id: string
  category_id: string
  visibility: KbVisibility
  is_faq: Generated<number>
  /** JSON text: string[] */
  tags: Generated<string>
  /** JSON text: group ids */
  related_ids: Generated<string>
  created_at: string
  updated_at: string
}
export type KbArticleGroupRow = Selectable<KbArticleGroupTable>

/** One translation of an article: its latest revision and its published one. */
export interface KbArticleTable {
  id: string
  account_id: string
  group_id: string
  locale: KbLocale
  title: string
  body: string
  revision: number
  published_revision: number | null
  published_title: string | null
  published_html: string | null
  published_at: string | null
  search_text: Generated<string>
  view_count: Generated<number>
  helpful_count: Generated<number>
  not_helpful_count: Generated<number>
  created_at: string
  updated_at: string
}
export type KbArticleRow = Selectable<KbArticleTable>
export type NewKbArticleRow = Insertable<KbArticleTable>

export interface KbArticleRevisionTable {
  id: string
  account_id: string
  article_id: string
  number: number
  title: string
  body: string
  author_id: string | null
  restored_from: number | null
  created_at: string
}
export type KbArticleRevisionRow = Selectable<KbArticleRevisionTable>

export interface KbFeedbackTable {
  id: string
  account_id: string
  article_id: string
  helpful: number
  comment: string | null
  created_at: string
}
export type KbFeedbackRow = Selectable<KbFeedbackTable>

/** Signs the help center's anonymous forms (shared by every app node). */
export interface HelpCenterSecretTable {
  account_id: string
  secret: string
  created_at: string
}

/** An image uploaded for articles (public at /help/images/:id). */
export interface KbImageTable {
  id: string
  account_id: string
  filename: string
  content_type: string
  size: number
  sha256: string
  /** Up to 256 KB: the bytes; larger: null, and the blob folder holds them under `storage_key`. */
  content: Buffer | null
  storage_key: string | null
  uploaded_by: string | null
  created_at: string
}
export type KbImageRow = Selectable<KbImageTable>
