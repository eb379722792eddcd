import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { notifications } from '../../api/endpoints.ts'
import type { NotificationView } from '../../api/endpoints.ts'
import type { RealtimeEvent } from '../../api/types.ts'
import { formatDateTime } from '../../lib/format.ts'
import { navigate } from '../../lib/router.tsx'
import type { AsyncState } from '../../lib/use-async.ts'
import { useAsync } from '../../lib/use-async.ts'
import { useRealtime } from '../../realtime/realtime-context.tsx'
import { useMe } from '../../session/session.tsx'
import { ErrorNotice } from '../../ui/feedback.tsx'
import { notificationText } from './notification-text.ts'
import './notifications.css'

/** The server keeps at most this many per list answer; the badge says "99+" past it. */
const BADGE_CAP = 99
const POLL_MS = 120_000
/** `ticket.updated` fields that come with new notifications: an escalation, automation's notify action, or its escalate action. */
const NOTIFYING_FIELDS = new Set(['escalation', 'notification', 'automation'])

/**
 * The bell in the header: unread count (GET /notifications?unread=true), a list
 * that opens under it, mark one or all read. Live: whatever creates notifications
 * also publishes a `ticket.updated` event (fields in NOTIFYING_FIELDS) to everyone
 * who may see the ticket, receivers included, so the count is read again then;
 * also after a reconnect, and every two minutes for what no event announces.
 */
export function NotificationBell() {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const unread = useAsync(() => notifications.list(true), 'unread')
  const all = useAsync(() => (open ? notifications.list(false) : Promise.resolve(null)), open ? 'open' : 'closed')
  const button = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLDivElement>(null)
  const panelId = useId()
  const reloadUnread = unread.reload
  const reloadAll = all.reload

  const refresh = useCallback(() => {
    reloadUnread()
    if (open) reloadAll()
  }, [reloadUnread, reloadAll, open])
  useRealtime((event: RealtimeEvent) => {
    if (event.type === 'ticket.updated' && event.fields.some((f) => NOTIFYING_FIELDS.has(f))) refresh()
  }, refresh)
  useEffect(() => {
    const timer = setInterval(reloadUnread, POLL_MS)

    return () => clearInterval(timer)
  }, [reloadUnread])

  // Close on a click outside or Escape; focus goes back to the bell.
  useEffect(() => {
    if (!open) return
    const onDown = (e: MouseEvent) => {
      if (!panel.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false)
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false)
        button.current?.focus()
      }
    }
    document.addEventListener('mousedown', onDown)
    document.addEventListener('keydown', onKey)

    return () => {
      document.removeEventListener('mousedown', onDown)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])

  const count = unread.data?.items.length ?? 0
  const markRead = async (n: NotificationView) => {
    if (n.readAt) return
    await notifications.markRead(n.id)
    const readAt = new Date().toISOString()
    all.setData((prev) => ({ items: (prev?.items ?? []).map((item) => (item.id === n.id ? { ...item, readAt } : item)) }))
    unread.setData((prev) => ({ items: (prev?.items ?? []).filter((item) => item.id !== n.id) }))
  }
  const markAll = async () => {
    await notifications.markAllRead()
    refresh()
  }

  return (
    <div className="bell">
      <button
        type="button"
        ref={button}
        className="button-quiet bell-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
        onClick={() => setOpen((v) => !v)}
        data-testid="notification-bell"
      >
        <svg className="bell-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {count > 0 && <span className="bell-count" aria-hidden="true" data-testid="notification-count">{count > BADGE_CAP ? `${BADGE_CAP}+` : count}</span>}
      </button>
      {open && (
        <div className="bell-panel" id={panelId} ref={panel} role="region" aria-label={t('notifications.title')} data-testid="notification-panel">
          <div className="bell-head">
            <h2 className="panel-title">{t('notifications.title')}</h2>
            {count > 0 && (
              <button type="button" className="button-small" onClick={() => void markAll().catch(() => unread.reload())}>
                {t('notifications.markAllRead')}
              </button>
            )}
          </div>
          <NotificationList state={all} onOpen={(n) => {
            void markRead(n).catch(() => undefined)
            setOpen(false)
            if (n.ticketId) navigate(`/tickets/${n.ticketId}`)
          }} onMarkRead={(n) => void markRead(n).catch(() => all.reload())} />
        </div>
      )}
    </div>
  )
}

interface ListProps {
  state: AsyncState<{ items: NotificationView[] } | null>
  onOpen(n: NotificationView): void
  onMarkRead(n: NotificationView): void
}

function NotificationList({ state, onOpen, onMarkRead }: ListProps) {
  const { t, i18n } = useTranslation()
  const me = useMe()
  if (!state.data) {
    return state.error ? <ErrorNotice error={state.error} onRetry={state.reload} /> : <p className="muted small" role="status">{t('common.loading')}</p>
  }
  if (state.data.items.length === 0) return <p className="muted small">{t('notifications.empty')}</p>

  return (
    <ul className="bell-list">
      {state.data.items.map((n) => {
        const text = notificationText(t, n)

        return (
          <li key={n.id} className={n.readAt ? 'is-read' : 'is-unread'} data-testid="notification" data-read={n.readAt ? 'true' : 'false'}>
            <button type="button" className="bell-item" onClick={() => onOpen(n)}>
              {!n.readAt && <span className="unread-tag">{t('notifications.unread')}</span>}
              <span>{text}</span>
              <time className="muted small" dateTime={n.createdAt}>{formatDateTime(n.createdAt, i18n.language, me.timeZone)}</time>
            </button>
            {!n.readAt && (
              <button type="button" className="button-small" onClick={() => onMarkRead(n)} aria-label={t('notifications.markReadOf', { text })} data-testid="notification-mark-read">
                {t('notifications.markRead')}
              </button>
            )}
          </li>
        )
      })}
    </ul>
  )
}
