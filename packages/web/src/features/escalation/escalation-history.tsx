import { useTranslation } from 'react-i18next'
import { escalations } from '../../api/endpoints.ts'
import { formatDateTime, formatMoney } from '../../lib/format.ts'
import { useAsync } from '../../lib/use-async.ts'
import { useMe } from '../../session/session.tsx'
import { ErrorNotice } from '../../ui/feedback.tsx'
import { agentName, useDirectory } from '../admin/directory.ts'
import { useReloadOnChange } from '../sla/use-reload-on-change.ts'
import { fromText, targetText } from './escalation-target.ts'
import { EscalationState } from './escalation-state.tsx'
import './escalation.css'

/** The ticket's escalations, oldest first, read again whenever the ticket changes (`version`). */
export function EscalationHistory({ ticketId, version }: { ticketId: string; version: string }) {
  const { t, i18n } = useTranslation()
  const me = useMe()
  const directory = useDirectory()
  const history = useAsync(() => escalations.ofTicket(ticketId), ticketId)
  const { reload } = history
  useReloadOnChange(version, reload)
  const items = history.data?.items

  return (
    <section className="side-section" aria-labelledby="escalation-history-title" data-testid="escalation-history">
      <h2 className="panel-title" id="escalation-history-title">{t('escalation.history')}</h2>
      {!items ? (
        history.error ? <ErrorNotice error={history.error} onRetry={reload} /> : <p className="muted small">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted small">{t('escalation.noHistory')}</p>
      ) : (
        <ol className="escalation-list">
          {items.map((e) => (
            <li key={e.id} className={e.restricted ? 'is-restricted' : undefined}>
              <strong>{t(`escalation.reasons.${e.reason}`)}</strong>
              <span className="small">{t('escalation.route', { from: fromText(t, directory, e.fromTeamId), to: targetText(t, directory, e) })}</span>
              {e.restricted && <span className="restricted-tag">{t('escalation.restricted')}</span>}
              {e.amount !== null && <span className="small">{t('escalation.amountValue', { amount: formatMoney(e.amount, 'JPY', i18n.language) })}</span>}
              {e.note && <span className="escalation-note">{e.note}</span>}
              <span className="muted small">
                {e.escalatedBy ? `${t('escalation.by', { name: agentName(directory, e.escalatedBy) })} · ` : ''}
                <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, i18n.language, me.timeZone)}</time>
              </span>
              <EscalationState escalation={e} />
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
