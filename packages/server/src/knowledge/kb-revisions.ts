import { diffLines } from 'diff'
import type { KbArticleView, KbDiffView, KbLocale, KbRevisionView } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { Executor } from '../db/database.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { listTranslationRows, requireKbGroup, requireTranslation } from './knowledge.repo.ts'
import { toKbArticleView, toKbRevisionView } from './knowledge-view.ts'
import type { KbArticleRevisionRow } from './knowledge.table.ts'
import { saveTranslation } from './save-translation.ts'

async function revisionRow(db: Executor, articleId: string, number: number): Promise<KbArticleRevisionRow> {
  const row = await db.selectFrom('kb_article_revisions').selectAll().where('article_id', '=', articleId).where('number', '=', number).executeTakeFirst()
  if (!row) throw new AppError('kb.revision_not_found', { number })

  return row
}

/** Every saved revision of a translation, newest first. */
export async function listKbRevisions(deps: Deps, principal: Principal, id: string, locale: KbLocale): Promise<KbRevisionView[]> {
  await requireKbGroup(deps.db, principal.accountId, id)
  const article = await requireTranslation(deps.db, principal.accountId, id, locale)
  const rows = await deps.db.selectFrom('kb_article_revisions').selectAll()
    .where('account_id', '=', principal.accountId).where('article_id', '=', article.id).orderBy('number', 'desc').execute()

  return rows.map(toKbRevisionView)
}

/** Line diff of the Markdown of two revisions (`from` → `to`), one entry per line. */
export async function diffKbRevisions(deps: Deps, principal: Principal, id: string, locale: KbLocale, from: number, to: number): Promise<KbDiffView> {
  await requireKbGroup(deps.db, principal.accountId, id)
  const article = await requireTranslation(deps.db, principal.accountId, id, locale)
  const [a, b] = [await revisionRow(deps.db, article.id, from), await revisionRow(deps.db, article.id, to)]
  const lines: KbDiffView['lines'] = []
  // A last line without its newline is still the same line.
  const withNewline = (text: string): string => (text === '' || text.endsWith('\n') ? text : `${text}\n`)
  for (const part of diffLines(withNewline(a.body), withNewline(b.body))) {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same'
    const text = part.value.endsWith('\n') ? part.value.slice(0, -1) : part.value
    for (const line of text.split('\n')) lines.push({ kind, text: line })
  }

  return { from, to, title: { from: a.title, to: b.title }, lines }
}

/**
 * Restoring saves the old revision's content as a NEW revision (history is never
 * rewritten), published if the translation was live, so "restore" means "make it so".
 */
export async function restoreKbRevision(deps: Deps, principal: Principal, id: string, locale: KbLocale, number: number): Promise<KbArticleView> {
  const at = deps.clock.now().toISOString()

  return deps.transact(async (trx) => {
    const group = await requireKbGroup(trx, principal.accountId, id)
    const article = await requireTranslation(trx, principal.accountId, id, locale)
    const old = await revisionRow(trx, article.id, number)
    await saveTranslation(trx, deps.dialect, {
      accountId: principal.accountId, groupId: id, visibility: group.visibility, locale, title: old.title, body: old.body,
      publish: article.published_revision !== null, authorId: principal.agentId, restoredFrom: number, at,
    })

    return toKbArticleView(group, await listTranslationRows(trx, principal.accountId, [id]))
  })
}
