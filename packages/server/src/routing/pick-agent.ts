/** One agent as routing sees them. `load`: their open tickets on the ticket's channel. */
export interface RoutingCandidate {
  id: string
  languages: readonly string[]
  skills: readonly string[]
  capacity: number
  load: number
}

export interface RoutingNeed {
  language: string | null
  skills: readonly string[]
  respectCapacity: boolean
  mode: 'round_robin' | 'least_busy'
  /** Round robin: who got the previous ticket of the team. */
  lastAgentId: string | null
}

/** Can this agent take the ticket at all (language, skills, capacity)? */
export function isEligible(c: RoutingCandidate, need: RoutingNeed): boolean {
  if (need.respectCapacity && c.load >= c.capacity) return false
  if (need.language !== null && !c.languages.some((l) => l.toLowerCase().split('-')[0] === need.language)) return false

  return need.skills.every((s) => c.skills.includes(s))
}

/**
 * The agent who gets the ticket, or null when nobody eligible is available.
 * Candidates must already be active, online members of the team.
 * - round_robin: the next eligible agent after the previous one, by id, wrapping;
 *   every agent gets a turn before anyone gets a second.
 * - least_busy: the eligible agent with the fewest open tickets on the channel,
 *   ties broken in round-robin order so equals still alternate.
 */
export function pickAgent(candidates: readonly RoutingCandidate[], need: RoutingNeed): RoutingCandidate | null {
  const eligible = candidates.filter((c) => isEligible(c, need)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  if (eligible.length === 0) return null
  const last = need.lastAgentId
  const start = last === null ? 0 : eligible.findIndex((c) => c.id > last)
  const ordered = start <= 0 ? eligible : [...eligible.slice(start), ...eligible.slice(0, start)]
  if (need.mode === 'round_robin') return ordered[0]!
  let best = ordered[0]!
  for (const c of ordered) {
    if (c.load < best.load) best = c
  }

  return best
}
