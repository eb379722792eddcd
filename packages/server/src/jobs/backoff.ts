const BASE_DELAY_MS = 2_000
const MAX_DELAY_MS = 60 * 60 * 1000

/**
 * Delay before retry number `attempt` (1 = after the first failure): exponential
 * (2 s, 4 s, 8 s, … capped at 1 h) with jitter in [50 %, 100 %] of that value, so
 * many jobs failing together (a provider outage) do not retry in lockstep.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1))

  return Math.round(exponential * (0.5 + random() * 0.5))
}
