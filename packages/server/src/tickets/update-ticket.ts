import type { TicketView, UpdateTicketInput } from '@madoguchi/shared'
import type { EventInput } from '../audit/record-event.ts'
import { recordEvents } from '../audit/record-event.ts'
import { parseJson, toJson } from '../db/json.ts'
import type { Deps } from '../deps.ts'
import { ticketHooks } from '../automation/ticket-hooks.ts'
import { AppError } from '../lib/app-error.ts'
import { reindexChangedTicket } from '../search/search-documents.ts'
import { viewTicketRow } from './get-ticket.ts'
import type { TicketRef, Viewer } from './ticket-access.ts'
import { lockVisibleTicket } from './ticket-access.ts'
import type { CustomFields } from './ticket-fields.ts'
import { mergeCustomFields, sameTags } from './ticket-fields.ts'
import { assertAssignableAgent, assertTeamExists } from './ticket-references.ts'
import { replaceTicketTags, updateTicketRow } from './ticket.repo.ts'
import { assertStatusTransition, statusTimestamps } from './ticket-status.ts'
import type { TicketRow, TicketUpdate } from './ticket.table.ts'

/**
 * Changes a ticket's fields. Every field that really changes is one event
 * (`ticket.<field>_changed`, before → after, by whom); nothing changes → no write,
 * no event, no realtime message.
 */
export async function updateTicket(deps: Deps, viewer: Viewer, ref: TicketRef, input: UpdateTicketInput): Promise<TicketView> {
  const now = deps.clock.now().toISOString()
  const actor = { kind: 'agent' as const, id: viewer.agentId }

  const hooks = ticketHooks(deps)
  const { row, fields } = await deps.transact(async (trx) => {
    const current = await lockVisibleTicket(trx, deps.dialect, viewer, ref)
    const set: TicketUpdate = {}
    const events: EventInput[] = []
    const fields: string[] = []
    const changed = (field: string, before: unknown, after: unknown, type = `ticket.${field}_changed`) => {
      if (!fields.includes(field)) fields.push(field)
      events.push({ accountId: viewer.accountId, subjectType: 'ticket', subjectId: current.id, type, actor, field, before, after, at: now })
    }

    if (input.subject !== undefined && input.subject !== current.subject) {
      set.subject = input.subject
      changed('subject', current.subject, input.subject)
    }
    if (input.status !== undefined && input.status !== current.status) {
      assertStatusTransition(current.status, input.status, viewer.role)
      Object.assign(set, { status: input.status }, statusTimestamps(current, input.status, now))
      changed('status', current.status, input.status)
    }
    if (input.priority !== undefined && input.priority !== current.priority) {
      set.priority = input.priority
      changed('priority', current.priority, input.priority)
    }
    if (input.category !== undefined && input.category !== current.category) {
      set.category = input.category
      changed('category', current.category, input.category)
    }
    if (input.assigneeId !== undefined && input.assigneeId !== current.assignee_id) {
      if (input.assigneeId !== null) await assertAssignableAgent(trx, viewer.accountId, input.assigneeId)
      set.assignee_id = input.assigneeId
      changed('assigneeId', current.assignee_id, input.assigneeId, 'ticket.assignee_changed')
    }
    if (input.teamId !== undefined && input.teamId !== current.team_id) {
      // A partner may hand a ticket between its own teams, never out of its sight.
      if (viewer.role === 'partner' && (input.teamId === null || !viewer.teamIds.includes(input.teamId))) throw new AppError('auth.forbidden')
      if (input.teamId !== null) await assertTeamExists(trx, viewer.accountId, input.teamId)
      set.team_id = input.teamId
      changed('teamId', current.team_id, input.teamId, 'ticket.team_changed')
    }
    const tagsBefore = parseJson<string[]>(current.tags, [])
    const tagsChanged = input.tags !== undefined && !sameTags(tagsBefore, input.tags)
    if (tagsChanged) {
      set.tags = toJson(input.tags)
      changed('tags', tagsBefore, input.tags)
    }
    if (input.customFields !== undefined) {
      const { merged, changes } = mergeCustomFields(parseJson<CustomFields>(current.custom_fields, {}), input.customFields)
      if (changes.length > 0) {
        set.custom_fields = toJson(merged)
        if (!fields.includes('customFields')) fields.push('customFields')
        for (const c of changes) {
          events.push({
            accountId: viewer.accountId, subjectType: 'ticket', subjectId: current.id, type: 'ticket.custom_field_changed',
            actor, field: `customFields.${c.key}`, before: c.before, after: c.after, at: now,
          })
        }
      }
    }
    if (events.length === 0) return { row: current, fields }

    set.updated_at = now
    if (tagsChanged) await replaceTicketTags(trx, viewer.accountId, current.id, tagsBefore, input.tags!, now)
    await updateTicketRow(trx, viewer.accountId, current.id, set, input.tags ?? tagsBefore)
    await recordEvents(trx, events)
    // Issue 6 hook: a new subject is re-indexed; a new team follows onto the ticket's search documents.
    await reindexChangedTicket(trx, deps.dialect, current, { ...current, ...set } as TicketRow)
    // Issue 7 hook: SLA clocks pause/resume/re-target, triggers (automation/ticket-hooks.ts).
    const after = await hooks.changed(trx, current, { ...current, ...set } as TicketRow)

    return { row: after, fields }
  })
  hooks.publish()

  if (fields.length > 0) {
    deps.realtime.publish(viewer.accountId, {
      type: 'ticket.updated', ticketId: row.id, number: Number(row.number), teamId: row.team_id, assigneeId: row.assignee_id, fields, at: now,
    })
  }

  return viewTicketRow(deps.db, row)
}
