import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { BusinessCalendarView, CreateBusinessCalendarInput, WeeklyHours } from '@madoguchi/shared'
import { FieldError, invalidProps, FormError } from '../automation/field-errors.tsx'
import { WEEKDAYS } from '../automation/options.ts'
import { calendars } from './calendars-api.ts'
import { OpenDaysEditor } from './open-days-editor.tsx'

const FORM = 'calendar'
type Closure = CreateBusinessCalendarInput['closures'][number]
const OFFICE_HOURS = [{ start: '09:00', end: '18:00' }]
const WEEKDAY_HOURS: WeeklyHours = { sun: [], mon: OFFICE_HOURS, tue: OFFICE_HOURS, wed: OFFICE_HOURS, thu: OFFICE_HOURS, fri: OFFICE_HOURS, sat: [] }
const ZONES = ['Asia/Tokyo', 'UTC', 'Asia/Seoul', 'Asia/Shanghai', 'Asia/Singapore', 'Europe/London', 'America/New_York', 'America/Los_Angeles']

function draftOf(c: BusinessCalendarView | null): CreateBusinessCalendarInput {
  return {
    openDays: c?.openDays ?? [],
    name: c?.name ?? '', timeZone: c?.timeZone ?? 'Asia/Tokyo', weeklyHours: c?.weeklyHours ?? WEEKDAY_HOURS,
    useNationalHolidays: c?.useNationalHolidays ?? true, closures: c?.closures ?? [], isDefault: c?.isDefault ?? false,
  }
}

interface Props {
  calendar: BusinessCalendarView | null
  onSaved(c: BusinessCalendarView): void
  onCancel(): void
}

/**
 * Time zone, weekly hours, national holidays on/off, and closures: dates
 * (2026-08-13 … 2026-08-14) or the same days every year (12-29 … 01-03 for 年末年始).
 * One-off open days (over a holiday or closure) too.
 */
