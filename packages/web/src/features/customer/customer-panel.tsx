import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { tickets } from '../../api/endpoints.ts'
import type { CustomerView, TicketView } from '../../api/types.ts'
import { daysUntilAnniversary, formatDate, formatMoney } from '../../lib/format.ts'
import { useAsync } from '../../lib/use-async.ts'
import { Link } from '../../lib/router.tsx'
import { useMe } from '../../session/session.tsx'
import { ErrorNotice, Loading } from '../../ui/feedback.tsx'
import { CopyButton } from '../../ui/copy-button.tsx'
import { ContactList } from './contact-list.tsx'
import { CustomerEditForm } from './customer-edit-form.tsx'
import { MergeCustomer } from './merge-customer.tsx'

/** Birthdays and anniversaries this close are worth a word in the reply. */
const NEAR_DAYS = 14

interface Props {
  customer: CustomerView
  onChange(customer: CustomerView): void
  currentTicketId?: string
  /** After a merge, with the customer that stays (default: onChange — a ticket moves with its customer). */
  onMerged?(survivor: CustomerView): void
}

/** Customer 360: who this is, how to address them, how to reach them, and their history. */
export function CustomerPanel({ customer, onChange, currentTicketId, onMerged }: Props) {
  const { t, i18n } = useTranslation()
  const me = useMe()
  const [editing, setEditing] = useState(false)
  const [merges, setMerges] = useState(0)
  const afterMerge = (survivor: CustomerView) => {
    setMerges((n) => n + 1)
    if (onMerged) onMerged(survivor)
    else onChange(survivor)
  }
  // Customer records are staff data: partners see them but do not change them (the API says 403).
  const canEdit = me.role !== 'partner'
  const kana = [customer.familyNameKana, customer.givenNameKana].filter(Boolean).join(' ')
  const fullName = [customer.familyName, customer.givenName].filter(Boolean).join(' ') || customer.displayName
  const dates = (['birthday', 'anniversary'] as const)
    .map((field) => ({ field, days: daysUntilAnniversary(customer[field], me.timeZone) }))
    .filter((d): d is { field: 'birthday' | 'anniversary'; days: number } => d.days !== null && d.days <= NEAR_DAYS)

  return (
    <aside className="customer-panel" aria-labelledby="customer-title" data-testid="customer-panel">
      <h2 id="customer-title" className="panel-title">
        {t('customer.title')}
      </h2>
      <div className="crn-row">
        <span className="muted">{t('customer.crn')}</span>
        <code data-testid="customer-crn">{customer.crn}</code>
        <CopyButton text={customer.crn} label={t('customer.copyCrn')} />
      </div>
      <p className="customer-name">
        {kana ? (
          <ruby>
            {fullName}
            <rp>(</rp>
            <rt>{kana}</rt>
            <rp>)</rp>
          </ruby>
        ) : (
          fullName
        )}
      </p>
      {kana && (
        <p className="small">
          <span className="muted">{t('customer.kana')}: </span>
          {kana}
        </p>
      )}
      {customer.preferredName && (
        <p className="small">
          <span className="muted">{t('customer.preferredName')}: </span>
          <strong>{customer.preferredName}</strong>
        </p>
      )}
      {customer.organization && <p className="small">{customer.organization}</p>}
      {dates.map(({ field, days }) => (
        <p key={field} className="date-near" data-testid={`near-${field}`}>
          {days === 0 ? t(`customer.${field}Today`) : t(`customer.${field}Soon`, { count: days })} ({customer[field]?.slice(5)})
        </p>
      ))}
      <dl className="facts">
        <dt>{t('customer.language')}</dt>
        <dd>{customer.language ? t(`languages.${customer.language}`, { defaultValue: customer.language }) : t('ticket.none')}</dd>
        <dt>{t('customer.lifetimeValue')}</dt>
        <dd>{formatMoney(customer.lifetimeValue, customer.currency, i18n.language)}</dd>
      </dl>
      <ContactList customer={customer} onChange={onChange} canEdit={canEdit} />
      {editing ? (
        <CustomerEditForm customer={customer} onSaved={(c) => { onChange(c); setEditing(false) }} onCancel={() => setEditing(false)} />
      ) : canEdit ? (
        <button type="button" className="button-small" onClick={() => setEditing(true)}>
          {t('customer.edit')}
        </button>
      ) : null}
      {(me.role === 'supervisor' || me.role === 'admin') && <MergeCustomer customer={customer} onMerged={afterMerge} />}
      <h3 className="panel-subtitle">{t('customer.history')}</h3>
      {/* Keyed by merges: the tickets of a merged-in duplicate join the timeline at once. */}
      <CustomerTimeline key={merges} customerId={customer.id} currentTicketId={currentTicketId} />
    </aside>
  )
}

/** The customer's tickets on every channel, newest first. */
function CustomerTimeline({ customerId, currentTicketId }: { customerId: string; currentTicketId?: string }) {
  const { t, i18n } = useTranslation()
  const me = useMe()
  const history = useAsync(() => tickets.list({ customerId }, null, 50), customerId)
  if (history.loading && !history.data) return <Loading />
  if (history.error) return <ErrorNotice error={history.error} onRetry={history.reload} />
  const items: TicketView[] = [...(history.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const others = items.filter((x) => x.id !== currentTicketId)
  if (others.length === 0) return <p className="muted small">{t('customer.noOtherTickets')}</p>

  return (
    <ol className="timeline" data-testid="customer-timeline">
      {others.map((ticket) => (
        <li key={ticket.id}>
          <time className="muted small" dateTime={ticket.createdAt}>
            {formatDate(ticket.createdAt, i18n.language, me.timeZone)}
          </time>
          <span className="small muted"> · {t(`channels.${ticket.channel}`)}</span>
          <Link to={`/tickets/${ticket.id}`}>
            #{ticket.number} {ticket.subject}
          </Link>
          <span className={`pill status-${ticket.status}`}>{t(`statuses.${ticket.status}`)}</span>
        </li>
      ))}
    </ol>
  )
}
