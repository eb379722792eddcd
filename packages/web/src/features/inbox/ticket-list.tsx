import { memo, useEffect, useRef } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { TicketView } from '../../api/types.ts'
import { Link, navigate } from '../../lib/router.tsx'
import { formatShort, formatDateTime } from '../../lib/format.ts'
import { useMe } from '../../session/session.tsx'
import { agentName, useDirectory } from '../admin/directory.ts'
import { useShortcuts } from '../../lib/shortcuts.ts'
import { SlaBadge } from '../sla/sla-badge.tsx'

const ROW_HEIGHT = 60

interface Props {
  rows: TicketView[]
  hasMore: boolean
  loadMore(): void
  /** The selected ticket's id (null: the first row). By id, not position, so a ticket arriving live above it does not move the selection to another customer. */
  selectedId: string | null
  onSelect(ticketId: string): void
}

/**
 * Only the rows on screen exist in the DOM (react-virtual), so a view of 10,000
 * tickets scrolls like one of 20. j/k move the selection (focus follows it),
 * Enter opens, r/n open with the reply/note composer ready.
 */
export function TicketList({ rows, hasMore, loadMore, selectedId, onSelect }: Props) {
  const { t, i18n } = useTranslation()
  const me = useMe()
  const directory = useDirectory()
  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: rows.length + (hasMore ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items[items.length - 1]?.index ?? 0
  const selected = Math.max(0, rows.findIndex((row) => row.id === selectedId))

  useEffect(() => {
    if (hasMore && lastIndex >= rows.length - 20) loadMore()
  }, [hasMore, lastIndex, rows.length, loadMore])

  const moveTo = (index: number) => {
    if (!rows.length) return
    const next = Math.max(0, Math.min(rows.length - 1, index))
    onSelect(rows[next]!.id)
    virtualizer.scrollToIndex(next, { align: 'auto' })
    // The row may only exist after the scroll renders it.
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"] a`)?.focus())
  }
  const open = (suffix = '') => {
    const ticket = rows[selected]
    if (ticket) navigate(`/tickets/${ticket.id}${suffix}`)
  }
  useShortcuts({
    j: () => moveTo(selected + 1),
    k: () => moveTo(selected - 1),
    ArrowDown: () => moveTo(selected + 1),
    ArrowUp: () => moveTo(selected - 1),
    Enter: () => open(),
    r: () => open('?compose=reply'),
    n: () => open('?compose=note'),
  })

  return (
    <div className="ticket-list" ref={scroller} data-testid="ticket-list">
      <ul style={{ height: virtualizer.getTotalSize() }} aria-label={t('inbox.listLabel')}>
        {items.map((item) => {
          const ticket = rows[item.index]
          if (!ticket) {
            return (
              <li key="more" className="ticket-row ticket-row-more" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
                {t('common.loadingMore')}
              </li>
            )
          }

          return (
            <TicketRow
              key={ticket.id}
              ticket={ticket}
              index={item.index}
              start={item.start}
              selected={item.index === selected}
              assignee={ticket.assigneeId === me.id ? t('inbox.you') : (agentName(directory, ticket.assigneeId) ?? t('inbox.unassigned'))}
              time={formatShort(ticket.updatedAt, i18n.language, me.timeZone)}
              timeTitle={formatDateTime(ticket.updatedAt, i18n.language, me.timeZone)}
              onSelect={onSelect}
              t={t}
            />
          )
        })}
      </ul>
    </div>
  )
}

interface RowProps {
  ticket: TicketView
  index: number
  start: number
  selected: boolean
  assignee: string
  time: string
  timeTitle: string
  onSelect(ticketId: string): void
  t: TFunction
}

/** Memoized: while scrolling, rows already on screen only move, they do not re-render. */
const TicketRow = memo(function TicketRow({ ticket, index, start, selected, assignee, time, timeTitle, onSelect, t }: RowProps) {
  return (
    <li
      data-index={index}
      data-ticket-number={ticket.number}
      className={`ticket-row${selected ? ' is-selected' : ''}`}
      style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
      aria-current={selected ? 'true' : undefined}
    >
      <Link to={`/tickets/${ticket.id}`} onFocus={() => onSelect(ticket.id)}>
        <span className="ticket-number">#{ticket.number}</span>
        <span className="ticket-main">
          <span className="ticket-subject">{ticket.subject}</span>
          <span className="ticket-meta">
            <SlaBadge compact sla={{ state: ticket.slaState, metric: ticket.slaMetric, dueAt: ticket.slaDueAt, paused: ticket.slaPaused }} />
            {ticket.customer.displayName}
            {ticket.customer.isVip && <span className="badge badge-vip">{t('customer.vip')}</span>}
            {ticket.customer.handleWithCare && <span className="badge badge-care">{t('customer.care')}</span>}
            <span className="muted"> · {t(`channels.${ticket.channel}`)}</span>
          </span>
        </span>
        <span className={`pill status-${ticket.status}`}>{t(`statuses.${ticket.status}`)}</span>
        <span className={`pill priority-${ticket.priority}`}>{t(`priorities.${ticket.priority}`)}</span>
        <span className="ticket-assignee">{assignee}</span>
        <time className="ticket-time" dateTime={ticket.updatedAt} title={timeTitle}>
          {time}
        </time>
      </Link>
    </li>
  )
})
