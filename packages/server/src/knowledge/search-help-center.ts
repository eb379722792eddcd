import type { KbLocale } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { searchEverything } from '../search/search-everything.ts'

export interface HelpSearchHit {
  groupId: string
  title: string
  /** Escaped excerpt with the matches in <mark> (made by the search service). */
  snippetHtml: string
}

/** Results asked of the search service per page; other locales' matches are dropped after. */
const FETCH = 50

/**
 * Help center search through the search service (search/search-everything.ts) with
 * the public audience: only articles whose visibility is public are in reach, and
 * only published translations are in the index at all. Results of the other
 * language are dropped here (the index does not know locales).
 */
export async function searchHelpCenter(deps: Deps, accountId: string, locale: KbLocale, q: string, limit: number): Promise<HelpSearchHit[]> {
  // The viewer matters only for ticket scoping, which an article search never reaches.
  const viewer = { accountId, agentId: '', role: 'agent' as const, teamIds: [] }
  const found = await searchEverything(deps, viewer, { q, type: 'article', limit: FETCH }, { visibilities: ['public'] })
  if (found.results.length === 0) return []
  const rows = await deps.db.selectFrom('kb_articles')
    .select(['id', 'group_id', 'locale'])
    .where('account_id', '=', accountId)
    .where('id', 'in', found.results.map((r) => r.id))
    .where('published_revision', 'is not', null)
    .execute()
  const byId = new Map(rows.filter((r) => r.locale === locale).map((r) => [r.id, r.group_id]))

  return found.results
    .filter((r) => byId.has(r.id))
    .slice(0, limit)
    .map((r) => ({ groupId: byId.get(r.id)!, title: r.title, snippetHtml: r.snippet }))
}
