import type { EscalationView } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { isId } from '../lib/ids.ts'
import { toEscalationView } from './escalation.view.ts'

/**
 * A supervisor takes an open escalation up ("I have it"). The first one to
 * acknowledge keeps it: a second acknowledgement answers the escalation as it
 * is, so two supervisors clicking at once both see who has it.
 */
export async function acknowledgeEscalation(deps: Deps, principal: Principal, id: string): Promise<EscalationView> {
  if (!isId(id)) throw new AppError('escalation.not_found')
  const at = deps.clock.now().toISOString()
  await deps.db.updateTable('escalations').set({ acknowledged_at: at, acknowledged_by: principal.agentId })
    .where('account_id', '=', principal.accountId).where('id', '=', id).where('status', '=', 'open').where('acknowledged_at', 'is', null)
    .execute()
  const row = await deps.db
    .selectFrom('escalations')
    .innerJoin('tickets', 'tickets.id', 'escalations.ticket_id')
    .leftJoin('ticket_restrictions', 'ticket_restrictions.ticket_id', 'escalations.ticket_id')
    .selectAll('escalations')
    .select(['tickets.number', 'tickets.subject', 'tickets.assignee_id', 'ticket_restrictions.ticket_id as restricted_ticket'])
    .where('escalations.account_id', '=', principal.accountId)
    .where('escalations.id', '=', id)
    .executeTakeFirst()
  if (!row) throw new AppError('escalation.not_found')

  return toEscalationView(row, row, row.restricted_ticket !== null)
}
