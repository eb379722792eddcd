import type { EscalateInput, EscalationView } from '@madoguchi/shared'
import { THREAT_REASONS } from '@madoguchi/shared'
import type { EventInput } from '../audit/record-event.ts'
import { recordEvents } from '../audit/record-event.ts'
import { syncTicketSla } from '../sla/sync-ticket-sla.ts'
import type { EscalationRow } from './escalation.table.ts'
import type { Trx } from '../db/database.ts'
import { parseJson } from '../db/json.ts'
import type { Deps } from '../deps.ts'
import { AppError } from '../lib/app-error.ts'
import { newId } from '../lib/ids.ts'
import { routeTicket, ticketUpdated } from '../routing/route-ticket.ts'
import { escalationStepsOf, findCategoryTeam, findTeamRouting } from '../routing/routing.repo.ts'
import { insertMessageRow } from '../tickets/message.repo.ts'
import type { TicketRef, Viewer } from '../tickets/ticket-access.ts'
import { lockVisibleTicket } from '../tickets/ticket-access.ts'
import { updateTicketRow } from '../tickets/ticket.repo.ts'
import type { TicketRow, TicketUpdate } from '../tickets/ticket.table.ts'
import { escalationNoteText } from './escalation-note.ts'
import { notifyEscalation } from './notify-escalation.ts'
import { toEscalationView } from './escalation.view.ts'

interface Target {
  teamId: string | null
  tier: number | null
  supervisor: boolean
  restricted: boolean
}

/**
 * Where the ticket goes next. Threats: the legal team (the routing key `legal`),
 * restricted; without a legal team, supervisors only. Otherwise the next step
 * of the escalation path of the team the ticket started from (tier 1 → 2 → 3),
 * then supervisors; a customer asking for a supervisor skips straight there.
 */
async function targetOf(trx: Trx, ticket: TicketRow, input: EscalateInput): Promise<Target> {
  if (THREAT_REASONS.includes(input.reason)) {
    const legal = await findCategoryTeam(trx, ticket.account_id, 'legal')

    return { teamId: legal ?? ticket.team_id, tier: null, supervisor: legal === undefined, restricted: true }
  }
  const earlier = await trx.selectFrom('escalations').select(['from_team_id', 'to_supervisor', 'reason']).where('ticket_id', '=', ticket.id).orderBy('id').execute()
  const path = earlier.filter((e) => !THREAT_REASONS.includes(e.reason as EscalateInput['reason']))
  if (path.some((e) => e.to_supervisor === 1)) throw new AppError('escalation.no_next_step')
  const origin = path[0]?.from_team_id ?? ticket.team_id
  const steps = origin ? escalationStepsOf(await findTeamRouting(trx, ticket.account_id, origin)) : []
  const step = input.reason === 'customer_requested_supervisor' ? undefined : steps[path.length]
  if (!step) return { teamId: ticket.team_id, tier: null, supervisor: true, restricted: false }

  return { teamId: step.teamId, tier: step.tier ?? null, supervisor: false, restricted: false }
}

/**
 * `POST /tickets/:id/escalate`: the ticket moves to the next step's team (its
 * assignee cleared, then routed within that team when it auto-assigns), with an
 * `ticket.escalated` event, an internal note, an escalations row (counted in
 * reports), and notifications for the receivers. A threat also raises the
 * priority to urgent and restricts who can see the ticket.
 */
export async function escalateTicket(deps: Deps, viewer: Viewer, ref: TicketRef, input: EscalateInput): Promise<EscalationView> {
  const at = deps.clock.now().toISOString()
  const result = await deps.transact(async (trx) => {
    const ticket = await lockVisibleTicket(trx, deps.dialect, viewer, ref)

    return escalateLocked(trx, deps, ticket, input, { kind: 'agent', id: viewer.agentId }, at)
  })
  deps.realtime.publish(viewer.accountId, ticketUpdated(result.ticket, ['escalation', 'teamId', 'assigneeId'], at))

  return toEscalationView(result.row, result.ticket)
}

