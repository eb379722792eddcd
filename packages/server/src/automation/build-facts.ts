import { loadCustomerSummaries } from '../customers/resolve-customer-for-ticket.ts'
import type { Executor } from '../db/database.ts'
import { parseJson } from '../db/json.ts'
import { isOpen } from '../lib/business-hours.ts'
import type { BusinessCalendar } from '../lib/business-hours.ts'
import { calendarLoader } from '../sla/sla-calendar.ts'
import type { TicketRow } from '../tickets/ticket.table.ts'
import type { CompiledRule, Facts } from './evaluate-rules.ts'
import { foldText } from './evaluate-rules.ts'
import type { AccountConfig } from '../accounts/account-config.ts'

export interface FactExtras {
  latestText: string
  vip: boolean
  handleWithCare: boolean
  hoursInStatus: number | null
  calendars: Map<string, BusinessCalendar>
  at: Date
}

/** Facts from a ticket row (recomputed after each rule's actions: later rules see the changes). */
export function factsOf(ticket: Pick<TicketRow, 'status' | 'priority' | 'category' | 'channel' | 'team_id' | 'assignee_id' | 'subject' | 'tags' | 'custom_fields'>, x: FactExtras): Facts {
  return {
    status: ticket.status, priority: ticket.priority, category: ticket.category, channel: ticket.channel, teamId: ticket.team_id,
    assigneeId: ticket.assignee_id, subject: ticket.subject, tags: parseJson<string[]>(ticket.tags, []),
    customFields: parseJson<Facts['customFields']>(ticket.custom_fields, {}),
    text: foldText(`${ticket.subject}\n${x.latestText}`), vip: x.vip, handleWithCare: x.handleWithCare, hoursInStatus: x.hoursInStatus,
    isOpen: (calendarId) => {
      const cal = x.calendars.get(calendarId ?? '')

      return cal ? isOpen(cal, x.at) : true
    },
  }
}

/** Calendars named by business-hours conditions, loaded once (key '' = the default). */
export async function loadRuleCalendars(db: Executor, accountId: string, rules: readonly CompiledRule[], config?: AccountConfig): Promise<Map<string, BusinessCalendar>> {
  const ids = new Set<string>()
  for (const r of rules) for (const c of r.conditions) if (c.type === 'business_hours') ids.add(c.calendarId ?? '')
  const load = config ? config.calendar : calendarLoader(db, accountId)
  const map = new Map<string, BusinessCalendar>()
  for (const id of ids) map.set(id, await load(id === '' ? null : id))

  return map
}

/** The DB-backed extras for a real ticket: customer flags and the latest customer message. */
export async function loadFactExtras(
  db: Executor, ticket: TicketRow, rules: readonly CompiledRule[], at: Date, hoursInStatus: number | null = null, config?: AccountConfig,
): Promise<FactExtras> {
  const customer = (await loadCustomerSummaries(db, ticket.account_id, [ticket.customer_id])).get(ticket.customer_id)
  const needsText = rules.some((r) => r.conditions.some((c) => c.type === 'text_contains'))
  const latest = needsText
    ? await db.selectFrom('messages').select('body_text').where('ticket_id', '=', ticket.id).where('kind', '=', 'inbound').orderBy('id', 'desc').limit(1).executeTakeFirst()
    : undefined

  return {
    latestText: latest?.body_text.slice(0, 20_000) ?? '', vip: customer?.isVip ?? false, handleWithCare: customer?.handleWithCare ?? false,
    hoursInStatus, calendars: await loadRuleCalendars(db, ticket.account_id, rules, config), at,
  }
}
