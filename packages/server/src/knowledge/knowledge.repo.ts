import type { KbLocale } from '@madoguchi/shared'
import type { Executor } from '../db/database.ts'
import { AppError } from '../lib/app-error.ts'
import type { KbArticleGroupRow, KbArticleRow, KbCategoryRow } from './knowledge.table.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export async function findKbCategory(db: Executor, accountId: string, id: string): Promise<KbCategoryRow | undefined> {
  if (!UUID.test(id)) return undefined

  return db.selectFrom('kb_categories').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst()
}

export async function listKbCategoryRows(db: Executor, accountId: string): Promise<KbCategoryRow[]> {
  return db.selectFrom('kb_categories').selectAll().where('account_id', '=', accountId).orderBy('position').orderBy('id').execute()
}

export async function findKbGroup(db: Executor, accountId: string, id: string): Promise<KbArticleGroupRow | undefined> {
  if (!UUID.test(id)) return undefined

  return db.selectFrom('kb_article_groups').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst()
}

export async function requireKbGroup(db: Executor, accountId: string, id: string): Promise<KbArticleGroupRow> {
  const group = await findKbGroup(db, accountId, id)
  if (!group) throw new AppError('kb.article_not_found')

  return group
}

export async function listTranslationRows(db: Executor, accountId: string, groupIds: readonly string[]): Promise<KbArticleRow[]> {
  if (groupIds.length === 0) return []

  return db.selectFrom('kb_articles').selectAll().where('account_id', '=', accountId).where('group_id', 'in', groupIds).execute()
}

export async function findTranslation(db: Executor, accountId: string, groupId: string, locale: KbLocale): Promise<KbArticleRow | undefined> {
  return db.selectFrom('kb_articles').selectAll()
    .where('account_id', '=', accountId).where('group_id', '=', groupId).where('locale', '=', locale)
    .executeTakeFirst()
}

export async function requireTranslation(db: Executor, accountId: string, groupId: string, locale: KbLocale): Promise<KbArticleRow> {
  const row = await findTranslation(db, accountId, groupId, locale)
  if (!row) throw new AppError('kb.article_not_found', { locale })

  return row
}

/** The category or section must exist in the account. */
export async function requireKbCategory(db: Executor, accountId: string, id: string): Promise<KbCategoryRow> {
  const row = await findKbCategory(db, accountId, id)
  if (!row) throw new AppError('kb.category_not_found', { id })

  return row
}

/** Related ids must be other articles of the account; duplicates are dropped. */
export async function checkRelatedIds(db: Executor, accountId: string, selfId: string, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  if (unique.includes(selfId) || !unique.every((id) => UUID.test(id))) throw new AppError('kb.related_not_found')
  const found = await db.selectFrom('kb_article_groups').select('id').where('account_id', '=', accountId).where('id', 'in', unique).execute()
  if (found.length !== unique.length) throw new AppError('kb.related_not_found')

  return unique
}
