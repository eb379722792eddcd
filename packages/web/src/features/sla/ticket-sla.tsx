import { useTranslation } from 'react-i18next'
import { sla as slaApi } from '../../api/endpoints.ts'
import type { TicketSlaView } from '../../api/endpoints.ts'
import type { RealtimeEvent } from '../../api/types.ts'
import { formatDateTime } from '../../lib/format.ts'
import type { AsyncState } from '../../lib/use-async.ts'
import { useAsync } from '../../lib/use-async.ts'
import { useRealtime } from '../../realtime/realtime-context.tsx'
import { useMe } from '../../session/session.tsx'
import { ErrorNotice } from '../../ui/feedback.tsx'
import { formatDuration, SlaBadge } from './sla-badge.tsx'
import type { SlaInput } from './sla-status.ts'
import { useReloadOnChange } from './use-reload-on-change.ts'

/**
 * The ticket's clocks (GET /tickets/:id/sla), read again whenever the ticket
 * changes (`version` = its updatedAt: a reply, a status change) and when the SLA
 * job announces a warning or breach (`sla` field), which leaves the ticket as is.
 */
export function useTicketSla(ticketId: string, version: string | undefined): AsyncState<TicketSlaView> {
  const state = useAsync(() => slaApi.ofTicket(ticketId), ticketId)
  const { reload } = state
  useReloadOnChange(version, reload)
  useRealtime((event: RealtimeEvent) => {
    // The route may name the ticket by id or by number.
    const mine = event.type === 'ticket.updated' && (event.ticketId === ticketId || String(event.number) === ticketId)
    if (mine && event.fields.includes('sla')) reload()
  })

  return state
}

/** The badge for the whole ticket: the running clock due first (or the paused one), with its metric. */
export function ticketBadge(view: TicketSlaView): SlaInput {
  const running = view.clocks.filter((c) => c.achievedAt === null)
  const main = running.filter((c) => c.dueAt !== null).sort((a, b) => a.dueAt!.localeCompare(b.dueAt!))[0] ?? running[0]
  const left = running.map((c) => c.dueInMinutes).filter((m): m is number => m !== null)

  return {
    state: view.state, metric: main?.metric ?? null, dueAt: view.dueAt, paused: view.paused,
    pausedMinutesLeft: view.paused && left.length > 0 ? Math.min(...left) : null,
  }
}

/** One line under the ticket title: "SLA [At risk] First response · due in 20m". */
export function TicketSlaSummary({ state }: { state: AsyncState<TicketSlaView> }) {
  const { t } = useTranslation()
  if (state.error && !state.data) return <ErrorNotice error={state.error} onRetry={state.reload} />

  return (
    <p className="sla-summary" data-testid="ticket-sla">
      <span className="muted">{t('sla.label')}</span>
      {!state.data ? (
        <span className="muted small" role="status">{t('common.loading')}</span>
      ) : state.data.state === null ? (
        <span className="muted small">{t('sla.none')}</span>
      ) : (
        <SlaBadge sla={ticketBadge(state.data)} />
      )}
    </p>
  )
}

/** Every clock of the ticket, for the side panel: target, due / met / breached times. */
export function TicketSlaClocks({ state }: { state: AsyncState<TicketSlaView> }) {
  const { t, i18n } = useTranslation()
  const me = useMe()
  const view = state.data
  const when = (iso: string | null) => formatDateTime(iso, i18n.language, me.timeZone)

  return (
    <section className="side-section" aria-labelledby="sla-clocks-title">
      <h2 className="panel-title" id="sla-clocks-title">{t('sla.clocks')}</h2>
      {!view ? (
        state.error ? <ErrorNotice error={state.error} onRetry={state.reload} /> : <p className="muted small">{t('common.loading')}</p>
      ) : view.clocks.length === 0 ? (
        <p className="muted small">{t('sla.none')}</p>
      ) : (
        <ul className="sla-clocks">
          {view.clocks.map((clock) => (
            <li key={clock.metric} data-testid={`sla-clock-${clock.metric}`}>
              <SlaBadge
                sla={{ state: clock.state, metric: clock.metric, dueAt: clock.dueAt, paused: clock.paused && clock.achievedAt === null, pausedMinutesLeft: clock.dueInMinutes }}
              />
              <span className="muted small">
                {t('sla.target', { time: formatDuration(t, clock.targetMinutes) })}
                {clock.achievedAt ? ` · ${t('sla.metAt', { date: when(clock.achievedAt) })}`
                  : clock.dueAt ? ` · ${t('sla.dueAt', { date: when(clock.dueAt) })}` : ''}
                {clock.breachedAt ? ` · ${t('sla.breachedAt', { date: when(clock.breachedAt) })}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
