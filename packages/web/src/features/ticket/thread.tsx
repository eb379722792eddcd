import { useTranslation } from 'react-i18next'
import type { MessageView, TicketEventView } from '../../api/types.ts'
import { formatDateTime } from '../../lib/format.ts'
import { useMe } from '../../session/session.tsx'
import type { Directory } from '../admin/directory.ts'
import { agentName, teamName, useDirectory } from '../admin/directory.ts'
import { escalationEventText } from '../escalation/escalation-target.ts'
import { MessageBody } from './message-body.tsx'

type Entry = { at: string; id: string } & ({ message: MessageView } | { event: TicketEventView })

// Messages already show themselves; their "created" events would only repeat them.
const HIDDEN_EVENTS = new Set(['message.created'])

/** Messages and change events as one story, oldest first (ids are time-ordered UUIDv7). */
export function mergeThread(messages: MessageView[], events: TicketEventView[]): Entry[] {
  const entries: Entry[] = [
    ...messages.map((message) => ({ at: message.createdAt, id: message.id, message })),
    ...events.filter((e) => !HIDDEN_EVENTS.has(e.type)).map((event) => ({ at: event.createdAt, id: event.id, event })),
  ]

  return entries.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))
}

export function Thread({ messages, events, customerName }: { messages: MessageView[]; events: TicketEventView[]; customerName: string }) {
  const { t } = useTranslation()
  const entries = mergeThread(messages, events)
  if (entries.length === 0) return <p className="muted">{t('ticket.emptyThread')}</p>

  return (
    <ol className="thread">
      {entries.map((entry) =>
        'message' in entry ? (
          <MessageItem key={entry.id} message={entry.message} customerName={customerName} />
        ) : (
          <EventItem key={entry.id} event={entry.event} />
        ),
      )}
    </ol>
  )
}

function MessageItem({ message, customerName }: { message: MessageView; customerName: string }) {
  const { t, i18n } = useTranslation()
  const me = useMe()
  const directory = useDirectory()
  const author =
    message.authorKind === 'customer' ? customerName
    : message.authorKind === 'agent' ? (agentName(directory, message.authorAgentId) ?? t('ticket.agent'))
    : t(`ticket.author.${message.authorKind}`)
  // Stored by the email channel: { id, filename, contentType, size, inline, refusedReason }.
  const attachments = Array.isArray(message.metadata.attachments)
    ? (message.metadata.attachments as { id?: string; filename?: string | null; size?: number; refusedReason?: string | null }[])
    : []

  return (
    <li className={`message message-${message.kind}`} data-kind={message.kind} data-testid={`message-${message.kind}`}>
      <div className="message-head">
        <span className={`message-label label-${message.kind}`}>{t(`ticket.kind.${message.kind}`)}</span>
        <span className="message-author">{author}</span>
        <span className="muted"> · {t(`channels.${message.channel}`)}</span>
        <time className="muted message-time" dateTime={message.createdAt}>
          {formatDateTime(message.createdAt, i18n.language, me.timeZone)}
        </time>
      </div>
      {message.kind === 'note' && <p className="note-warning">{t('ticket.noteNotSent')}</p>}
      <MessageBody message={message} authorName={author} />
      {attachments.length > 0 && (
        <ul className="attachments" aria-label={t('ticket.attachments')}>
          {attachments.map((a, i) => (
            <li key={a.id ?? i}>
              {a.id && !a.refusedReason ? (
                <a href={`/api/v1/attachments/${encodeURIComponent(a.id)}`} download={a.filename ?? undefined}>
                  {a.filename || t('ticket.attachment')}
                </a>
              ) : (
                <span>{a.filename || t('ticket.attachment')}</span>
              )}
              {typeof a.size === 'number' && <span className="muted"> ({Math.max(1, Math.round(a.size / 1024))} KB)</span>}
              {a.refusedReason && <span className="muted"> — {t('ticket.attachmentRefused', { reason: a.refusedReason })}</span>}
            </li>
          ))}
        </ul>
      )}
      {message.kind === 'outbound' && message.deliveryStatus && (
        <p className={`delivery delivery-${message.deliveryStatus}`}>
          {t(`ticket.delivery.${message.deliveryStatus}`, { defaultValue: message.deliveryStatus })}
          {message.deliveryError ? ` — ${message.deliveryError}` : ''}
        </p>
      )}
    </li>
  )
}

function describeValue(value: unknown, field: string | null, directory: Directory, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (value === null || value === undefined || value === '') return t('ticket.none')
  if (typeof value === 'string') {
    if (field === 'status') return t(`statuses.${value}`, { defaultValue: value })
    if (field === 'priority') return t(`priorities.${value}`, { defaultValue: value })
    if (field === 'category') return t(`categories.${value}`, { defaultValue: value })
    if (field === 'assigneeId' || field === 'assignee_id' || field === 'assignee') return agentName(directory, value) ?? value
    if (field === 'teamId' || field === 'team_id' || field === 'team') return teamName(directory, value) ?? value

    return value
  }
  if (Array.isArray(value)) return value.map(String).join(', ') || t('ticket.none')

  return JSON.stringify(value)
}

function EventItem({ event }: { event: TicketEventView }) {
  const { t, i18n } = useTranslation()
  const me = useMe()
  const directory = useDirectory()
  const actor = event.actor.kind === 'agent' ? (agentName(directory, event.actor.id) ?? t('ticket.agent')) : t(`ticket.author.${event.actor.kind}`)
  const fieldLabel = !event.field ? ''
    : event.field.startsWith('customFields.') ? event.field.slice('customFields.'.length)
    : t(`fields.${event.field}`, { defaultValue: event.field })
  const text =
    event.type === 'ticket.created' ? t('ticket.event.created', { actor })
    : event.type === 'ticket.escalated' ? escalationEventText(t, directory, actor, event.after)
    : event.field ? t('ticket.event.changed', {
        actor,
        field: fieldLabel,
        before: describeValue(event.before, event.field, directory, t),
        after: describeValue(event.after, event.field, directory, t),
      })
    : t('ticket.event.other', { actor, type: event.type })

  return (
    <li className={event.type === 'ticket.escalated' ? 'event event-escalated' : 'event'} data-testid="event" data-type={event.type}>
      <span>{text}</span>
      <time className="muted" dateTime={event.createdAt}>
        {formatDateTime(event.createdAt, i18n.language, me.timeZone)}
      </time>
    </li>
  )
}
