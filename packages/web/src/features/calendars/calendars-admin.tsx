import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BusinessCalendarView } from '@madoguchi/shared'
import { useAsync } from '../../lib/use-async.ts'
import { useMe } from '../../session/session.tsx'
import { EmptyState, ErrorNotice, Loading } from '../../ui/feedback.tsx'
import { canManage } from '../automation/access.ts'
import { calendars } from './calendars-api.ts'
import { CalendarForm } from './calendar-form.tsx'
import { YearView } from './year-view.tsx'
import { useReturnFocus } from '../automation/use-return-focus.ts'
import '../automation/settings.css'

/** Every agent may look at the calendars and their closed days; supervisors and admins change them. */
export function CalendarsAdmin() {
  const { t } = useTranslation()
  const me = useMe()
  const list = useAsync(() => calendars.list(), 'calendars')
  const [editing, setEditing] = useState<BusinessCalendarView | 'new' | null>(null)
  const creator = useReturnFocus<HTMLButtonElement>(editing !== null)
  const [viewing, setViewing] = useState<string | null>(null)
  const writer = canManage(me.role)
  const shown = list.data?.find((c) => c.id === viewing) ?? null

  const hoursText = (c: BusinessCalendarView) =>
    (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const)
      .filter((d) => c.weeklyHours[d].length)
      .map((d) => `${t(`calendars.weekdaysShort.${d}`)} ${c.weeklyHours[d].map((i) => `${i.start}–${i.end}`).join(', ')}`)
      .join(' / ')

  return (
    <div>
      <h2>{t('settings.calendars')}</h2>
      <p className="muted">{t('calendars.intro')}</p>
      {!writer && <p className="notice">{t('calendars.readOnly')}</p>}
      {writer && editing === null && (
        <button type="button" className="button-primary" ref={creator} onClick={() => setEditing('new')}>{t('calendars.create')}</button>
      )}
      {writer && editing !== null && (
        <CalendarForm
          key={editing === 'new' ? 'new' : editing.id}
          calendar={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null)
            setViewing(saved.id)
            list.reload()
          }}
        />
      )}
      {list.loading && !list.data ? <Loading /> : null}
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {list.data?.length === 0 && <EmptyState title={t('calendars.none')}>{t('calendars.noneHint')}</EmptyState>}
      {list.data && list.data.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">{t('settings.calendars')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calendars.name')}</th>
              <th scope="col">{t('calendars.timeZone')}</th>
              <th scope="col">{t('calendars.weeklyHours')}</th>
              <th scope="col">{t('calendars.closures')}</th>
              <th scope="col"><span className="visually-hidden">{t('settings.rowActions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((c) => (
              <tr key={c.id}>
                <td>{c.name}{c.isDefault && <span className="badge">{t('calendars.default')}</span>}</td>
                <td>{c.timeZone}</td>
                <td className="small">{hoursText(c)}{c.useNationalHolidays ? ` · ${t('calendars.nationalHolidaysClosed')}` : ''}</td>
                <td>{c.closures.length}</td>
                <td className="row">
                  <button type="button" className="button-small" aria-pressed={viewing === c.id} onClick={() => setViewing(c.id)} aria-label={t('calendars.yearOf', { name: c.name })}>{t('calendars.yearView')}</button>
                  {writer && <button type="button" className="button-small" onClick={() => setEditing(c)} aria-label={t('calendars.editOf', { name: c.name })}>{t('settings.edit')}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown && <YearView key={shown.id} calendar={shown} initialYear={new Date().getFullYear()} />}
    </div>
  )
}
