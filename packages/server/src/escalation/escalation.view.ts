import type { EscalationView } from '@madoguchi/shared'
import type { TicketRow } from '../tickets/ticket.table.ts'
import type { EscalationRow } from './escalation.table.ts'

type TicketBits = Pick<TicketRow, 'number' | 'subject' | 'assignee_id'>

export function toEscalationView(row: EscalationRow & { restricted?: number | null }, ticket: TicketBits | null, restricted?: boolean): EscalationView {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    ticketNumber: ticket ? Number(ticket.number) : null,
    ticketSubject: ticket?.subject ?? null,
    reason: row.reason as EscalationView['reason'],
    note: row.note,
    amount: row.amount === null ? null : Number(row.amount),
    fromTeamId: row.from_team_id,
    toTeamId: row.to_team_id,
    toTier: row.to_tier === null ? null : Number(row.to_tier),
    toSupervisor: row.to_supervisor === 1,
    restricted: restricted ?? (row.reason === 'threat_legal' || row.reason === 'threat_physical'),
    status: row.status,
    escalatedBy: row.escalated_by,
    assigneeId: ticket?.assignee_id ?? null,
    createdAt: row.created_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
    resolvedAt: row.resolved_at,
  }
}
