import type { SlaConditions, SlaPolicyView } from '@madoguchi/shared'
import { parseJson } from '../db/json.ts'
import type { SlaPolicyRow } from './sla.table.ts'

export function toSlaPolicyView(row: SlaPolicyRow): SlaPolicyView {
  return {
    id: row.id,
    name: row.name,
    calendarId: row.calendar_id,
    conditions: parseJson<SlaConditions>(row.conditions, {}),
    firstResponseMinutes: row.first_response_minutes,
    nextResponseMinutes: row.next_response_minutes,
    resolutionMinutes: row.resolution_minutes,
    warningPercent: Number(row.warning_percent),
    pauseOnHold: row.pause_on_hold === 1,
    position: Number(row.position),
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export interface SlaSubject {
  priority: string
  channel: string
  category: string | null
  vip: boolean
}

/** Does a policy's condition set cover this ticket? Every given key must match. */
export function policyMatches(conditions: SlaConditions, t: SlaSubject): boolean {
  if (conditions.priorities && !(conditions.priorities as readonly string[]).includes(t.priority)) return false
  if (conditions.channels && !(conditions.channels as readonly string[]).includes(t.channel)) return false
  if (conditions.categories && (t.category === null || !(conditions.categories as readonly string[]).includes(t.category))) return false
  if (conditions.vip !== undefined && conditions.vip !== t.vip) return false

  return true
}
