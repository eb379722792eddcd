import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EscalationView } from '../../api/endpoints.ts'
import { navigate } from '../../lib/router.tsx'
import { useMe } from '../../session/session.tsx'
import { useDirectory } from '../admin/directory.ts'
import { EscalateAction } from './escalate-dialog.tsx'
import { targetText } from './escalation-target.ts'

/**
 * The Escalate action on the ticket page and what happened ("Escalated to …").
 * After a threat the ticket is restricted: an agent outside legal can no longer
 * open it, so they go back to their inbox instead of an error.
 */
export function TicketEscalationBar({ ticketId, ticketNumber, onEscalated }: { ticketId: string; ticketNumber: number; onEscalated(): void }) {
  const { t } = useTranslation()
  const me = useMe()
  const directory = useDirectory()
  const [done, setDone] = useState<string | null>(null)

  return (
    <div className="row escalation-bar">
      <EscalateAction
        ticketId={ticketId}
        ticketNumber={ticketNumber}
        onEscalated={(e: EscalationView) => {
          setDone(t('escalation.done', { target: targetText(t, directory, e) }))
          if (e.restricted && me.role !== 'supervisor' && me.role !== 'admin') navigate('/inbox/mine')
          else onEscalated()
        }}
      />
      <span role="status" className="small" data-testid="escalation-done">{done}</span>
    </div>
  )
}
