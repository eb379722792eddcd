import { useCallback, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { sla as slaApi } from '../../api/endpoints.ts'
import type { RealtimeEvent } from '../../api/types.ts'
import { formatDateTime } from '../../lib/format.ts'
import { Link } from '../../lib/router.tsx'
import { useAsync } from '../../lib/use-async.ts'
import { useRealtime } from '../../realtime/realtime-context.tsx'
import { useMe } from '../../session/session.tsx'
import { EmptyState, ErrorNotice, Loading } from '../../ui/feedback.tsx'
import { SlaBadge } from './sla-badge.tsx'

/** The inbox view's id (`/inbox/breaching-next`): not a ticket filter, a list of its own. */
export const BREACHING_NEXT_VIEW = 'breaching-next'
const REFRESH_MS = 60_000

/**
 * "Breaching next": running SLA targets, soonest due first (overdue on top), one
 * row per target as the API returns them. Read again on ticket changes (at most
 * every few seconds) and every minute, since new clocks start server-side.
 */
export function BreachingNextList() {
  const { t, i18n } = useTranslation()
  const me = useMe()
  const list = useAsync(() => slaApi.breachingNext(50), 'breaching-next')
  const { reload } = list
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null)
  const reloadSoon = useCallback(() => {
    if (pending.current) return
    pending.current = setTimeout(() => {
      pending.current = null
      reload()
    }, 2_000)
  }, [reload])
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS)

    return () => {
      clearInterval(timer)
      if (pending.current) clearTimeout(pending.current)
    }
  }, [reload])
  useRealtime((event: RealtimeEvent) => {
    if (event.type !== 'presence.changed') reloadSoon()
  }, reload)

  if (list.loading && !list.data) return <Loading />
  if (!list.data) return <ErrorNotice error={list.error} onRetry={reload} />

  return (
    <>
      <p className="list-summary muted">{t('sla.breachingNextHint')}</p>
      {list.error ? <ErrorNotice error={list.error} onRetry={reload} /> : null}
      {list.data.items.length === 0 ? (
        <EmptyState title={t('sla.breachingEmpty')} />
      ) : (
        <div className="breaching" data-testid="breaching-next">
          <ol aria-label={t('sla.listLabel')}>
            {list.data.items.map((item) => (
              <li key={`${item.ticketId}:${item.metric}`} data-ticket-number={item.number}>
                <Link to={`/tickets/${item.ticketId}`}>
                  <span className="ticket-number">#{item.number}</span>
                  <span className="ticket-subject">{item.subject}</span>
                  <SlaBadge sla={{ state: item.state, metric: item.metric, dueAt: item.dueAt }} />
                  <time className="breaching-due" dateTime={item.dueAt}>
                    {t('sla.dueAt', { date: formatDateTime(item.dueAt, i18n.language, me.timeZone) })}
                  </time>
                </Link>
              </li>
            ))}
          </ol>
        </div>
      )}
    </>
  )
}
