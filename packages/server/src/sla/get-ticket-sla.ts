import type { SlaClockView, TicketSlaView } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { TicketRef, Viewer } from '../tickets/ticket-access.ts'
import { loadVisibleTicket } from '../tickets/ticket-access.ts'
import { calendarLoader } from './sla-calendar.ts'
import { clockOf, storedState } from './sla-clock-rows.ts'
import type { SlaPolicyRow } from './sla.table.ts'

const ORDER = ['first_response', 'next_response', 'resolution']

/** `GET /tickets/:id/sla`: every clock of the ticket with its state, "due in" (business minutes) and pause. */
export async function getTicketSla(deps: Deps, viewer: Viewer, ref: TicketRef): Promise<TicketSlaView> {
  const ticket = await loadVisibleTicket(deps.db, viewer, ref)
  const now = deps.clock.now()
  const rows = await deps.db.selectFrom('ticket_slas').selectAll().where('ticket_id', '=', ticket.id).execute()
  rows.sort((a, b) => ORDER.indexOf(a.metric) - ORDER.indexOf(b.metric))
  const policyIds = [...new Set(rows.map((r) => r.policy_id))]
  const policies = policyIds.length === 0 ? [] : await deps.db.selectFrom('sla_policies').selectAll().where('id', 'in', policyIds).execute()
  const policyOf = new Map<string, SlaPolicyRow>(policies.map((p) => [p.id, p]))
  const calendars = calendarLoader(deps.db, ticket.account_id)

  const clocks: SlaClockView[] = []
  for (const row of rows) {
    const policy = policyOf.get(row.policy_id)
    const calendar = await calendars(policy?.calendar_id ?? null)
    const clock = clockOf(row, calendar, Number(policy?.warning_percent ?? 75), now)
    clocks.push({
      metric: row.metric,
      policyId: row.policy_id,
      targetMinutes: Number(row.target_minutes),
      state: storedState(row, now.toISOString()),
      paused: row.paused_since !== null,
      startedAt: row.started_at,
      dueAt: row.due_at,
      dueInMinutes: row.achieved_at === null ? Math.round(clock.remainingMinutes * 10) / 10 : null,
      warnedAt: row.warned_at,
      breachedAt: row.breached_at,
      achievedAt: row.achieved_at,
    })
  }
  const running = clocks.filter((c) => c.achievedAt === null)
  const rank = { achieved: 0, ok: 1, warning: 2, breached: 3 } as const
  const worst = running.reduce<SlaClockView | null>((w, c) => (w === null || rank[c.state] > rank[w.state] ? c : w), null)
  const dueFirst = running.filter((c) => c.dueAt !== null).sort((a, b) => a.dueAt!.localeCompare(b.dueAt!))[0]

  return {
    ticketId: ticket.id,
    policyId: rows[0]?.policy_id ?? null,
    state: worst?.state ?? (clocks.length > 0 ? 'achieved' : null),
    dueAt: dueFirst?.dueAt ?? null,
    paused: running.length > 0 && running.every((c) => c.paused),
    clocks,
  }
}
