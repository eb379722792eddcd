import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BusinessCalendarView, ClosedDayView } from '@madoguchi/shared'
import { useAsync } from '../../lib/use-async.ts'
import { EmptyState, ErrorNotice, Loading } from '../../ui/feedback.tsx'
import { calendars } from './calendars-api.ts'
import { weeksOf } from './month-grid.ts'

const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const

/** The calendar's year in the viewer's language: national holidays and its own closures, with their names. */
export function YearView({ calendar, initialYear }: { calendar: BusinessCalendarView; initialYear: number }) {
  const { t, i18n } = useTranslation()
  const [year, setYear] = useState(initialYear)
  const closed = useAsync(() => calendars.holidays(calendar.id, year), `${calendar.id}-${year}-${calendar.updatedAt}`)
  const lang = i18n.language === 'ja' ? 'ja' : 'en'
  const byDate = new Map<string, ClosedDayView>((closed.data?.days ?? []).map((d) => [d.date, d]))
  const weekdayName = (d: number) => new Intl.DateTimeFormat(i18n.language, { weekday: 'narrow', timeZone: 'UTC' }).format(new Date(Date.UTC(2023, 0, 1 + d)))
  const monthName = (m: number) => new Intl.DateTimeFormat(i18n.language, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, m, 1)))
  const dateText = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`))
  // Special opening days: the server leaves them out of the closed days; the grid shows them as open.
  const openDays = new Set(calendar.openDays.map((o) => o.date))
  const closedWeekly = (weekday: number) => calendar.weeklyHours[WEEKDAY_KEYS[weekday]!].length === 0

  return (
    <section className="card" aria-labelledby="year-view-title">
      <div className="row wrap">
        <h3 id="year-view-title">{t('calendars.yearTitle', { name: calendar.name, year })}</h3>
        <button type="button" className="button-small" onClick={() => setYear((y) => y - 1)} aria-label={t('calendars.previousYear')}>←</button>
        <label className="field">
          <span>{t('calendars.year')}</span>
          <input type="number" min={1948} max={9999} value={year} onChange={(e) => setYear(Number(e.target.value) || year)} />
        </label>
        <button type="button" className="button-small" onClick={() => setYear((y) => y + 1)} aria-label={t('calendars.nextYear')}>→</button>
      </div>
      <p className="muted small">{t('calendars.legend')}</p>
      {closed.loading && !closed.data ? <Loading /> : null}
      {closed.error ? <ErrorNotice error={closed.error} onRetry={closed.reload} /> : null}
      {closed.data && (
        <>
          <div className="year-grid">
            {Array.from({ length: 12 }, (_, m) => (
              <table key={m} className="month">
                <caption>{monthName(m)}</caption>
                <thead>
                  <tr>{Array.from({ length: 7 }, (_, d) => <th key={d} scope="col" abbr={t(`calendars.weekdays.${WEEKDAY_KEYS[d]}`)}>{weekdayName(d)}</th>)}</tr>
                </thead>
                <tbody>
                  {weeksOf(year, m).map((week, w) => (
                    <tr key={w}>
                      {week.map((day, d) => {
                        if (day === null) return <td key={d} />
                        const iso = `${year}-${String(m + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`
                        const hit = byDate.get(iso)
                        const open = openDays.has(iso)
                        const cls = open ? 'open-day' : hit ? 'closed-day' : closedWeekly(d) ? 'closed-weekly' : ''

                        return (
                          <td key={d} className={cls} title={hit?.name[lang]}>
                            {day}
                            {hit && <span className="visually-hidden"> {hit.name[lang]}</span>}
                            {open && <span className="visually-hidden"> {t('calendars.openThatDay')}</span>}
                          </td>
                        )
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          </div>
          <h4>{t('calendars.closedDays', { count: closed.data.days.length })}</h4>
          {closed.data.days.length === 0 && <EmptyState title={t('calendars.noClosedDays')} />}
          <ul className="closed-list plain" data-testid="closed-days">
            {closed.data.days.map((d) => (
              <li key={d.date}>
                <time dateTime={d.date}>{dateText(d.date)}</time> {d.name[lang]} <span className="muted small">({t(`calendars.kinds.${d.kind}`)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
