import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SlaPolicyView } from '@madoguchi/shared'
import { useAsync } from '../../lib/use-async.ts'
import { EmptyState, ErrorNotice, Loading } from '../../ui/feedback.tsx'
import { calendars as calendarsApi } from '../calendars/calendars-api.ts'
import { slaPolicies } from './sla-api.ts'
import { SlaPolicyForm, formatMinutes } from './sla-policy-form.tsx'
import { useReturnFocus } from '../automation/use-return-focus.ts'
import '../automation/settings.css'

/** SLA policies in the order they are tried: the first active one that matches a ticket applies. */
export function SlaAdmin() {
  const { t } = useTranslation()
  const list = useAsync(() => slaPolicies.list(), 'sla-policies')
  const calendars = useAsync(() => calendarsApi.list(), 'calendars')
  const [editing, setEditing] = useState<SlaPolicyView | 'new' | null>(null)
  const creator = useReturnFocus<HTMLButtonElement>(editing !== null)
  const [error, setError] = useState<unknown>(null)
  const items = list.data ?? []
  const calendarName = (id: string | null) => (id ? calendars.data?.find((c) => c.id === id)?.name ?? id.slice(-6) : t('slaAdmin.defaultCalendar'))
  const target = (m: number | null) => (m ? formatMinutes(t, m) : '—')

  const remove = async (p: SlaPolicyView) => {
    if (!window.confirm(t('slaAdmin.confirmDelete', { name: p.name }))) return
    setError(null)
    try {
      await slaPolicies.delete(p.id)
      list.setData((xs) => (xs ?? []).filter((x) => x.id !== p.id))
    } catch (err) {
      setError(err)
    }
  }

  const scope = (p: SlaPolicyView) => {
    const c = p.conditions
    const parts = [
      c.priorities?.map((x) => t(`priorities.${x}`)).join(', '),
      c.vip === undefined ? null : c.vip ? t('slaAdmin.vipOnly') : t('slaAdmin.notVip'),
      c.channels?.map((x) => t(`channels.${x}`)).join(', '),
      c.categories?.map((x) => t(`categories.${x}`)).join(', '),
    ].filter(Boolean)

    return parts.length ? parts.join(' · ') : t('slaAdmin.allTickets')
  }

  return (
    <div>
      <h2>{t('settings.sla')}</h2>
      <p className="muted">{t('slaAdmin.intro')}</p>
      <ErrorNotice error={error} />
      {calendars.error ? <ErrorNotice error={calendars.error} onRetry={calendars.reload} /> : null}
      {editing === null ? (
        <button type="button" className="button-primary" ref={creator} onClick={() => setEditing('new')}>{t('slaAdmin.create')}</button>
      ) : (
        <SlaPolicyForm
          key={editing === 'new' ? 'new' : editing.id}
          policy={editing === 'new' ? null : editing}
          nextPosition={items.length ? Math.max(...items.map((p) => p.position)) + 10 : 10}
          calendars={calendars.data ?? []}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            list.reload()
          }}
        />
      )}
      {list.loading && !list.data ? <Loading /> : null}
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {list.data?.length === 0 && <EmptyState title={t('slaAdmin.none')}>{t('slaAdmin.noneHint')}</EmptyState>}
      {items.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">{t('settings.sla')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('slaAdmin.position')}</th>
              <th scope="col">{t('slaAdmin.name')}</th>
              <th scope="col">{t('slaAdmin.appliesTo')}</th>
              <th scope="col">{t('slaAdmin.firstResponseMinutes')}</th>
              <th scope="col">{t('slaAdmin.nextResponseMinutes')}</th>
              <th scope="col">{t('slaAdmin.resolutionMinutes')}</th>
              <th scope="col">{t('slaAdmin.calendar')}</th>
              <th scope="col"><span className="visually-hidden">{t('settings.rowActions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id} className={p.active ? '' : 'is-inactive'}>
                <td>{p.position}</td>
                <td>{p.name}{p.active ? '' : ` (${t('slaAdmin.inactive')})`}</td>
                <td className="small">{scope(p)}</td>
                <td>{target(p.firstResponseMinutes)}</td>
                <td>{target(p.nextResponseMinutes)}</td>
                <td>{target(p.resolutionMinutes)}</td>
                <td>{calendarName(p.calendarId)}</td>
                <td className="row">
                  <button type="button" className="button-small" onClick={() => setEditing(p)} aria-label={t('slaAdmin.editOf', { name: p.name })}>{t('settings.edit')}</button>
                  <button type="button" className="button-small" onClick={() => void remove(p)} aria-label={t('slaAdmin.deleteOf', { name: p.name })}>{t('settings.delete')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
