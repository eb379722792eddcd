import type { SlaMetric, SlaStateName, TicketSlaSummary } from '@madoguchi/shared'
import { SLA_METRICS } from '@madoguchi/shared'
import type { Executor } from '../db/database.ts'
import { storedState } from './sla-clock-rows.ts'
import type { TicketSlaRow } from './sla.table.ts'

const RANK: Record<SlaStateName, number> = { achieved: 0, ok: 1, warning: 2, breached: 3 }
const METRIC_ORDER: readonly SlaMetric[] = SLA_METRICS

type ClockBits = Pick<TicketSlaRow, 'ticket_id' | 'metric' | 'due_at' | 'warning_at' | 'warned_at' | 'breached_at' | 'achieved_at' | 'paused_since'>

/**
 * The badge of one ticket from its clocks: the worst state among running clocks
 * (`achieved` when every clock has stopped), the running clock due first and its
 * metric (a paused clock has no due time: its metric is named only when every
 * running clock is paused), and whether the ticket waits on the customer.
 */
export function summarizeClocks(rows: readonly ClockBits[], now: string): TicketSlaSummary {
  const running = rows.filter((r) => r.achieved_at === null)
  let state: SlaStateName = 'achieved'
  for (const row of running) {
    const s = storedState(row, now)
    if (RANK[s] > RANK[state]) state = s
  }
  const dueFirst = running.filter((r) => r.due_at !== null).sort((a, b) => a.due_at!.localeCompare(b.due_at!))[0]
  const paused = running.length > 0 && running.every((r) => r.paused_since !== null)

  return {
    slaState: rows.length === 0 ? null : state,
    slaDueAt: dueFirst?.due_at ?? null,
    slaMetric: dueFirst?.metric ?? (paused ? firstByMetric(running).metric : null),
    slaPaused: paused,
  }
}

/** The clock the ticket waits on in the order agents meet them: first response, next response, resolution. */
function firstByMetric(rows: readonly ClockBits[]): ClockBits {
  return [...rows].sort((a, b) => METRIC_ORDER.indexOf(a.metric) - METRIC_ORDER.indexOf(b.metric))[0]!
}

/** SLA badge and "due in" for a whole page of tickets in ONE query (no N+1). Tickets without clocks are absent. */
export async function loadSlaSummaries(db: Executor, accountId: string, ticketIds: readonly string[], now: string): Promise<Map<string, TicketSlaSummary>> {
  const map = new Map<string, TicketSlaSummary>()
  if (ticketIds.length === 0) return map
  // By ticket id alone, the account checked on the rows: with `account_id = ?` in the query, PostgreSQL
  // without statistics (a new account, autovacuum off) read the account's part of the (account_id,
  // due_at) index for every page of every list, all of the account's clocks.
  const rows = await db
    .selectFrom('ticket_slas')
    .select(['account_id', 'ticket_id', 'metric', 'due_at', 'warning_at', 'warned_at', 'breached_at', 'achieved_at', 'paused_since'])
    .where('ticket_id', 'in', [...new Set(ticketIds)])
    .execute()
  const byTicket = new Map<string, ClockBits[]>()
  for (const row of rows) if (row.account_id === accountId) byTicket.set(row.ticket_id, [...(byTicket.get(row.ticket_id) ?? []), row])
  for (const [ticketId, clocks] of byTicket) map.set(ticketId, summarizeClocks(clocks, now))

  return map
}
