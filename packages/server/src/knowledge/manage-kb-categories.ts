import type { CreateKbCategoryInput, KbCategoryView, UpdateKbCategoryInput } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { newId } from '../lib/ids.ts'
import { findKbCategory, listKbCategoryRows, requireKbCategory } from './knowledge.repo.ts'
import { toKbCategoryView } from './knowledge-view.ts'
import type { KbCategoryRow } from './knowledge.table.ts'

/** Categories in order, each with its sections (one query: a help center has few). */
export async function listKbCategories(deps: Pick<Deps, 'db'>, accountId: string): Promise<KbCategoryView[]> {
  const rows = await listKbCategoryRows(deps.db, accountId)
  const sectionsOf = (id: string): KbCategoryRow[] => rows.filter((r) => r.parent_id === id)

  return rows.filter((r) => r.parent_id === null).map((r) => toKbCategoryView(r, sectionsOf(r.id)))
}

export async function createKbCategory(deps: Deps, principal: Principal, input: CreateKbCategoryInput): Promise<KbCategoryView> {
  const now = deps.clock.now().toISOString()
  if (input.parentId !== undefined) {
    const parent = await requireKbCategory(deps.db, principal.accountId, input.parentId)
    if (parent.parent_id !== null) throw new AppError('kb.category_invalid_parent')
  }
  const row = await deps.db.insertInto('kb_categories').values({
    id: newId(), account_id: principal.accountId, parent_id: input.parentId ?? null, name_ja: input.nameJa, name_en: input.nameEn,
    description_ja: input.descriptionJa ?? '', description_en: input.descriptionEn ?? '', position: input.position ?? 0,
    created_at: now, updated_at: now,
  }).returningAll().executeTakeFirstOrThrow()

  return toKbCategoryView(row, [])
}

export async function updateKbCategory(deps: Deps, principal: Principal, id: string, input: UpdateKbCategoryInput): Promise<KbCategoryView> {
  const existing = await findKbCategory(deps.db, principal.accountId, id)
  if (!existing) throw new AppError('kb.category_not_found')
  const row = await deps.db.updateTable('kb_categories')
    .set({
      name_ja: input.nameJa, name_en: input.nameEn, description_ja: input.descriptionJa, description_en: input.descriptionEn,
      position: input.position, updated_at: deps.clock.now().toISOString(),
    })
    .where('account_id', '=', principal.accountId).where('id', '=', id)
    .returningAll().executeTakeFirstOrThrow()
  const sections = await deps.db.selectFrom('kb_categories').selectAll()
    .where('account_id', '=', principal.accountId).where('parent_id', '=', id).orderBy('position').orderBy('id').execute()

  return toKbCategoryView(row, sections)
}
