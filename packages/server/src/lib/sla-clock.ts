import type { BusinessCalendar, Span } from './business-hours.ts'
import { openSpansBetween, openSpansFrom } from './business-hours.ts'

/**
 * One SLA clock (first response, next response or resolution) as pure arithmetic:
 * business time since `startedAt` on the calendar, minus the periods when the
 * ticket waited on the customer. Everything a list badge, a "due in" and the
 * breach job need comes out of one call.
 */
export interface SlaPause {
  from: Date
  /** null while the ticket is still waiting on the customer */
  to: Date | null
}

export type SlaWarning = { minutesBefore: number } | { percentElapsed: number }

export interface SlaClockInput {
  calendar: BusinessCalendar
  /** Business minutes allowed. */
  targetMinutes: number
  startedAt: Date
  pauses?: readonly SlaPause[]
  /** When the goal was met (e.g. the first reply was sent); the clock stops there. */
  stoppedAt?: Date | null
  now: Date
  /** When to warn; 75 % of the target by default. */
  warning?: SlaWarning
}

export type SlaState = 'ok' | 'warning' | 'breached'

export interface SlaClock {
  state: SlaState
  status: 'running' | 'paused' | 'stopped'
  /** When the target is reached if nothing pauses the clock again; null while paused before it. */
  dueAt: Date | null
  warningAt: Date | null
  /** Business minutes counted so far (up to `stoppedAt` once stopped). */
  elapsedMinutes: number
  /** targetMinutes − elapsedMinutes: negative once overdue. */
  remainingMinutes: number
}

export const DEFAULT_SLA_WARNING: SlaWarning = { percentElapsed: 75 }

const MS_PER_MINUTE = 60_000

/** Sorted, merged pauses as [from, to) ms, clipped to start at the clock's start. */
function mergePauses(pauses: readonly SlaPause[], startMs: number): Span[] {
  const spans = pauses
    .map((p) => [Math.max(p.from.getTime(), startMs), p.to ? p.to.getTime() : Infinity] as [number, number])
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const span of spans) {
    const last = merged[merged.length - 1]
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1])
    else merged.push([...span])
  }

  return merged
}

/** `spans` (ordered) with the parts inside any pause cut out. */
function* withoutPauses(spans: Iterable<Span>, pauses: readonly Span[]): Generator<Span> {
  let i = 0
  for (const [start, end] of spans) {
    let s = start
    while (i < pauses.length && pauses[i]![1] <= s) i++
    for (let j = i; j < pauses.length && pauses[j]![0] < end && s < end; j++) {
      const [pFrom, pTo] = pauses[j]!
      if (pFrom > s) yield [s, pFrom]
      // A pause without an end: the clock never runs again (and the calendar never ends).
      if (pTo === Infinity) return
      s = Math.max(s, pTo)
    }
    if (s < end) yield [s, end]
  }
}

/** The instants when `thresholdsMs` of running time have passed (null if never). */
function instantsAfter(spans: Iterable<Span>, startMs: number, thresholdsMs: number[]): (number | null)[] {
  const result: (number | null)[] = thresholdsMs.map((t) => (t <= 0 ? startMs : null))
  let acc = 0
  for (const [s, e] of spans) {
    for (const [k, t] of thresholdsMs.entries()) {
      if (result[k] === null && acc + (e - s) >= t) result[k] = s + (t - acc)
    }
    acc += e - s
    if (result.every((r) => r !== null)) break
  }

  return result
}

export function computeSlaClock(input: SlaClockInput): SlaClock {
  const { calendar, targetMinutes } = input
  if (!Number.isFinite(targetMinutes) || targetMinutes < 0) throw new RangeError(`targetMinutes must be ≥ 0, got ${targetMinutes}`)
  const startMs = input.startedAt.getTime()
  const pauses = mergePauses(input.pauses ?? [], startMs)
  const endMs = Math.max(startMs, (input.stoppedAt ?? input.now).getTime())

  const targetMs = Math.round(targetMinutes * MS_PER_MINUTE)
  const warning = input.warning ?? DEFAULT_SLA_WARNING
  const warnMs = 'minutesBefore' in warning
    ? Math.max(0, targetMs - Math.round(warning.minutesBefore * MS_PER_MINUTE))
    : Math.round((targetMs * Math.min(100, Math.max(0, warning.percentElapsed))) / 100)
  const [dueMs, warnAtMs] = instantsAfter(withoutPauses(openSpansFrom(calendar, startMs), pauses), startMs, [targetMs, warnMs])

  const elapsedMs = [...withoutPauses(openSpansBetween(calendar, startMs, endMs), pauses)].reduce((sum, [s, e]) => sum + (e - s), 0)
  const pausedNow = pauses.some(([from, to]) => from <= endMs && endMs < to)
  const breached = dueMs !== null && dueMs !== undefined && endMs > dueMs
  const warned = warnAtMs !== null && warnAtMs !== undefined && endMs >= warnAtMs

  return {
    state: breached ? 'breached' : warned ? 'warning' : 'ok',
    status: input.stoppedAt ? 'stopped' : pausedNow ? 'paused' : 'running',
    dueAt: dueMs == null ? null : new Date(dueMs),
    warningAt: warnAtMs == null ? null : new Date(warnAtMs),
    elapsedMinutes: elapsedMs / MS_PER_MINUTE,
    remainingMinutes: (targetMs - elapsedMs) / MS_PER_MINUTE,
  }
}
