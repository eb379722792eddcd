import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { BusinessCalendarView, CreateSlaPolicyInput, SlaConditions, SlaPolicyView } from '@madoguchi/shared'
import { CATEGORIES, CHANNELS, PRIORITIES } from '../../api/types.ts'
import { FieldError, invalidProps, FormError } from '../automation/field-errors.tsx'
import { slaPolicies } from './sla-api.ts'

const FORM = 'sla'
const TARGETS = ['firstResponseMinutes', 'nextResponseMinutes', 'resolutionMinutes'] as const

function draftOf(p: SlaPolicyView | null, nextPosition: number): CreateSlaPolicyInput {
  return {
    name: p?.name ?? '', calendarId: p?.calendarId ?? null, conditions: p?.conditions ?? {},
    firstResponseMinutes: p?.firstResponseMinutes ?? null, nextResponseMinutes: p?.nextResponseMinutes ?? null, resolutionMinutes: p?.resolutionMinutes ?? null,
    warningPercent: p?.warningPercent ?? 75, pauseOnHold: p?.pauseOnHold ?? true, position: p?.position ?? nextPosition, active: p?.active ?? true,
  }
}

interface Props {
  policy: SlaPolicyView | null
  nextPosition: number
  calendars: BusinessCalendarView[]
  onSaved(p: SlaPolicyView): void
  onCancel(): void
}

/** Which tickets (priority, VIP, channel, category), the targets in business minutes, and the calendar they count on. */
export function SlaPolicyForm({ policy, nextPosition, calendars, onSaved, onCancel }: Props) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState(() => draftOf(policy, nextPosition))
  const [error, setError] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)
  const set = (patch: Partial<CreateSlaPolicyInput>) => setDraft((d) => ({ ...d, ...patch }))

  /** A list left empty means "any" and is left out of the conditions. */
  const setList = <K extends 'priorities' | 'channels' | 'categories'>(key: K, value: string, on: boolean) => {
    const current = (draft.conditions[key] ?? []) as string[]
    const next = on ? [...current, value] : current.filter((x) => x !== value)
    const conditions: SlaConditions = { ...draft.conditions }
    if (next.length) (conditions as Record<string, unknown>)[key] = next
    else delete conditions[key]
    set({ conditions })
  }

  const save = async (event: FormEvent) => {
    event.preventDefault()
    setSaving(true)
    setError(null)
    try {
      onSaved(policy ? await slaPolicies.update(policy.id, draft) : await slaPolicies.create(draft))
    } catch (err) {
      setError(err)
    } finally {
      setSaving(false)
    }
  }

  const checks = (key: 'priorities' | 'channels' | 'categories', values: readonly string[], ns: string) => (
    <fieldset className="checks">
      <legend>{t(`slaAdmin.${key}`)} <span className="muted">({t('slaAdmin.noneIsAny')})</span></legend>
      {values.map((v) => (
        <label key={v} className="check">
          <input type="checkbox" checked={((draft.conditions[key] ?? []) as string[]).includes(v)} onChange={(e) => setList(key, v, e.target.checked)} />
          {t(`${ns}.${v}`)}
        </label>
      ))}
      <FieldError error={error} path={`conditions.${key}`} form={FORM} />
    </fieldset>
  )

  return (
    <form className="card" onSubmit={save} aria-labelledby="sla-form-title" noValidate>
      <h3 id="sla-form-title">{policy ? t('slaAdmin.editTitle', { name: policy.name }) : t('slaAdmin.newTitle')}</h3>
      <FormError error={error} />
      <div className="row wrap">
        <label className="field grow">
          <span>{t('slaAdmin.name')}</span>
          <input autoFocus value={draft.name} onChange={(e) => set({ name: e.target.value })} {...invalidProps(error, 'name', FORM)} />
          <FieldError error={error} path="name" form={FORM} />
        </label>
        <label className="field">
          <span>{t('slaAdmin.calendar')}</span>
          <select value={draft.calendarId ?? ''} onChange={(e) => set({ calendarId: e.target.value || null })} {...invalidProps(error, 'calendarId', FORM)}>
            <option value="">{t('slaAdmin.defaultCalendar')}</option>
            {calendars.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
          <FieldError error={error} path="calendarId" form={FORM} />
        </label>
        <label className="field">
          <span>{t('slaAdmin.position')}</span>
          <input type="number" min={0} value={draft.position} onChange={(e) => set({ position: Number(e.target.value) })} {...invalidProps(error, 'position', FORM)} />
          <FieldError error={error} path="position" form={FORM} />
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.active} onChange={(e) => set({ active: e.target.checked })} />
          {t('slaAdmin.active')}
        </label>
      </div>
      <fieldset className="rule-section">
        <legend>{t('slaAdmin.appliesTo')}</legend>
        {checks('priorities', PRIORITIES, 'priorities')}
        <label className="field">
          <span>{t('slaAdmin.vip')}</span>
          <select
            value={draft.conditions.vip === undefined ? 'any' : draft.conditions.vip ? 'vip' : 'not_vip'}
            onChange={(e) => {
              const conditions = { ...draft.conditions }
              if (e.target.value === 'any') delete conditions.vip
              else conditions.vip = e.target.value === 'vip'
              set({ conditions })
            }}
          >
            <option value="any">{t('slaAdmin.vipAny')}</option>
            <option value="vip">{t('slaAdmin.vipOnly')}</option>
            <option value="not_vip">{t('slaAdmin.notVip')}</option>
          </select>
        </label>
        {checks('channels', CHANNELS, 'channels')}
        {checks('categories', CATEGORIES, 'categories')}
      </fieldset>
      <fieldset className="rule-section">
        <legend>{t('slaAdmin.targets')}</legend>
        <p className="muted small">{t('slaAdmin.targetsHint')}</p>
        <div className="row wrap">
          {TARGETS.map((key) => (
            <label key={key} className="field">
              <span>{t(`slaAdmin.${key}`)}</span>
              <input
                type="number" min={1} value={draft[key] ?? ''} {...invalidProps(error, key, FORM)}
                onChange={(e) => set({ [key]: e.target.value === '' ? null : Number(e.target.value) })}
              />
              <span className="muted small">{draft[key] ? formatMinutes(t, draft[key]) : t('slaAdmin.noTarget')}</span>
              <FieldError error={error} path={key} form={FORM} />
            </label>
          ))}
          <label className="field">
            <span>{t('slaAdmin.warningPercent')}</span>
            <input type="number" min={1} max={99} value={draft.warningPercent} onChange={(e) => set({ warningPercent: Number(e.target.value) })} {...invalidProps(error, 'warningPercent', FORM)} />
            <FieldError error={error} path="warningPercent" form={FORM} />
          </label>
          <label className="check">
            <input type="checkbox" checked={draft.pauseOnHold} onChange={(e) => set({ pauseOnHold: e.target.checked })} />
            {t('slaAdmin.pauseOnHold')}
          </label>
        </div>
      </fieldset>
      <div className="row">
        <button type="submit" className="button-primary" disabled={saving}>{saving ? t('settings.saving') : t('common.save')}</button>
        <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  )
}

export function formatMinutes(t: (key: string, options?: Record<string, unknown>) => string, minutes: number): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60

  return h && m ? t('slaAdmin.hoursMinutes', { h, m }) : h ? t('slaAdmin.hours', { h }) : t('slaAdmin.minutes', { m })
}
