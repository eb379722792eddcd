import type { TicketPriority, TicketStatus } from '@madoguchi/shared'
import { generateCrn } from '../../packages/server/src/lib/crn.ts'
import { EN_EMAIL_DOMAINS, EN_FAMILY_NAMES, EN_GIVEN_NAMES, JA_EMAIL_DOMAINS, JA_FAMILY_NAMES, JA_GIVEN_NAMES } from '../../packages/server/src/demo/demo-names.ts'
import { pick } from '../lib/stats.ts'
import type { Insertable } from 'kysely'
import type { Database } from '../../packages/server/src/db/database.ts'
import type { Conversation } from './vocabulary.ts'
import { CHANNEL_WEIGHTS, EN_CONVERSATIONS, FOLLOW_UPS, JA_CONVERSATIONS, MESSAGE_COUNTS, TAG_WEIGHTS, weighted } from './vocabulary.ts'

const DAY = 86_400_000

/** UUIDv7 for a past instant, from the seeded PRNG (the app's newId only mints "now"). */
export function uuid7At(ms: number, rand: () => number): string {
  const hex = (n: number, digits: number) => Math.floor(n).toString(16).padStart(digits, '0')
  const time = hex(ms, 12)
  const r1 = hex(rand() * 0x1000, 3)
  const r2 = hex(0x8000 + rand() * 0x4000, 4)
  const r3 = hex(rand() * 0x1000000, 6) + hex(rand() * 0x1000000, 6)

  return `${time.slice(0, 8)}-${time.slice(8)}-7${r1}-${r2}-${r3}`
}

export interface WorldSpec {
  accountId: string
  customers: number
  tickets: number
  /** Instant of the newest ticket; the data spans three years before it. */
  now: number
  teamIds: string[]
  /** Agent ids per team (same index as teamIds). */
  agentsByTeam: string[][]
}

export const SPAN_MS = 3 * 365 * DAY

/**
 * Rows typed by the schema's own table types: a column that becomes required in a
 * migration fails the typecheck here instead of loading wrong data.
 */
type New<T extends keyof Database> = Insertable<Database[T]>

export interface CustomerBatch {
  customers: Array<New<'customers'>>
  contacts: Array<New<'customer_contacts'>>
  /** Language of each customer of the batch, for its tickets' text. */
  languages: Array<'ja' | 'en'>
}

