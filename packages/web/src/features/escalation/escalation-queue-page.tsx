import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { escalations } from '../../api/endpoints.ts'
import type { EscalationView } from '../../api/endpoints.ts'
import type { RealtimeEvent } from '../../api/types.ts'
import { formatDateTime } from '../../lib/format.ts'
import { Link } from '../../lib/router.tsx'
import { useAsync } from '../../lib/use-async.ts'
import { useRealtime } from '../../realtime/realtime-context.tsx'
import { useMe } from '../../session/session.tsx'
import { EmptyState, ErrorNotice, Loading } from '../../ui/feedback.tsx'
import { useDirectory } from '../admin/directory.ts'
import { formatDuration } from '../sla/sla-badge.tsx'
import { useNow } from '../sla/use-now.ts'
import { EscalationState } from './escalation-state.tsx'
import { fromText, targetText } from './escalation-target.ts'
import { ESCALATION_REASONS } from './reasons.ts'
import './escalation.css'

type Tab = 'open' | 'resolved'

/** The supervisors' escalation queue: open ones oldest first, with acknowledge and resolve; counts by reason. */
export function EscalationQueuePage() {
  const { t } = useTranslation()
  const me = useMe()
  if (me.role !== 'supervisor' && me.role !== 'admin') return <EmptyState title={t('escalation.supervisorsOnly')} />

  return (
    <div className="escalation-page">
      <h1 className="page-title">{t('escalation.queue')}</h1>
      <EscalationCounts />
      <Queue />
    </div>
  )
}

function Queue() {
  const { t } = useTranslation()
  const [tab, setTab] = useState<Tab>('open')
  const queue = useAsync(() => escalations.queue(tab), tab)
  const [actionError, setActionError] = useState<unknown>(null)
  // Someone escalated (or a colleague acted): read the queue again.
  useRealtime((event: RealtimeEvent) => {
    if (event.type === 'ticket.updated' && (event.fields.includes('escalation') || event.fields.includes('automation'))) queue.reload()
  }, queue.reload)

  const act = async (e: EscalationView, action: 'acknowledge' | 'resolve') => {
    setActionError(null)
    try {
      const updated = await escalations[action](e.id)
      queue.setData((prev) => ({
        items: (prev?.items ?? []).flatMap((item) => (item.id !== e.id ? [item] : tab === 'open' && updated.status === 'resolved' ? [] : [updated])),
      }))
    } catch (err) {
      setActionError(err)
      queue.reload()
    }
  }

  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title" className="visually-hidden">{t('escalation.queue')}</h2>
      <div className="queue-tabs">
        {(['open', 'resolved'] as const).map((value) => (
          <button key={value} type="button" aria-pressed={tab === value} onClick={() => setTab(value)}>
            {value === 'open' ? t('escalation.openTab') : t('escalation.resolvedTab')}
          </button>
        ))}
      </div>
      {tab === 'open' && <p className="muted small">{t('escalation.queueHint')}</p>}
      <ErrorNotice error={actionError} />
      {queue.loading && !queue.data ? (
        <Loading />
      ) : !queue.data ? (
        <ErrorNotice error={queue.error} onRetry={queue.reload} />
      ) : queue.data.items.length === 0 ? (
        <EmptyState title={tab === 'open' ? t('escalation.queueEmpty') : t('escalation.resolvedEmpty')} />
      ) : (
        <QueueTable items={queue.data.items} onAct={act} />
      )}
    </section>
  )
}

function QueueTable({ items, onAct }: { items: EscalationView[]; onAct(e: EscalationView, action: 'acknowledge' | 'resolve'): void }) {
  const { t, i18n } = useTranslation()
  const me = useMe()
  const directory = useDirectory()
  const now = useNow()

  return (
    <table className="table" data-testid="escalation-queue">
      <thead>
        <tr>
          <th scope="col">{t('escalation.ticket')}</th>
          <th scope="col">{t('escalation.reason')}</th>
          <th scope="col">{t('escalation.from')}</th>
          <th scope="col">{t('escalation.to')}</th>
          <th scope="col">{t('escalation.age')}</th>
          <th scope="col">{t('escalation.state')}</th>
          <th scope="col">{t('escalation.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((e) => (
          <tr key={e.id} data-ticket-number={e.ticketNumber ?? undefined} data-testid="escalation-row">
            <td>
              <Link to={`/tickets/${e.ticketId}`}>#{e.ticketNumber} {e.ticketSubject}</Link>
              {e.restricted && <div><span className="restricted-tag">{t('escalation.restricted')}</span></div>}
              {e.note && <div className="muted small escalation-note">{e.note}</div>}
            </td>
            <td>{t(`escalation.reasons.${e.reason}`)}</td>
            <td>{fromText(t, directory, e.fromTeamId)}</td>
            <td>{targetText(t, directory, e)}</td>
            <td>
              <time dateTime={e.createdAt} title={formatDateTime(e.createdAt, i18n.language, me.timeZone)}>
                {formatDuration(t, (now - Date.parse(e.createdAt)) / 60_000)}
              </time>
            </td>
            <td><EscalationState escalation={e} /></td>
            <td>
              {e.status === 'open' && (
                <div className="row">
                  {!e.acknowledgedAt && (
                    <button type="button" className="button-small" onClick={() => onAct(e, 'acknowledge')} aria-label={t('escalation.acknowledgeTicket', { number: e.ticketNumber })}>
                      {t('escalation.acknowledge')}
                    </button>
                  )}
                  <button type="button" className="button-small button-primary" onClick={() => onAct(e, 'resolve')} aria-label={t('escalation.resolveTicket', { number: e.ticketNumber })}>
                    {t('escalation.resolve')}
                  </button>
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** How many escalations by reason (all time), as reports count them. */
function EscalationCounts() {
  const { t } = useTranslation()
  const counts = useAsync(() => escalations.counts(), 'counts')
  if (!counts.data) return counts.error ? <ErrorNotice error={counts.error} onRetry={counts.reload} /> : null

  return (
    <section className="card" aria-labelledby="counts-title">
      <h2 id="counts-title" className="panel-title">{t('escalation.counts')}</h2>
      <ul className="counts">
        <li><strong>{t('escalation.total', { count: counts.data.total })}</strong></li>
        {ESCALATION_REASONS.map((r) => (
          <li key={r}>{t(`escalation.reasons.${r}`)}: {counts.data!.byReason[r] ?? 0}</li>
        ))}
      </ul>
    </section>
  )
}
