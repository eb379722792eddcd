import type { SlaMetric, SlaStateName } from '@madoguchi/shared'
import { minutesUntil } from './duration.ts'

/** What a badge needs: from a list row (ticket view), a clock, or a breaching-next item. */
export interface SlaInput {
  state: SlaStateName | null | undefined
  metric: SlaMetric | null | undefined
  dueAt: string | null | undefined
  paused?: boolean
  /** Business minutes left on a paused clock (GET /tickets/:id/sla). */
  pausedMinutesLeft?: number | null
}

export type SlaDisplayState = SlaStateName | 'paused'

export type SlaTiming =
  | { kind: 'due'; minutes: number }
  | { kind: 'overdue'; minutes: number }
  | { kind: 'waiting'; minutesLeft: number | null }
  | { kind: 'met' }
  | { kind: 'none' }

export interface SlaStatus {
  state: SlaDisplayState
  metric: SlaMetric | null
  timing: SlaTiming
}

/**
 * The badge's state and timing at `now`. The server's state is a snapshot: a
 * due time passing while the screen is open turns the badge "breached" at once,
 * without waiting for the breach job. A paused clock shows "waiting on the
 * customer" unless it had already breached (that stays visible).
 */
export function slaStatus(input: SlaInput, now: number): SlaStatus | null {
  if (!input.state) return null
  const metric = input.metric ?? null
  if (input.state === 'achieved') return { state: 'achieved', metric, timing: { kind: 'met' } }
  if (input.paused) {
    const left = input.pausedMinutesLeft ?? null

    return { state: input.state === 'breached' ? 'breached' : 'paused', metric, timing: { kind: 'waiting', minutesLeft: left !== null && left > 0 ? left : null } }
  }
  if (!input.dueAt) return { state: input.state, metric, timing: { kind: 'none' } }
  const minutes = minutesUntil(input.dueAt, now)
  if (minutes <= 0 || input.state === 'breached') return { state: 'breached', metric, timing: { kind: 'overdue', minutes: Math.max(1, -minutes) } }

  return { state: input.state, metric, timing: { kind: 'due', minutes } }
}
