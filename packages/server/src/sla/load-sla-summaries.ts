import type { SlaStateName, TicketSlaSummary } from '@madoguchi/shared'
import type { Executor } from '../db/database.ts'
import { storedState } from './sla-clock-rows.ts'

const RANK: Record<SlaStateName, number> = { achieved: 0, ok: 1, warning: 2, breached: 3 }

/**
 * SLA badge and "due in" for a whole page of tickets in ONE query (no N+1): the
 * running clock due first, and the worst state among running clocks (or
 * `achieved` when every clock has stopped). Tickets without clocks are absent.
 */
export async function loadSlaSummaries(db: Executor, accountId: string, ticketIds: readonly string[], now: string): Promise<Map<string, TicketSlaSummary>> {
  const map = new Map<string, TicketSlaSummary>()
  if (ticketIds.length === 0) return map
  const rows = await db
    .selectFrom('ticket_slas')
    .select(['ticket_id', 'due_at', 'warning_at', 'warned_at', 'breached_at', 'achieved_at'])
    .where('account_id', '=', accountId)
    .where('ticket_id', 'in', [...new Set(ticketIds)])
    .execute()
  for (const row of rows) {
    const state = storedState(row, now)
    const current = map.get(row.ticket_id)
    const running = row.achieved_at === null
    if (!current) {
      map.set(row.ticket_id, { slaState: state, slaDueAt: running ? row.due_at : null })
      continue
    }
    if (RANK[state] > RANK[current.slaState ?? 'achieved']) current.slaState = state
    if (running && row.due_at !== null && (current.slaDueAt === null || row.due_at < current.slaDueAt)) current.slaDueAt = row.due_at
  }

  return map
}
