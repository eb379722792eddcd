/** Time as a dependency, so tests can pin it. Timestamps are ISO-8601 UTC strings. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

export function isoNow(clock: Clock): string {
  return clock.now().toISOString()
}
