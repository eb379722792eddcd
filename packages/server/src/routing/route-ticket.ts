import type { RealtimeEvent } from '@madoguchi/shared'
import { recordEvents } from '../audit/record-event.ts'
import type { EventInput } from '../audit/record-event.ts'
import type { Trx } from '../db/database.ts'
import type { Dialect } from '../db/create-db.ts'
import { parseJson } from '../db/json.ts'
import { updateTicketRow } from '../tickets/ticket.repo.ts'
import type { TicketRow, TicketUpdate } from '../tickets/ticket.table.ts'
import { ticketLanguage } from './detect-language.ts'
import { pickAgent } from './pick-agent.ts'
import { customerLanguage, findCategoryTeam, findTeamRouting, loadCandidates, setLastAgent } from './routing.repo.ts'

export interface RouteOptions {
  at: string
  dialect: Dialect
  /** Assign even when the team does not auto-assign (explicit "route now", re-routing). */
  force?: boolean
  /** Never pick this agent (the one going offline). */
  exceptAgentId?: string
  actor?: EventInput['actor']
  /** Escalated to a tier: only agents of that tier or above. */
  minTier?: number
}

export interface Routed {
  ticket: TicketRow
  /** Why the ticket ended where it did (shown by POST /tickets/:id/route). */
  reason: 'assigned' | 'already_assigned' | 'no_team' | 'manual_team' | 'no_agent_available'
}

/** Tags `skill:<name>` name the skills a ticket needs. */
function requiredSkills(ticket: TicketRow): string[] {
  return parseJson<string[]>(ticket.tags, []).filter((t) => t.startsWith('skill:')).map((t) => t.slice('skill:'.length))
}

async function ticketText(trx: Trx, ticket: TicketRow): Promise<string> {
  const first = await trx.selectFrom('messages').select('body_text').where('ticket_id', '=', ticket.id).orderBy('id').limit(1).executeTakeFirst()

  return `${ticket.subject}\n${first?.body_text.slice(0, 2000) ?? ''}`
}

/**
 * Routes one ticket inside the caller's transaction: the category's owning team
 * when it has none, then (when the team auto-assigns, or `force`) an eligible
 * agent by the team's mode. Changes are logged as system events.
 */
export async function routeTicket(trx: Trx, ticket: TicketRow, o: RouteOptions): Promise<Routed> {
  const actor = o.actor ?? { kind: 'system' as const }
  const set: TicketUpdate = {}
  const events: EventInput[] = []
  const base = { accountId: ticket.account_id, subjectType: 'ticket' as const, subjectId: ticket.id, actor, at: o.at }
  let teamId = ticket.team_id
  if (teamId === null && ticket.category !== null) {
    const owner = await findCategoryTeam(trx, ticket.account_id, ticket.category)
    if (owner) {
      teamId = owner
      set.team_id = owner
      events.push({ ...base, type: 'ticket.team_changed', field: 'teamId', before: null, after: owner })
    }
  }
  let reason: Routed['reason'] = teamId === null ? 'no_team' : 'assigned'
  if (teamId !== null && ticket.assignee_id !== null) reason = 'already_assigned'
  if (reason === 'assigned' && teamId !== null) {
    // Locked on PostgreSQL so concurrent creations take round-robin turns one after the other.
    const settings = await findTeamRouting(trx, ticket.account_id, teamId, o.dialect === 'postgres')
    if (!o.force && settings?.auto_assign !== 1) reason = 'manual_team'
    else {
      const [candidates, language] = await Promise.all([
        loadCandidates(trx, ticket.account_id, teamId, ticket.channel, o.exceptAgentId, o.minTier),
        customerLanguage(trx, ticket.account_id, ticket.customer_id),
      ])
      const picked = candidates.length === 0 ? null : pickAgent(candidates, {
        language: ticketLanguage(language, language ? '' : await ticketText(trx, ticket)),
        skills: requiredSkills(ticket),
        respectCapacity: settings?.respect_capacity !== 0,
        mode: settings?.mode ?? 'round_robin',
        lastAgentId: settings?.last_agent_id ?? null,
      })
      if (picked) {
        set.assignee_id = picked.id
        events.push({ ...base, type: 'ticket.assignee_changed', field: 'assigneeId', before: ticket.assignee_id, after: picked.id })
        if (settings) await setLastAgent(trx, teamId, picked.id)
      } else reason = 'no_agent_available'
    }
  }
  if (events.length === 0) return { ticket, reason }
  set.updated_at = o.at
  await updateTicketRow(trx, ticket.account_id, ticket.id, set, parseJson<string[]>(ticket.tags, []))
  await recordEvents(trx, events)

  return { ticket: { ...ticket, ...set }, reason }
}

export function ticketUpdated(ticket: TicketRow, fields: string[], at: string): RealtimeEvent {
  return { type: 'ticket.updated', ticketId: ticket.id, number: Number(ticket.number), teamId: ticket.team_id, assigneeId: ticket.assignee_id, fields, at }
}
