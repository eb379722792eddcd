import type { SlaStateName } from '@madoguchi/shared'
import { parseJson, toJson } from '../db/json.ts'
import type { BusinessCalendar } from '../lib/business-hours.ts'
import type { SlaClock, SlaPause } from '../lib/sla-clock.ts'
import { computeSlaClock } from '../lib/sla-clock.ts'
import type { TicketSlaRow } from './sla.table.ts'

type StoredPause = { from: string; to: string | null }

export function pausesOf(row: Pick<TicketSlaRow, 'pauses'>): StoredPause[] {
  return parseJson<StoredPause[]>(row.pauses, [])
}

function toClockPauses(pauses: StoredPause[]): SlaPause[] {
  return pauses.map((p) => ({ from: new Date(p.from), to: p.to === null ? null : new Date(p.to) }))
}

/** The pure clock for one stored row (see lib/sla-clock.ts). */
export function clockOf(row: TicketSlaRow, calendar: BusinessCalendar, warningPercent: number, now: Date): SlaClock {
  return computeSlaClock({
    calendar,
    targetMinutes: Number(row.target_minutes),
    startedAt: new Date(row.started_at),
    pauses: toClockPauses(pausesOf(row)),
    stoppedAt: row.achieved_at ? new Date(row.achieved_at) : null,
    now,
    warning: { percentElapsed: warningPercent },
  })
}

/**
 * The stored due and warning instants of a row: what the breach job and the
 * "breaching next" view read. Null while paused or achieved (nothing can happen).
 */
export function scheduleOf(row: TicketSlaRow, calendar: BusinessCalendar, warningPercent: number, now: Date): Pick<TicketSlaRow, 'due_at' | 'warning_at'> {
  if (row.achieved_at !== null || row.paused_since !== null) return { due_at: null, warning_at: null }
  const clock = clockOf(row, calendar, warningPercent, now)

  return { due_at: clock.dueAt?.toISOString() ?? null, warning_at: clock.warningAt?.toISOString() ?? null }
}

export function withPauseStarted(row: TicketSlaRow, at: string): Partial<TicketSlaRow> {
  if (row.paused_since !== null || row.achieved_at !== null) return {}

  return { paused_since: at, pauses: toJson([...pausesOf(row), { from: at, to: null }]) }
}

export function withPauseEnded(row: TicketSlaRow, at: string): Partial<TicketSlaRow> {
  if (row.paused_since === null) return {}

  return { paused_since: null, pauses: toJson(pausesOf(row).map((p) => (p.to === null ? { ...p, to: at } : p))) }
}

/** State from the stored columns alone (no calendar needed): lists use this. */
export function storedState(row: Pick<TicketSlaRow, 'achieved_at' | 'breached_at' | 'due_at' | 'warned_at' | 'warning_at'>, now: string): SlaStateName {
  if (row.achieved_at !== null) return 'achieved'
  if (row.breached_at !== null || (row.due_at !== null && row.due_at <= now)) return 'breached'
  if (row.warned_at !== null || (row.warning_at !== null && row.warning_at <= now)) return 'warning'

  return 'ok'
}