/** Customers [from, to): ~80 % Japanese, each with an e-mail and/or phone, some with LINE. */
export function customerBatch(spec: WorldSpec, from: number, to: number, rand: () => number, crns: Set<string>): CustomerBatch {
  const out: CustomerBatch = { customers: [], contacts: [], languages: [] }
  const start = spec.now - SPAN_MS
  const randomBytes = (size: number) => Uint8Array.from({ length: size }, () => Math.floor(rand() * 256))
  for (let i = from; i < to; i++) {
    const createdMs = Math.floor(start + (i / spec.customers) * SPAN_MS * 0.9)
    const created = new Date(createdMs).toISOString()
    const id = uuid7At(createdMs, rand)
    let crn = generateCrn(randomBytes)
    while (crns.has(crn)) crn = generateCrn(randomBytes)
    crns.add(crn)
    const ja = rand() < 0.8
    const vip = rand() < 0.01
    const care = rand() < 0.005
    let emailLocal: string
    let domain: string
    if (ja) {
      const family = pick(rand, JA_FAMILY_NAMES)
      const given = pick(rand, JA_GIVEN_NAMES)
      out.customers.push({
        id, account_id: spec.accountId, crn, display_name: `${family.kanji} ${given.kanji}`,
        family_name: family.kanji, given_name: given.kanji, family_name_kana: family.kana, given_name_kana: given.kana,
        preferred_name: `${family.kanji}様`, language: 'ja',
        birthday: rand() < 0.4 ? `${1940 + Math.floor(rand() * 65)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}` : null,
        is_vip: vip ? 1 : 0, vip_reason: vip ? '年間購入額上位（ゴールド会員）' : null,
        handle_with_care: care ? 1 : 0, care_reason: care ? '過去に強いクレームあり。対応前に履歴を確認してください。' : null,
        marketing_consent: rand() < 0.5 ? 1 : 0, lifetime_value: Math.floor(rand() * rand() * 500_000),
        created_at: created, updated_at: created,
      })
      emailLocal = `${given.romaji}.${family.romaji}.${i}`
      domain = pick(rand, JA_EMAIL_DOMAINS)
    } else {
      const family = pick(rand, EN_FAMILY_NAMES)
      const given = pick(rand, EN_GIVEN_NAMES)
      out.customers.push({
        id, account_id: spec.accountId, crn, display_name: `${given} ${family}`, family_name: family, given_name: given,
        family_name_kana: null, given_name_kana: null, preferred_name: given, language: 'en', birthday: null,
        is_vip: vip ? 1 : 0, vip_reason: vip ? 'Enterprise customer' : null,
        handle_with_care: care ? 1 : 0, care_reason: care ? 'Disputed charges in the past; billing team only.' : null,
        marketing_consent: rand() < 0.5 ? 1 : 0, lifetime_value: Math.floor(rand() * rand() * 500_000),
        created_at: created, updated_at: created,
      })
      emailLocal = `${given.toLowerCase()}.${family.toLowerCase().replace(/[^a-z]/g, '')}.${i}`
      domain = pick(rand, EN_EMAIL_DOMAINS)
    }
    out.languages.push(ja ? 'ja' : 'en')
    const contact = (kind: 'email' | 'phone' | 'line', value: string, primary: number) =>
      out.contacts.push({ id: uuid7At(createdMs, rand), account_id: spec.accountId, customer_id: id, kind, value, is_primary: primary, created_at: created })
    const hasEmail = rand() < 0.9
    if (hasEmail) contact('email', `${emailLocal}@${domain}`, 1)
    // JP mobile numbers, unique per customer: +81 90/80/70 1xxx xxxx.
    if (!hasEmail || rand() < 0.6) contact('phone', `+81${['90', '80', '70'][i % 3]}${10_000_000 + i}`, 1)
    if (rand() < 0.15) contact('line', `U${uuid7At(createdMs, rand).replace(/-/g, '')}`, 1)
  }

  return out
}

const PRIORITIES: ReadonlyArray<readonly [TicketPriority, number]> = [['low', 0.2], ['normal', 0.6], ['high', 0.15], ['urgent', 0.05]]
const RECENT_STATUSES: ReadonlyArray<readonly [TicketStatus, number]> = [['new', 0.15], ['open', 0.35], ['pending', 0.2], ['on_hold', 0.05], ['solved', 0.25]]
const OLD_STATUSES: ReadonlyArray<readonly [TicketStatus, number]> = [['closed', 0.85], ['solved', 0.12], ['pending', 0.01], ['on_hold', 0.01], ['open', 0.01]]

export interface TicketBatch {
  tickets: Array<New<'tickets'>>
  tags: Array<New<'ticket_tags'>>
  messages: Array<New<'messages'>>
}

type ThreadMessage = { kind: 'in' | 'out' | 'note'; body: string }

/**
 * The `count` messages of a ticket: the customer's first message, then the demo
 * thread as written (reply, notes, answers), then follow-ups taking turns
 * (customer, agent, now and then an internal note) for the longer tickets.
 */
function threadOf(conv: Conversation, lang: 'ja' | 'en', count: number, rand: () => number): ThreadMessage[] {
  const script: ThreadMessage[] = [{ kind: 'in', body: conv.inbound }, ...(conv.rest.some((m) => m.kind === 'out') ? conv.rest : [{ kind: 'out' as const, body: conv.reply }, ...conv.rest])]
  const thread = script.slice(0, count)
  const more = FOLLOW_UPS[lang]
  while (thread.length < count) {
    const last = thread.at(-1)!.kind
    const kind = rand() < 0.15 ? 'note' : last === 'in' ? 'out' : 'in'
    thread.push({ kind, body: pick(rand, more[kind]) })
  }

  return thread
}