/** The escalation itself, on a ticket the caller has locked (also used by automation's `escalate` action). */
export async function escalateLocked(trx: Trx, deps: Deps, ticket: TicketRow, input: EscalateInput, actor: EventInput['actor'], at: string): Promise<{ row: EscalationRow; ticket: TicketRow }> {
  if (ticket.status === 'closed') throw new AppError('ticket.closed')
  const target = await targetOf(trx, ticket, input)
  const escalationId = newId()
  const set: TicketUpdate = { assignee_id: null, updated_at: at, message_count: Number(ticket.message_count) + 1 }
  const base = { accountId: ticket.account_id, subjectType: 'ticket' as const, subjectId: ticket.id, actor, at }
  const events: EventInput[] = [{
    ...base, type: 'ticket.escalated', field: 'escalation',
    after: { escalationId, reason: input.reason, toTeamId: target.teamId, toTier: target.tier, toSupervisor: target.supervisor, restricted: target.restricted },
  }]
  if (ticket.assignee_id !== null) events.push({ ...base, type: 'ticket.assignee_changed', field: 'assigneeId', before: ticket.assignee_id, after: null })
  if (target.teamId !== ticket.team_id) {
    set.team_id = target.teamId
    events.push({ ...base, type: 'ticket.team_changed', field: 'teamId', before: ticket.team_id, after: target.teamId })
  }
  if (target.restricted && ticket.priority !== 'urgent') {
    set.priority = 'urgent'
    events.push({ ...base, type: 'ticket.priority_changed', field: 'priority', before: ticket.priority, after: 'urgent' })
  }
  const noteId = newId()
  await insertMessageRow(trx, {
    id: noteId, account_id: ticket.account_id, ticket_id: ticket.id, kind: 'note', author_kind: actor.kind === 'agent' ? 'agent' : 'system', author_agent_id: actor.kind === 'agent' ? (actor.id ?? null) : null,
    author_customer_id: null, channel: ticket.channel, body_text: escalationNoteText(input.reason, input.note, target.supervisor ? 'supervisor' : `team ${target.teamId ?? '-'}${target.tier ? ` (tier ${target.tier})` : ''}`, input.amount),
    body_html: null, external_id: null, delivery_status: null, delivery_error: null, metadata: JSON.stringify({ escalationId }), created_at: at,
  })
  events.push({ ...base, type: 'message.created', field: 'messages', after: { messageId: noteId, kind: 'note' } })
  await updateTicketRow(trx, ticket.account_id, ticket.id, set, parseJson<string[]>(ticket.tags, []))
  await recordEvents(trx, events)
  if (target.restricted) {
    await trx.insertInto('ticket_restrictions').values({ ticket_id: ticket.id, account_id: ticket.account_id, team_id: target.supervisor ? null : target.teamId, reason: input.reason, created_at: at })
      .onConflict((oc) => oc.column('ticket_id').doUpdateSet({ team_id: target.supervisor ? null : target.teamId, reason: input.reason })).execute()
  }
  const row = await trx.insertInto('escalations').values({
    id: escalationId, account_id: ticket.account_id, ticket_id: ticket.id, reason: input.reason, note: input.note, amount: input.amount ?? null,
    from_team_id: ticket.team_id, to_team_id: target.teamId, to_tier: target.tier, to_supervisor: target.supervisor ? 1 : 0,
    status: 'open', escalated_by: actor.id ?? null, created_at: at, resolved_at: null,
  }).returningAll().executeTakeFirstOrThrow()
  // SLA clocks follow the new priority; then routing within the receiving team (tier and up).
  let after = { ...ticket, ...set } as TicketRow
  await syncTicketSla(trx, after, { kind: 'updated', before: ticket }, at)
  if (!target.supervisor) after = (await routeTicket(trx, after, { at, dialect: deps.dialect, minTier: target.tier ?? undefined })).ticket
  await notifyEscalation(trx, after, row, target.supervisor || target.restricted, at)

  return { row, ticket: after }
}
