import type { Deps } from '../deps.ts'
import { parseJson, toJson } from '../db/json.ts'
import type { Principal } from '../http/principal.ts'
import { syncArticleSearch } from './article-search-index.ts'
import { listTranslationRows, requireKbGroup } from './knowledge.repo.ts'

/**
 * Deletes an article with every translation, revision and piece of feedback, takes
 * it out of search, and out of other articles' related lists (no dangling links).
 * To hide an article but keep its history, unpublish it instead.
 */
export async function deleteKbArticle(deps: Deps, principal: Principal, id: string): Promise<void> {
  const at = deps.clock.now().toISOString()
  await deps.transact(async (trx) => {
    await requireKbGroup(trx, principal.accountId, id)
    const translations = await listTranslationRows(trx, principal.accountId, [id])
    const translationIds = translations.map((t) => t.id)
    for (const row of translations) await syncArticleSearch(trx, deps.dialect, row, 'internal', null)
    if (translationIds.length > 0) {
      await trx.deleteFrom('kb_feedback').where('article_id', 'in', translationIds).execute()
      await trx.deleteFrom('kb_article_revisions').where('article_id', 'in', translationIds).execute()
      await trx.deleteFrom('kb_articles').where('id', 'in', translationIds).execute()
    }
    await trx.deleteFrom('kb_article_groups').where('account_id', '=', principal.accountId).where('id', '=', id).execute()
    // Ids are UUIDs (no LIKE wildcards), so a substring match finds exactly the lists that name it.
    const referring = await trx.selectFrom('kb_article_groups').select(['id', 'related_ids'])
      .where('account_id', '=', principal.accountId).where('related_ids', 'like', `%"${id}"%`).execute()
    for (const group of referring) {
      const related = parseJson<string[]>(group.related_ids, []).filter((r) => r !== id)
      await trx.updateTable('kb_article_groups').set({ related_ids: toJson(related), updated_at: at }).where('id', '=', group.id).execute()
    }
  })
}
