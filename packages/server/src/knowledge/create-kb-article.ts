import type { CreateKbArticleInput, KbArticleView } from '@madoguchi/shared'
import { KB_LOCALES } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { toJson } from '../db/json.ts'
import type { Principal } from '../http/principal.ts'
import { newId } from '../lib/ids.ts'
import { checkRelatedIds, requireKbCategory } from './knowledge.repo.ts'
import { toKbArticleView } from './knowledge-view.ts'
import type { KbArticleRow } from './knowledge.table.ts'
import { saveTranslation } from './save-translation.ts'

/** A new article with its first translation(s), each at revision 1 (published if asked). */
export async function createKbArticle(deps: Deps, principal: Principal, input: CreateKbArticleInput): Promise<KbArticleView> {
  const at = deps.clock.now().toISOString()
  const id = newId()

  return deps.transact(async (trx) => {
    await requireKbCategory(trx, principal.accountId, input.categoryId)
    const relatedIds = await checkRelatedIds(trx, principal.accountId, id, input.relatedIds)
    const group = await trx.insertInto('kb_article_groups').values({
      id, account_id: principal.accountId, category_id: input.categoryId, visibility: input.visibility, is_faq: input.isFaq ? 1 : 0,
      tags: toJson([...new Set(input.tags)]), related_ids: toJson(relatedIds), created_at: at, updated_at: at,
    }).returningAll().executeTakeFirstOrThrow()
    const translations: KbArticleRow[] = []
    for (const locale of KB_LOCALES) {
      const t = input.translations[locale]
      if (!t) continue
      translations.push(await saveTranslation(trx, deps.dialect, {
        accountId: principal.accountId, groupId: id, visibility: input.visibility, locale, title: t.title, body: t.body,
        publish: t.publish ?? false, authorId: principal.agentId, at,
      }))
    }

    return toKbArticleView(group, translations)
  })
}