export function CalendarForm({ calendar, onSaved, onCancel }: Props) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState(() => draftOf(calendar))
  const [error, setError] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }))
  const setDay = (day: keyof WeeklyHours, intervals: WeeklyHours[keyof WeeklyHours]) => set({ weeklyHours: { ...draft.weeklyHours, [day]: intervals } })
  const setClosure = (i: number, c: Closure | null) => set({ closures: c ? draft.closures.map((x, k) => (k === i ? c : x)) : draft.closures.filter((_, k) => k !== i) })

  const save = async (event: FormEvent) => {
    event.preventDefault()
    setSaving(true)
    setError(null)
    try {
      onSaved(calendar ? await calendars.update(calendar.id, draft) : await calendars.create(draft))
    } catch (err) {
      setError(err)
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="card" onSubmit={save} aria-labelledby="calendar-form-title" noValidate>
      <h3 id="calendar-form-title">{calendar ? t('calendars.editTitle', { name: calendar.name }) : t('calendars.newTitle')}</h3>
      <FormError error={error} />
      <div className="row wrap">
        <label className="field grow">
          <span>{t('calendars.name')}</span>
          <input autoFocus value={draft.name} onChange={(e) => set({ name: e.target.value })} {...invalidProps(error, 'name', FORM)} />
          <FieldError error={error} path="name" form={FORM} />
        </label>
        <label className="field">
          <span>{t('calendars.timeZone')}</span>
          <input list="calendar-zones" value={draft.timeZone} onChange={(e) => set({ timeZone: e.target.value })} {...invalidProps(error, 'timeZone', FORM)} />
          <datalist id="calendar-zones">{ZONES.map((z) => <option key={z} value={z} />)}</datalist>
          <FieldError error={error} path="timeZone" form={FORM} />
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.useNationalHolidays} onChange={(e) => set({ useNationalHolidays: e.target.checked })} />
          {t('calendars.useNationalHolidays')}
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.isDefault} onChange={(e) => set({ isDefault: e.target.checked })} />
          {t('calendars.isDefault')}
        </label>
      </div>

      <fieldset className="rule-section">
        <legend>{t('calendars.weeklyHours')}</legend>
        <FieldError error={error} path="weeklyHours" form={FORM} exact />
        {WEEKDAYS.map((day) => (
          <div key={day} className="hours-day" role="group" aria-labelledby={`hours-${day}`}>
            <span id={`hours-${day}`}>{t(`calendars.weekdays.${day}`)}</span>
            <div>
              {draft.weeklyHours[day].length === 0 && <span className="muted small">{t('calendars.closed')} </span>}
              {draft.weeklyHours[day].map((interval, i) => (
                <span key={i} className="row">
                  <label>
                    <span className="visually-hidden">{t('calendars.opensAt', { day: t(`calendars.weekdays.${day}`), n: i + 1 })}</span>
                    <input size={5} placeholder="09:00" value={interval.start} onChange={(e) => setDay(day, draft.weeklyHours[day].map((x, k) => (k === i ? { ...x, start: e.target.value } : x)))} {...invalidProps(error, `weeklyHours.${day}.${i}.start`, FORM)} />
                  </label>
                  –
                  <label>
                    <span className="visually-hidden">{t('calendars.closesAt', { day: t(`calendars.weekdays.${day}`), n: i + 1 })}</span>
                    <input size={5} placeholder="18:00" value={interval.end} onChange={(e) => setDay(day, draft.weeklyHours[day].map((x, k) => (k === i ? { ...x, end: e.target.value } : x)))} {...invalidProps(error, `weeklyHours.${day}.${i}.end`, FORM)} />
                  </label>
                  <button type="button" className="button-small" onClick={() => setDay(day, draft.weeklyHours[day].filter((_, k) => k !== i))} aria-label={t('calendars.removeHours', { day: t(`calendars.weekdays.${day}`), n: i + 1 })}>
                    {t('rules.remove')}
                  </button>
                </span>
              ))}
              <button type="button" className="button-small" onClick={() => setDay(day, [...draft.weeklyHours[day], { start: '09:00', end: '18:00' }])} aria-label={t('calendars.addHoursTo', { day: t(`calendars.weekdays.${day}`) })}>
                {t('calendars.addHours')}
              </button>
              <FieldError error={error} path={`weeklyHours.${day}`} form={FORM} />
            </div>
          </div>
        ))}
      </fieldset>

      <fieldset className="rule-section">
        <legend>{t('calendars.closures')}</legend>
        <p className="muted small">{t('calendars.closuresHint')}</p>
        {draft.closures.length === 0 && <p className="muted small">{t('calendars.noClosures')}</p>}
        <ol className="rule-parts">
          {draft.closures.map((c, i) => (
            <li key={i} className="rule-part">
              <div className="row wrap">
                <label className="field">
                  <span>{t('calendars.from')}</span>
                  <input value={c.from} placeholder="12-29" onChange={(e) => setClosure(i, { ...c, from: e.target.value })} {...invalidProps(error, `closures.${i}.from`, FORM)} />
                </label>
                <label className="field">
                  <span>{t('calendars.to')}</span>
                  <input value={c.to} placeholder="01-03" onChange={(e) => setClosure(i, { ...c, to: e.target.value })} {...invalidProps(error, `closures.${i}.to`, FORM)} />
                </label>
                <label className="field">
                  <span>{t('calendars.nameJa')}</span>
                  <input value={c.name?.ja ?? ''} onChange={(e) => setClosure(i, withName(c, 'ja', e.target.value))} />
                </label>
                <label className="field">
                  <span>{t('calendars.nameEn')}</span>
                  <input value={c.name?.en ?? ''} onChange={(e) => setClosure(i, withName(c, 'en', e.target.value))} />
                </label>
                <button type="button" className="button-small" onClick={() => setClosure(i, null)} aria-label={t('calendars.removeClosure', { n: i + 1 })}>{t('rules.remove')}</button>
              </div>
              <FieldError error={error} path={`closures.${i}`} form={FORM} />
            </li>
          ))}
        </ol>
        <button type="button" className="button-small" onClick={() => set({ closures: [...draft.closures, { from: '', to: '' }] })}>{t('calendars.addClosure')}</button>
      </fieldset>
      <OpenDaysEditor value={draft.openDays} onChange={(openDays) => set({ openDays })} error={error} form={FORM} />
      <div className="row">
        <button type="submit" className="button-primary" disabled={saving}>{saving ? t('settings.saving') : t('common.save')}</button>
        <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  )
}

/** A closure's name needs Japanese; English is optional. Both empty: no name. */
function withName(c: Closure, lang: 'ja' | 'en', value: string): Closure {
  const name: Record<string, string> = { ...(c.name ?? {}) }
  if (value) name[lang] = value
  else delete name[lang]
  const next: Closure = { from: c.from, to: c.to }
  if (Object.keys(name).length) next.name = name as Closure['name']

  return next
}
