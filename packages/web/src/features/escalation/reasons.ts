import type { EscalationReason } from '../../api/endpoints.ts'

// Runtime copies of the shared lists (importing them would pull zod into the bundle); `satisfies` catches drift.
export const ESCALATION_REASONS = [
  'customer_requested_supervisor', 'beyond_authority', 'technical', 'complaint', 'threat_legal', 'threat_physical',
] as const satisfies readonly EscalationReason[]

/** These go to the legal team at urgent priority, visible only to legal and supervisors. */
export const THREAT_REASONS: readonly EscalationReason[] = ['threat_legal', 'threat_physical']

export function isThreat(reason: string): boolean {
  return (THREAT_REASONS as readonly string[]).includes(reason)
}
