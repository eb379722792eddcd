import type { Insertable } from 'kysely'
import type { Executor } from '../db/database.ts'
import type { EventTable } from './audit.table.ts'
import { newId } from '../lib/ids.ts'

export interface EventInput {
  accountId: string
  subjectType: EventTable['subject_type']
  subjectId: string
  /** Dotted name, e.g. `ticket.created`, `ticket.status_changed`, `customer.merged`. */
  type: string
  actor: { kind: EventTable['actor_kind']; id?: string | null }
  field?: string
  before?: unknown
  after?: unknown
  at: string
}

/**
 * Appends to the event log. Call it inside the transaction that makes the change,
 * so the log and the data can never disagree.
 */
export async function recordEvents(db: Executor, events: EventInput[]): Promise<void> {
  if (events.length === 0) return
  await db.insertInto('events').values(eventRows(events)).execute()
}

/** The rows recordEvents writes, for a caller that inserts them in a statement of its own (a CTE). */
/** Every column of an event row, as eventRows fills them. */
export const EVENT_COLUMNS = ['id', 'account_id', 'subject_type', 'subject_id', 'type', 'actor_kind', 'actor_id', 'field', 'before', 'after', 'created_at'] as const

export function eventRows(events: readonly EventInput[]): Insertable<EventTable>[] {
  return events.map((e) => ({
    id: newId(),
    account_id: e.accountId,
    subject_type: e.subjectType,
    subject_id: e.subjectId,
    type: e.type,
    actor_kind: e.actor.kind,
    actor_id: e.actor.id ?? null,
    field: e.field ?? null,
    before: e.before === undefined ? null : JSON.stringify(e.before),
    after: e.after === undefined ? null : JSON.stringify(e.after),
    created_at: e.at,
  }))
}

export async function recordEvent(db: Executor, event: EventInput): Promise<void> {
  await recordEvents(db, [event])
}
