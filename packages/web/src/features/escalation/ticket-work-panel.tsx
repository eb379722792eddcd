import type { TicketSlaView } from '../../api/endpoints.ts'
import type { AsyncState } from '../../lib/use-async.ts'
import { TicketSlaClocks } from '../sla/ticket-sla.tsx'
import { EscalationHistory } from './escalation-history.tsx'

/** The ticket page's side section for SLA targets and escalations (above the customer panel). */
export function TicketWorkPanel({ ticketId, version, sla }: { ticketId: string; version: string; sla: AsyncState<TicketSlaView> }) {
  return (
    <div className="customer-panel work-panel" data-testid="work-panel">
      <TicketSlaClocks state={sla} />
      <EscalationHistory ticketId={ticketId} version={version} />
    </div>
  )
}
