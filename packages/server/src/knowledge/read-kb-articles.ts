import type { KbArticlePage, KbArticleView, ListKbArticlesQuery } from '@madoguchi/shared'
import { sql } from 'kysely'
import { z } from 'zod'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { listTranslationRows, requireKbGroup } from './knowledge.repo.ts'
import { toKbArticleView } from './knowledge-view.ts'

export async function getKbArticle(deps: Deps, principal: Principal, id: string): Promise<KbArticleView> {
  const group = await requireKbGroup(deps.db, principal.accountId, id)

  return toKbArticleView(group, await listTranslationRows(deps.db, principal.accountId, [id]))
}

const cursorId = z.uuid()

/** `%text%` with LIKE's wildcards in `text` escaped (both dialects, `escape '\\'`). */
const likePattern = (text: string): string => `%${text.replace(/[%_\\]/g, '\\$&')}%`

/**
 * Articles newest first (id order: UUIDv7 ids are time-ordered), a page at a time;
 * two queries whatever the page size. The tag filter matches the JSON text of the
 * tags exactly (`"tag"`), which both dialects do with LIKE. `q` is a plain substring
 * match on the latest revision (drafts are not in the search index, and a knowledge
 * base is small enough to scan); the ranked search over published text is /search?type=article.
 */
export async function listKbArticles(deps: Deps, principal: Principal, query: ListKbArticlesQuery): Promise<KbArticlePage> {
  let q = deps.db.selectFrom('kb_article_groups').selectAll().where('account_id', '=', principal.accountId)
  if (query.categoryId) {
    const sectionIds = deps.db.selectFrom('kb_categories').select('id').where('account_id', '=', principal.accountId).where('parent_id', '=', query.categoryId)
    q = q.where((eb) => eb.or([eb('category_id', '=', query.categoryId!), eb('category_id', 'in', sectionIds)]))
  }
  if (query.visibility) q = q.where('visibility', '=', query.visibility)
  if (query.faq) q = q.where('is_faq', '=', query.faq === 'true' ? 1 : 0)
  if (query.tag) {
    const pattern = likePattern(JSON.stringify(query.tag.normalize('NFKC').toLowerCase()))
    q = q.where(sql<boolean>`tags like ${pattern} escape '\\'`)
  }
  if (query.locale || query.status || query.q) {
    const words = (query.q ?? '').normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean).map(likePattern)
    q = q.where(({ exists, selectFrom }) => exists(selectFrom('kb_articles').select('kb_articles.id').where((eb) => {
      const conditions = [eb('kb_articles.group_id', '=', eb.ref('kb_article_groups.id'))]
      if (query.locale) conditions.push(eb('kb_articles.locale', '=', query.locale))
      if (query.status) conditions.push(eb('kb_articles.published_revision', query.status === 'published' ? 'is not' : 'is', null))
      for (const word of words) {
        conditions.push(eb.or([sql<boolean>`lower(kb_articles.title) like ${word} escape '\\'`, sql<boolean>`lower(kb_articles.body) like ${word} escape '\\'`]))
      }

      return eb.and(conditions)
    })))
  }
  if (query.cursor) {
    if (!cursorId.safeParse(query.cursor).success) throw new AppError('request.validation_failed', [{ path: 'cursor', code: 'custom', message: 'invalid cursor' }])
    q = q.where('id', '<', query.cursor)
  }
  const groups = await q.orderBy('id', 'desc').limit(query.limit + 1).execute()
  const page = groups.slice(0, query.limit)
  const translations = await listTranslationRows(deps.db, principal.accountId, page.map((g) => g.id))

  return {
    articles: page.map((g) => toKbArticleView(g, translations.filter((t) => t.group_id === g.id))),
    nextCursor: groups.length > query.limit ? page[page.length - 1]!.id : null,
  }
}

export async function listKbFeedback(deps: Deps, principal: Principal, id: string) {
  await requireKbGroup(deps.db, principal.accountId, id)
  const rows = await deps.db.selectFrom('kb_feedback')
    .innerJoin('kb_articles', 'kb_articles.id', 'kb_feedback.article_id')
    .select(['kb_feedback.id', 'kb_articles.locale', 'kb_feedback.helpful', 'kb_feedback.comment', 'kb_feedback.created_at'])
    .where('kb_feedback.account_id', '=', principal.accountId).where('kb_articles.group_id', '=', id)
    .orderBy('kb_feedback.created_at', 'desc').limit(200).execute()

  return { feedback: rows.map((r) => ({ id: r.id, locale: r.locale, helpful: r.helpful === 1, comment: r.comment, createdAt: r.created_at })) }
}
