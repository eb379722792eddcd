import type { KbLocale, KbVisibility } from '@madoguchi/shared'
import type { Dialect } from '../db/create-db.ts'
import type { Trx } from '../db/database.ts'
import { newId } from '../lib/ids.ts'
import { toIndexText } from '../lib/japanese-text.ts'
import { syncArticleSearch } from './article-search-index.ts'
import { findTranslation } from './knowledge.repo.ts'
import type { KbArticleRow } from './knowledge.table.ts'
import { markdownToText, renderMarkdown } from './markdown.ts'

export interface SaveTranslationArgs {
  accountId: string
  groupId: string
  visibility: KbVisibility
  locale: KbLocale
  title: string
  body: string
  publish: boolean
  authorId: string | null
  restoredFrom?: number | null
  at: string
}

/** Padded with spaces so a LIKE '% token %' finds whole tokens only. */
export function articleSearchText(title: string, body: string): string {
  return ` ${toIndexText(`${title}\n${markdownToText(body)}`)} `
}

/** Makes `row` live at its current revision (title, rendered HTML, search text, index). */
export async function publishTranslationRow(trx: Trx, dialect: Dialect, row: KbArticleRow, visibility: KbVisibility, at: string): Promise<KbArticleRow> {
  const published = await trx.updateTable('kb_articles')
    .set({
      published_revision: row.revision, published_title: row.title, published_html: renderMarkdown(row.body),
      published_at: at, search_text: articleSearchText(row.title, row.body), updated_at: at,
    })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await syncArticleSearch(trx, dialect, published, visibility, markdownToText(row.body))

  return published
}

export async function unpublishTranslationRow(trx: Trx, dialect: Dialect, row: KbArticleRow, at: string): Promise<KbArticleRow> {
  const draft = await trx.updateTable('kb_articles')
    .set({ published_revision: null, published_title: null, published_html: null, published_at: null, search_text: '', updated_at: at })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await syncArticleSearch(trx, dialect, draft, 'internal', null)

  return draft
}

/**
 * Every save is a new revision (numbered 1, 2, … per translation); the first save
 * of a locale creates the translation. Publishing is optional: a draft saved over
 * a published article leaves the published revision live until it is published.
 */
export async function saveTranslation(trx: Trx, dialect: Dialect, args: SaveTranslationArgs): Promise<KbArticleRow> {
  const existing = await findTranslation(trx, args.accountId, args.groupId, args.locale)
  let row: KbArticleRow
  if (existing) {
    row = await trx.updateTable('kb_articles')
      .set({ title: args.title, body: args.body, revision: existing.revision + 1, updated_at: args.at })
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow()
  } else {
    row = await trx.insertInto('kb_articles')
      .values({
        id: newId(), account_id: args.accountId, group_id: args.groupId, locale: args.locale, title: args.title, body: args.body,
        revision: 1, published_revision: null, published_title: null, published_html: null, published_at: null,
        created_at: args.at, updated_at: args.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
  }
  await trx.insertInto('kb_article_revisions').values({
    id: newId(), account_id: args.accountId, article_id: row.id, number: row.revision, title: args.title, body: args.body,
    author_id: args.authorId, restored_from: args.restoredFrom ?? null, created_at: args.at,
  }).execute()

  return args.publish ? publishTranslationRow(trx, dialect, row, args.visibility, args.at) : row
}
