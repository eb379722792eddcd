import { useTranslation } from 'react-i18next'
import type { EscalationView } from '../../api/endpoints.ts'
import { formatDateTime } from '../../lib/format.ts'
import { useMe } from '../../session/session.tsx'
import { agentName, useDirectory } from '../admin/directory.ts'

/** Open / acknowledged by whom / resolved when, as a labelled pill (words, not colour alone). */
export function EscalationState({ escalation }: { escalation: EscalationView }) {
  const { t, i18n } = useTranslation()
  const me = useMe()
  const directory = useDirectory()
  const state = escalation.status === 'resolved' ? 'resolved' : escalation.acknowledgedAt ? 'acknowledged' : 'open'
  const text =
    state === 'resolved' ? t('escalation.status.resolved', { date: formatDateTime(escalation.resolvedAt, i18n.language, me.timeZone) })
    : state === 'acknowledged' ? t('escalation.status.acknowledged', { name: agentName(directory, escalation.acknowledgedBy) })
    : t('escalation.status.open')

  return <span className={`pill escalation-${state}`} data-testid="escalation-state" data-state={state}>{text}</span>
}
