import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { allPages, customers, tickets } from '../../api/endpoints.ts'
import type { RealtimeEvent } from '../../api/types.ts'
import { useAsync } from '../../lib/use-async.ts'
import { navigate, useLocation } from '../../lib/router.tsx'
import { useShortcuts } from '../../lib/shortcuts.ts'
import { formatDateTime } from '../../lib/format.ts'
import { usePresence, useRealtime } from '../../realtime/realtime-context.tsx'
import { useMe } from '../../session/session.tsx'
import { ErrorNotice, Loading } from '../../ui/feedback.tsx'
import { CareBanner } from '../customer/care-banner.tsx'
import { CustomerPanel } from '../customer/customer-panel.tsx'
import { TicketSlaSummary, useTicketSla } from '../sla/ticket-sla.tsx'
import { TicketEscalationBar } from '../escalation/ticket-escalation-bar.tsx'
import { TicketWorkPanel } from '../escalation/ticket-work-panel.tsx'
import { SuggestionsPanel } from '../knowledge/suggestions-panel.tsx'
import type { ComposeKind } from './composer.tsx'
import { Composer } from './composer.tsx'
import { PresenceBar } from './presence-bar.tsx'
import { Thread } from './thread.tsx'
import { TicketFields } from './ticket-fields.tsx'

/**
 * User Timing marks: "data arrived" when the later of ticket and thread lands, and
 * a measure to the first paint after it (the "renders in under 100 ms after
 * data arrives"; read by the e2e test, visible in any browser's performance panel).
 */
const DATA_MARK = 'madoguchi:ticket-data'
export const RENDER_MEASURE = 'madoguchi:ticket-render'
function markData<T>(value: T): T {
  performance.mark(DATA_MARK)

  return value
}

