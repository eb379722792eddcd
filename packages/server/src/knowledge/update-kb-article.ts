import type { KbArticleView, KbLocale, TranslationInput, UpdateKbArticleInput } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { toJson } from '../db/json.ts'
import type { Principal } from '../http/principal.ts'
import { syncArticleSearch } from './article-search-index.ts'
import { checkRelatedIds, listTranslationRows, requireKbCategory, requireKbGroup, requireTranslation } from './knowledge.repo.ts'
import { toKbArticleView } from './knowledge-view.ts'
import { markdownToText } from './markdown.ts'
import { publishTranslationRow, saveTranslation, unpublishTranslationRow } from './save-translation.ts'

/** Category, visibility, FAQ flag, tags, related articles; a new visibility is carried to the search index. */
export async function updateKbArticle(deps: Deps, principal: Principal, id: string, input: UpdateKbArticleInput): Promise<KbArticleView> {
  const at = deps.clock.now().toISOString()

  return deps.transact(async (trx) => {
    const before = await requireKbGroup(trx, principal.accountId, id)
    if (input.categoryId !== undefined) await requireKbCategory(trx, principal.accountId, input.categoryId)
    const relatedIds = input.relatedIds === undefined ? undefined : await checkRelatedIds(trx, principal.accountId, id, input.relatedIds)
    const group = await trx.updateTable('kb_article_groups')
      .set({
        category_id: input.categoryId, visibility: input.visibility, is_faq: input.isFaq === undefined ? undefined : input.isFaq ? 1 : 0,
        tags: input.tags === undefined ? undefined : toJson([...new Set(input.tags)]),
        related_ids: relatedIds === undefined ? undefined : toJson(relatedIds), updated_at: at,
      })
      .where('account_id', '=', principal.accountId).where('id', '=', id)
      .returningAll().executeTakeFirstOrThrow()
    const translations = await listTranslationRows(trx, principal.accountId, [id])
    if (group.visibility !== before.visibility) {
      for (const row of translations) {
        if (row.published_revision === null) continue
        const published = await trx.selectFrom('kb_article_revisions').select('body')
          .where('article_id', '=', row.id).where('number', '=', row.published_revision).executeTakeFirstOrThrow()
        await syncArticleSearch(trx, deps.dialect, row, group.visibility, markdownToText(published.body))
      }
    }

    return toKbArticleView(group, translations)
  })
}

/** Saves a new revision of one translation (creating that locale's translation on its first save). */
export async function putKbTranslation(deps: Deps, principal: Principal, id: string, locale: KbLocale, input: TranslationInput): Promise<KbArticleView> {
  const at = deps.clock.now().toISOString()

  return deps.transact(async (trx) => {
    const group = await requireKbGroup(trx, principal.accountId, id)
    await saveTranslation(trx, deps.dialect, {
      accountId: principal.accountId, groupId: id, visibility: group.visibility, locale, title: input.title, body: input.body,
      publish: input.publish ?? false, authorId: principal.agentId, at,
    })
    const updated = await trx.updateTable('kb_article_groups').set({ updated_at: at }).where('id', '=', id).returningAll().executeTakeFirstOrThrow()

    return toKbArticleView(updated, await listTranslationRows(trx, principal.accountId, [id]))
  })
}

/** Publishes the latest revision of a translation, or takes it off the help center and search. */
export async function setKbTranslationPublished(deps: Deps, principal: Principal, id: string, locale: KbLocale, publish: boolean): Promise<KbArticleView> {
  const at = deps.clock.now().toISOString()

  return deps.transact(async (trx) => {
    const group = await requireKbGroup(trx, principal.accountId, id)
    const row = await requireTranslation(trx, principal.accountId, id, locale)
    if (publish) await publishTranslationRow(trx, deps.dialect, row, group.visibility, at)
    else if (row.published_revision !== null) await unpublishTranslationRow(trx, deps.dialect, row, at)

    return toKbArticleView(group, await listTranslationRows(trx, principal.accountId, [id]))
  })
}