/**
 * Tickets [from, to) in creation order (numbers from+1…), each with 1–6 messages
 * (≈ 3.15 on average: MESSAGE_COUNTS) and 0–3 tags.
 */
export function ticketBatch(spec: WorldSpec, from: number, to: number, rand: () => number, languages: Array<'ja' | 'en'>, customerIds: string[]): TicketBatch {
  const out: TicketBatch = { tickets: [], tags: [], messages: [] }
  const start = spec.now - SPAN_MS
  const step = SPAN_MS / spec.tickets
  for (let i = from; i < to; i++) {
    const createdMs = Math.floor(start + i * step + rand() * step * 0.9)
    const f = i / spec.tickets
    // Customers that exist by then; recent ones more likely, plus a few heavy repeat customers.
    const known = Math.max(1, Math.min(spec.customers, Math.ceil((f / 0.9) * spec.customers)))
    const c = rand() < 0.01 ? Math.floor(rand() * Math.min(100, known)) : Math.floor(known * Math.sqrt(rand()))
    const lang = languages[c]!
    const conv: Conversation = pick(rand, lang === 'ja' ? JA_CONVERSATIONS : EN_CONVERSATIONS)
    const ageDays = (spec.now - createdMs) / DAY
    const status = weighted(rand, ageDays > 30 ? OLD_STATUSES : RECENT_STATUSES) ?? 'open'
    const team = Math.floor(rand() * rand() * spec.teamIds.length)
    const teamAgents = spec.agentsByTeam[team]!
    const assignee = status === 'new' || rand() < 0.05 ? null : pick(rand, teamAgents)
    const activityMs = Math.min(spec.now, createdMs + Math.floor(rand() * rand() * 7 * DAY))
    const id = uuid7At(createdMs, rand)
    const tags: string[] = []
    for (const [tag, weight] of TAG_WEIGHTS) if (rand() < weight) tags.push(tag)
    const channel = weighted(rand, CHANNEL_WEIGHTS) ?? 'email'
    const count = status === 'new' ? 1 : weighted(rand, MESSAGE_COUNTS) ?? 2
    const thread = threadOf(conv, lang, count, rand)
    const span = activityMs - createdMs
    const times = thread.map((_, m) => (m === 0 ? createdMs : createdMs + Math.floor((span * m) / (count - 1))))
    const replier = assignee ?? pick(rand, teamAgents)
    let lastInbound = true
    let firstResponse: string | null = null
    thread.forEach((message, m) => {
      const at = new Date(times[m]!).toISOString()
      const kind = message.kind === 'in' ? 'inbound' : message.kind === 'out' ? 'outbound' : 'note'
      if (kind !== 'note') lastInbound = kind === 'inbound'
      if (kind === 'outbound') firstResponse ??= at
      out.messages.push({
        id: uuid7At(times[m]!, rand), account_id: spec.accountId, ticket_id: id, kind,
        author_kind: kind === 'inbound' ? 'customer' : 'agent',
        author_agent_id: kind === 'inbound' ? null : replier, author_customer_id: kind === 'inbound' ? customerIds[c]! : null,
        channel, body_text: message.body, created_at: at,
      })
    })
    const updated = new Date(times[count - 1]!).toISOString()
    const done = status === 'solved' || status === 'closed'
    out.tickets.push({
      id, account_id: spec.accountId, number: i + 1, subject: conv.subject, status,
      priority: weighted(rand, PRIORITIES) ?? 'normal', category: conv.category, channel,
      customer_id: customerIds[c]!, assignee_id: assignee, team_id: spec.teamIds[team]!,
      tags: JSON.stringify(tags), message_count: count,
      first_response_at: firstResponse,
      waiting_since: !done && lastInbound ? updated : null,
      last_message_at: updated, solved_at: done ? updated : null,
      created_at: new Date(createdMs).toISOString(), updated_at: updated,
    })
    // The tag rows carry the ticket's updated_at: the sort key of the tag filter.
    for (const tag of tags) out.tags.push({ account_id: spec.accountId, ticket_id: id, tag, updated_at: updated })
  }

  return out
}
