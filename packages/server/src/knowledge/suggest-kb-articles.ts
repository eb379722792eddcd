import type { KbLocale, KbSuggestion } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { tokenize } from '../lib/japanese-text.ts'
import { getTicket } from '../tickets/get-ticket.ts'
import { listTicketMessages } from '../tickets/list-ticket-messages.ts'
import { parseTicketRef } from '../tickets/ticket-access.ts'

/** Query tokens used to find candidates: enough to catch the topic, few enough for one indexed-free scan. */
const MAX_TOKENS = 24
const MAX_CANDIDATES = 300
const SUGGESTIONS = 5
// Words that say nothing about the topic; hiragana-only tokens are grammar (です, ます) and dropped too.
const STOP = new Set('the a an and or but to of in on for with at by from is are was were be been it this that i you we my your our me us not no yes do does did have has had can could would should will please hello hi thanks thank regards'.split(' '))
const HIRAGANA_ONLY = /^[\u3041-\u309f]+$/u

/** Distinct topic tokens of the ticket, the most frequent first (the subject counts triple). */
function topicTokens(subject: string, bodies: readonly string[]): string[] {
  const counts = new Map<string, number>()
  const add = (text: string, weight: number): void => {
    for (const token of new Set(tokenize(text))) {
      if (STOP.has(token) || HIRAGANA_ONLY.test(token) || (token.length < 2 && !/[^\p{sc=Latin}\p{N}]/u.test(token))) continue
      counts.set(token, (counts.get(token) ?? 0) + weight)
    }
  }
  add(subject, 3)
  for (const body of bodies) add(body, 1)

  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length).slice(0, MAX_TOKENS).map(([t]) => t)
}

/**
 * The five published articles that share the most topic tokens with a ticket's
 * subject and first messages (term overlap weighted by rarity among the candidates, title matches counting double). Agents
 * see every visibility (the wiki included); the ticket itself is read through the
 * tickets use cases, so a partner only gets suggestions for tickets it may see.
 */
export async function suggestKbArticles(deps: Deps, principal: Principal, ticketParam: string): Promise<KbSuggestion[]> {
  const ref = parseTicketRef(ticketParam)
  const ticket = await getTicket(deps, principal, ref)
  const messages = await listTicketMessages(deps, principal, ref, { limit: 20 })
  const tokens = topicTokens(ticket.subject, messages.items.filter((m) => m.kind !== 'system').map((m) => m.body))
  if (tokens.length === 0) return []

  const rows = await deps.db.selectFrom('kb_articles')
    .innerJoin('kb_article_groups', 'kb_article_groups.id', 'kb_articles.group_id')
    .select(['kb_articles.id', 'kb_articles.group_id', 'kb_articles.locale', 'kb_articles.published_title', 'kb_articles.search_text', 'kb_article_groups.visibility'])
    .where('kb_articles.account_id', '=', principal.accountId)
    .where('kb_articles.published_revision', 'is not', null)
    .where((eb) => eb.or(tokens.map((t) => eb('kb_articles.search_text', 'like', `% ${t} %`))))
    .limit(MAX_CANDIDATES)
    .execute()

  // Words most candidates share (商品, order) say little; rarer shared words (返品) say more.
  const has = (text: string, t: string): boolean => text.includes(` ${t} `)
  const idf = new Map(tokens.map((t) => [t, Math.log(1 + rows.length / Math.max(1, rows.filter((r) => has(r.search_text, t)).length))]))
  const scored = rows.map((row) => {
    const title = ` ${tokenize(row.published_title ?? '').join(' ')} `
    let score = 0
    for (const t of tokens) {
      if (has(row.search_text, t)) score += idf.get(t)! * (has(title, t) ? 2 : 1)
    }

    return { row, score: Math.round(score * 1000) / 1000 }
  })
  scored.sort((a, b) => b.score - a.score || (b.row.id < a.row.id ? -1 : 1))

  return scored.slice(0, SUGGESTIONS).map(({ row, score }) => ({
    articleId: row.group_id,
    translationId: row.id,
    locale: row.locale as KbLocale,
    title: row.published_title ?? '',
    helpCenterPath: row.visibility === 'public' ? `/help/${row.locale}/articles/${row.group_id}` : null,
    score,
  }))
}
