import type { KbLocale, KbSuggestion } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { tokenize } from '../lib/japanese-text.ts'
import { getCustomer } from '../customers/get-customer.ts'
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
 * subject and first messages (term overlap weighted by rarity among the candidates, title matches counting double),
 * each once, in the customer's language when it is published in it (the link and text an agent inserts). Agents
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
  // Both translations of one article may match: the article is suggested once, at its best score.
  const best = new Map<string, (typeof scored)[number]>()
  for (const entry of scored) if (!best.has(entry.row.group_id)) best.set(entry.row.group_id, entry)
  const top = [...best.values()].slice(0, SUGGESTIONS)
  const customerLocale = kbLocaleOf((await getCustomer(deps, principal, ticket.customer.id)).language)
  const live = await publishedTranslations(deps, principal.accountId, top.map((e) => e.row.group_id))
  const base = deps.config.publicUrl.replace(/\/+$/, '')

  return top.map(({ row, score }) => {
    const chosen = live.find((l) => l.group_id === row.group_id && l.locale === customerLocale) ?? live.find((l) => l.id === row.id)!
    const path = row.visibility === 'public' ? `/help/${chosen.locale}/articles/${row.group_id}` : null

    return {
      articleId: row.group_id,
      translationId: chosen.id,
      locale: chosen.locale,
      title: chosen.published_title ?? '',
      visibility: row.visibility,
      helpCenterPath: path,
      helpCenterUrl: path === null ? null : base + path,
      text: chosen.text,
      score,
    }
  })
}

/** ja / en from a customer's language tag (ja-JP, en-US); other languages have no translation. */
function kbLocaleOf(language: string | null): KbLocale | null {
  const primary = language?.toLowerCase().split('-')[0]

  return primary === 'ja' || primary === 'en' ? primary : null
}

/** Live translations of the articles, with the Markdown of their published revision. */
async function publishedTranslations(deps: Deps, accountId: string, groupIds: string[]) {
  if (groupIds.length === 0) return []

  return deps.db.selectFrom('kb_articles')
    .innerJoin('kb_article_revisions', (join) => join
      .onRef('kb_article_revisions.article_id', '=', 'kb_articles.id')
      .onRef('kb_article_revisions.number', '=', 'kb_articles.published_revision'))
    .select(['kb_articles.id', 'kb_articles.group_id', 'kb_articles.locale', 'kb_articles.published_title', 'kb_article_revisions.body as text'])
    .where('kb_articles.account_id', '=', accountId).where('kb_articles.group_id', 'in', groupIds)
    .execute()
}