export function TicketPage({ ticketId }: { ticketId: string }) {
  const { t, i18n } = useTranslation()
  const me = useMe()
  const { search } = useLocation()
  const ticket = useAsync(() => tickets.get(ticketId).then(markData), ticketId)
  const thread = useAsync(
    () => Promise.all([allPages((c) => tickets.messages(ticketId, c)), allPages((c) => tickets.events(ticketId, c))]).then(markData),
    ticketId,
  )
  // Newest messages in view on open, and when something arrives while the agent is at the bottom.
  const threadBox = useRef<HTMLDivElement>(null)
  const pinnedToBottom = useRef(true)
  useLayoutEffect(() => {
    const box = threadBox.current
    if (box && pinnedToBottom.current) box.scrollTop = box.scrollHeight
  }, [thread.data])
  // The box shrinks when a presence line or an error appears above it: stay at the bottom.
  const hasTicket = ticket.data !== undefined
  useEffect(() => {
    const box = threadBox.current
    if (!box) return
    const observer = new ResizeObserver(() => {
      if (pinnedToBottom.current) box.scrollTop = box.scrollHeight
    })
    observer.observe(box)

    return () => observer.disconnect()
  }, [hasTicket])
  const measured = useRef(false)
  useEffect(() => {
    if (measured.current || !ticket.data || !thread.data) return
    measured.current = true
    // The frame after this commit is the one that shows it.
    requestAnimationFrame(() => setTimeout(() => performance.measure(RENDER_MEASURE, DATA_MARK)))
  }, [ticket.data, thread.data])
  // SLA clocks, read again whenever the ticket changes (a reply, a pause, a breach).
  const sla = useTicketSla(ticketId, ticket.data?.updatedAt)
  const customerId = ticket.data?.customer.id
  const customer = useAsync(() => (customerId ? customers.get(customerId) : Promise.resolve(undefined)), customerId ?? '')
  const requested = search.get('compose')
  const [kind, setKind] = useState<ComposeKind>(requested === 'note' ? 'note' : 'reply')
  const [focusToken, setFocusToken] = useState(requested ? 1 : 0)
  const [replying, setReplying] = useState(false)
  const [insertion, setInsertion] = useState<{ id: number; text: string } | null>(null)
  // The route may name the ticket by number (/tickets/123); presence and events use its id.
  const resolvedId = ticket.data?.id ?? null
  const viewers = usePresence(resolvedId, replying, me.id)

  // Changes by others arrive as events; after a reconnect, read everything again.
  const onEvent = useCallback((event: RealtimeEvent) => {
    if (event.type === 'presence.changed' || event.ticketId !== resolvedId) return
    ticket.reload()
    thread.reload()
    if (event.type === 'ticket.updated') customer.reload()
  }, [resolvedId, ticket, thread, customer])
  useRealtime(onEvent, () => {
    ticket.reload()
    thread.reload()
    customer.reload()
  })

  const compose = (k: ComposeKind) => {
    setKind(k)
    setFocusToken((n) => n + 1)
  }
  useShortcuts({ r: () => compose('reply'), n: () => compose('note'), Escape: () => navigate('/inbox/mine') })

  useEffect(() => {
    if (ticket.data) document.title = `#${ticket.data.number} ${ticket.data.subject} — Madoguchi`

    return () => {
      document.title = 'Madoguchi'
    }
  }, [ticket.data])

  if (ticket.loading && !ticket.data) return <Loading />
  if (!ticket.data) return <ErrorNotice error={ticket.error} onRetry={ticket.reload} />
  const current = ticket.data

  return (
    <div className="ticket-page">
      <div className="ticket-column">
        <header className="ticket-header">
          <h1 className="page-title">
            <span className="ticket-number">#{current.number}</span> {current.subject}
          </h1>
          <p className="muted small">
            {t(`channels.${current.channel}`)} · {t('ticket.createdAt', { date: formatDateTime(current.createdAt, i18n.language, me.timeZone) })}
          </p>
          <PresenceBar viewers={viewers} />
          <TicketFields key={current.id} ticket={current} onChange={ticket.setData} />
          <div className="ticket-work-row">
            <TicketSlaSummary state={sla} />
            <TicketEscalationBar
              ticketId={current.id}
              ticketNumber={current.number}
              onEscalated={() => {
                ticket.reload()
                thread.reload()
              }}
            />
          </div>
        </header>
        {customer.data ? <CareBanner customer={customer.data} /> : <CareBanner customer={{ ...current.customer, vipReason: null, careReason: null }} reasonsLoading={!customer.error} />}
        <div
          className="thread-scroll"
          ref={threadBox}
          // A scrolling region must be reachable by keyboard (arrow keys scroll it).
          tabIndex={0}
          role="region"
          aria-label={t('ticket.thread')}
          onScroll={(e) => {
            const box = e.currentTarget
            pinnedToBottom.current = box.scrollHeight - box.scrollTop - box.clientHeight < 40
          }}
        >
          {thread.error ? <ErrorNotice error={thread.error} onRetry={thread.reload} /> : null}
          {thread.data ? (
            <Thread messages={thread.data[0]} events={thread.data[1]} customerName={current.customer.displayName} />
          ) : (
            <Loading />
          )}
        </div>
        <Composer
          ticketId={current.id}
          kind={kind}
          onKindChange={setKind}
          onSent={() => {
            thread.reload()
            ticket.reload()
          }}
          onReplyingChange={setReplying}
          focusToken={focusToken}
          insertion={insertion}
        />
      </div>
      <div className="ticket-side">
        <TicketWorkPanel ticketId={current.id} version={current.updatedAt} sla={sla} />
        {customer.data ? (
          <CustomerPanel customer={customer.data} onChange={customer.setData} currentTicketId={current.id} />
        ) : customer.error ? (
          <aside className="customer-panel">
            <ErrorNotice error={customer.error} onRetry={customer.reload} />
          </aside>
        ) : (
          <aside className="customer-panel">
            <Loading />
          </aside>
        )}
        <SuggestionsPanel
          ticketId={current.id}
          onInsert={(text) => {
            setKind('reply')
            setInsertion((previous) => ({ id: (previous?.id ?? 0) + 1, text }))
          }}
        />
      </div>
    </div>
  )
}
