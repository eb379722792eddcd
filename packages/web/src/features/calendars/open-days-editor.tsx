import { useTranslation } from 'react-i18next'
import type { CreateBusinessCalendarInput } from '@madoguchi/shared'
import { FieldError, invalidProps } from '../automation/field-errors.tsx'

export type OpenDay = CreateBusinessCalendarInput['openDays'][number]

interface Props {
  value: OpenDay[]
  onChange(next: OpenDay[]): void
  error: unknown
  form: string
}

/**
 * One-off opening days over a holiday or closure (a Saturday before a launch,
 * a short 12/28). One stretch of hours here; empty hours mean the weekday's usual ones.
 */
export function OpenDaysEditor({ value, onChange, error, form }: Props) {
  const { t } = useTranslation()
  const set = (i: number, day: OpenDay | null) => onChange(day ? value.map((x, k) => (k === i ? day : x)) : value.filter((_, k) => k !== i))
  const setHours = (day: OpenDay, start: string, end: string): OpenDay => {
    const next: OpenDay = { date: day.date }
    if (day.name) next.name = day.name
    if (start || end) next.hours = [{ start, end }]

    return next
  }
  const setName = (day: OpenDay, ja: string): OpenDay => {
    const next: OpenDay = { date: day.date }
    if (day.hours) next.hours = day.hours
    if (ja) next.name = { ja }

    return next
  }

  return (
    <fieldset className="rule-section">
      <legend>{t('calendars.openDays')}</legend>
      <p className="muted small">{t('calendars.openDaysHint')}</p>
      <ol className="rule-parts">
        {value.map((day, i) => {
          const hours = day.hours?.[0]

          return (
            <li key={i} className="rule-part">
              <div className="row wrap">
                <label className="field">
                  <span>{t('calendars.date')}</span>
                  <input type="date" value={day.date} onChange={(e) => set(i, { ...day, date: e.target.value })} {...invalidProps(error, `openDays.${i}.date`, form)} />
                </label>
                <label className="field">
                  <span>{t('calendars.opens')}</span>
                  <input size={5} placeholder="09:00" value={hours?.start ?? ''} onChange={(e) => set(i, setHours(day, e.target.value, hours?.end ?? ''))} {...invalidProps(error, `openDays.${i}.hours`, form)} />
                </label>
                <label className="field">
                  <span>{t('calendars.closes')}</span>
                  <input size={5} placeholder="18:00" value={hours?.end ?? ''} onChange={(e) => set(i, setHours(day, hours?.start ?? '', e.target.value))} {...invalidProps(error, `openDays.${i}.hours`, form)} />
                </label>
                <label className="field">
                  <span>{t('calendars.nameJa')}</span>
                  <input value={day.name?.ja ?? ''} onChange={(e) => set(i, setName(day, e.target.value))} />
                </label>
                <button type="button" className="button-small" onClick={() => set(i, null)} aria-label={t('calendars.removeOpenDay', { n: i + 1 })}>{t('rules.remove')}</button>
              </div>
              <FieldError error={error} path={`openDays.${i}`} form={form} />
            </li>
          )
        })}
      </ol>
      <button type="button" className="button-small" onClick={() => onChange([...value, { date: '' }])}>{t('calendars.addOpenDay')}</button>
    </fieldset>
  )
}
