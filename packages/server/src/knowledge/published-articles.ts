import type { KbLocale } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { Executor } from '../db/database.ts'
import { parseJson } from '../db/json.ts'
import { newId } from '../lib/ids.ts'
import { findKbGroup } from './knowledge.repo.ts'
import type { KbArticleGroupRow, KbArticleRow } from './knowledge.table.ts'

/**
 * What the public help center may read: translations that are published, of
 * articles whose visibility is `public`. Everything here filters on both.
 */

export interface PublishedSummary {
  groupId: string
  title: string
  categoryId: string
  isFaq: boolean
  viewCount: number
  publishedAt: string
}

function publicTranslations(db: Executor, accountId: string, locale: KbLocale) {
  return db.selectFrom('kb_articles')
    .innerJoin('kb_article_groups', 'kb_article_groups.id', 'kb_articles.group_id')
    .where('kb_articles.account_id', '=', accountId)
    .where('kb_articles.locale', '=', locale)
    .where('kb_articles.published_revision', 'is not', null)
    .where('kb_article_groups.visibility', '=', 'public')
}

const SUMMARY = ['kb_articles.group_id', 'kb_articles.published_title', 'kb_article_groups.category_id', 'kb_article_groups.is_faq', 'kb_articles.view_count', 'kb_articles.published_at'] as const

function toSummary(r: { group_id: string; published_title: string | null; category_id: string; is_faq: number; view_count: number; published_at: string | null }): PublishedSummary {
  return { groupId: r.group_id, title: r.published_title ?? '', categoryId: r.category_id, isFaq: r.is_faq === 1, viewCount: Number(r.view_count), publishedAt: r.published_at ?? '' }
}

export interface PublishedListOptions {
  categoryIds?: readonly string[]
  faqOnly?: boolean
  /** Most viewed first (default: title order, as a reader scans a category). */
  popular?: boolean
  limit: number
}

export async function listPublishedArticles(deps: Pick<Deps, 'db'>, accountId: string, locale: KbLocale, options: PublishedListOptions): Promise<PublishedSummary[]> {
  let q = publicTranslations(deps.db, accountId, locale).select([...SUMMARY])
  if (options.categoryIds) {
    if (options.categoryIds.length === 0) return []
    q = q.where('kb_article_groups.category_id', 'in', options.categoryIds)
  }
  if (options.faqOnly) q = q.where('kb_article_groups.is_faq', '=', 1)
  q = options.popular ? q.orderBy('kb_articles.view_count', 'desc').orderBy('kb_articles.group_id') : q.orderBy('kb_articles.published_title').orderBy('kb_articles.group_id')

  return (await q.limit(options.limit).execute()).map(toSummary)
}

export interface PublishedArticle {
  group: KbArticleGroupRow
  translation: KbArticleRow
  /** Locales this article is published in (for hreflang alternates and the language switch). */
  locales: KbLocale[]
  related: PublishedSummary[]
}

export async function getPublishedArticle(deps: Pick<Deps, 'db'>, accountId: string, groupId: string, locale: KbLocale): Promise<PublishedArticle | null> {
  const group = await findKbGroup(deps.db, accountId, groupId)
  if (!group || group.visibility !== 'public') return null
  const translations = await deps.db.selectFrom('kb_articles').selectAll()
    .where('account_id', '=', accountId).where('group_id', '=', groupId).where('published_revision', 'is not', null).execute()
  const translation = translations.find((t) => t.locale === locale)
  if (!translation) return null
  const relatedIds = parseJson<string[]>(group.related_ids, [])
  const related = relatedIds.length === 0
    ? []
    : (await publicTranslations(deps.db, accountId, locale).select([...SUMMARY]).where('kb_articles.group_id', 'in', relatedIds).execute()).map(toSummary)

  return { group, translation, locales: translations.map((t) => t.locale), related }
}

/** One more reader; a single atomic increment, no read-modify-write race. */
export async function countKbView(deps: Pick<Deps, 'db'>, translationId: string): Promise<void> {
  await deps.db.updateTable('kb_articles').set((eb) => ({ view_count: eb('view_count', '+', 1) })).where('id', '=', translationId).execute()
}

/**
 * "Was this helpful?" from a reader: counted on the translation, and stored as
 * feedback for the author (with the comment, if any) in one transaction.
 */
export async function recordKbFeedback(
  deps: Pick<Deps, 'db' | 'transact' | 'clock'>, accountId: string, translationId: string, helpful: boolean, comment: string | null,
): Promise<void> {
  await deps.transact(async (trx) => {
    await trx.updateTable('kb_articles')
      .set((eb) => (helpful ? { helpful_count: eb('helpful_count', '+', 1) } : { not_helpful_count: eb('not_helpful_count', '+', 1) }))
      .where('id', '=', translationId).where('account_id', '=', accountId).execute()
    await trx.insertInto('kb_feedback').values({
      id: newId(), account_id: accountId, article_id: translationId, helpful: helpful ? 1 : 0, comment, created_at: deps.clock.now().toISOString(),
    }).execute()
  })
}

export interface SitemapEntry {
  groupId: string
  locale: KbLocale
  updatedAt: string
}

export async function listSitemapEntries(deps: Pick<Deps, 'db'>, accountId: string, limit: number): Promise<SitemapEntry[]> {
  const rows = await deps.db.selectFrom('kb_articles')
    .innerJoin('kb_article_groups', 'kb_article_groups.id', 'kb_articles.group_id')
    .select(['kb_articles.group_id', 'kb_articles.locale', 'kb_articles.published_at'])
    .where('kb_articles.account_id', '=', accountId)
    .where('kb_articles.published_revision', 'is not', null)
    .where('kb_article_groups.visibility', '=', 'public')
    .orderBy('kb_articles.group_id').orderBy('kb_articles.locale')
    .limit(limit)
    .execute()

  return rows.map((r) => ({ groupId: r.group_id, locale: r.locale, updatedAt: r.published_at ?? '' }))
}
