import { useTranslation } from 'react-i18next'
import type { AutomationCondition } from '@madoguchi/shared'
import { CATEGORIES, CHANNELS, PRIORITIES, STATUSES } from '../../api/types.ts'
import type { Directory } from '../admin/directory.ts'
import type { BusinessCalendarView } from '@madoguchi/shared'
import { CONDITION_FIELDS, CONDITION_TYPES, FIELD_OPS } from './options.ts'
import { FieldError } from './field-errors.tsx'
import { CommaListInput } from './comma-list-input.tsx'
import { fieldLabel } from './describe-rule.ts'

type FieldCondition = Extract<AutomationCondition, { type: 'field' }>

export function newCondition(type: AutomationCondition['type']): AutomationCondition {
  switch (type) {
    case 'field': return { type, field: 'status', op: 'equals', value: 'new' }
    case 'text_contains': return { type, value: '' }
    case 'customer': return { type, flag: 'vip', value: true }
    case 'business_hours': return { type, calendarId: null, open: false }
    case 'hours_in_status': return { type, hours: 72 }
  }
}

/** Values a ticket field can take, when there is a closed list of them. */
function choicesFor(field: string, d: Directory): { value: string; label: (t: (k: string) => string) => string }[] | null {
  const simple = (values: readonly string[], ns: string) => values.map((v) => ({ value: v, label: (t: (k: string) => string) => t(`${ns}.${v}`) }))
  if (field === 'status') return simple(STATUSES, 'statuses')
  if (field === 'priority') return simple(PRIORITIES, 'priorities')
  if (field === 'category') return simple(CATEGORIES, 'categories')
  if (field === 'channel') return simple(CHANNELS, 'channels')
  if (field === 'teamId') return d.teams.map((team) => ({ value: team.id, label: () => team.name }))
  if (field === 'assigneeId') return d.agents.map((a) => ({ value: a.id, label: () => a.name }))

  return null
}

interface Props {
  value: AutomationCondition
  index: number
  onChange(next: AutomationCondition): void
  onRemove(): void
  directory: Directory
  calendars: BusinessCalendarView[]
  error: unknown
  form: string
}

/** One condition of a rule: its kind first, then the inputs that kind needs. */
export function ConditionEditor({ value, index, onChange, onRemove, directory, calendars, error, form }: Props) {
  const { t } = useTranslation()
  const n = index + 1

  return (
    <li className="rule-part">
      <div className="row wrap">
        <label className="field">
          <span>{t('rules.conditionType', { n })}</span>
          <select value={value.type} onChange={(e) => onChange(newCondition(e.target.value as AutomationCondition['type']))}>
            {CONDITION_TYPES.map((type) => (
              <option key={type} value={type}>{t(`rules.conditionTypes.${type}`)}</option>
            ))}
          </select>
        </label>
        {value.type === 'field' && <FieldConditionInputs value={value} n={n} onChange={onChange} directory={directory} />}
        {value.type === 'text_contains' && (
          <label className="field">
            <span>{t('rules.containsText')}</span>
            <input value={value.value} required onChange={(e) => onChange({ ...value, value: e.target.value })} />
          </label>
        )}
        {value.type === 'customer' && (
          <>
            <label className="field">
              <span>{t('rules.flag')}</span>
              <select value={value.flag} onChange={(e) => onChange({ ...value, flag: e.target.value as 'vip' | 'handle_with_care' })}>
                <option value="vip">{t('rules.flags.vip')}</option>
                <option value="handle_with_care">{t('rules.flags.handle_with_care')}</option>
              </select>
            </label>
            <label className="field">
              <span>{t('rules.flagIs')}</span>
              <select value={value.value ? 'yes' : 'no'} onChange={(e) => onChange({ ...value, value: e.target.value === 'yes' })}>
                <option value="yes">{t('rules.yes')}</option>
                <option value="no">{t('rules.no')}</option>
              </select>
            </label>
          </>
        )}
        {value.type === 'business_hours' && (
          <>
            <label className="field">
              <span>{t('rules.when')}</span>
              <select value={value.open ? 'open' : 'closed'} onChange={(e) => onChange({ ...value, open: e.target.value === 'open' })}>
                <option value="open">{t('rules.duringHours')}</option>
                <option value="closed">{t('rules.outsideHours')}</option>
              </select>
            </label>
            <label className="field">
              <span>{t('rules.calendar')}</span>
              <select value={value.calendarId ?? ''} onChange={(e) => onChange({ ...value, calendarId: e.target.value || null })}>
                <option value="">{t('rules.defaultCalendar')}</option>
                {calendars.map((c) => (
                  <option key={c.id} value={c.id}>{c.name}</option>
                ))}
              </select>
            </label>
          </>
        )}
        {value.type === 'hours_in_status' && (
          <label className="field">
            <span>{t('rules.hoursInStatus')}</span>
            <input type="number" min={0} step={1} value={value.hours} onChange={(e) => onChange({ ...value, hours: Number(e.target.value) })} />
          </label>
        )}
        <button type="button" className="button-small" onClick={onRemove} aria-label={t('rules.removeCondition', { n })}>
          {t('rules.remove')}
        </button>
      </div>
      <FieldError error={error} path={`conditions.${index}`} form={form} />
    </li>
  )
}

function FieldConditionInputs({ value, n, onChange, directory }: { value: FieldCondition; n: number; onChange(c: AutomationCondition): void; directory: Directory }) {
  const { t } = useTranslation()
  const isCustom = value.field.startsWith('customFields.')
  const listOp = value.op === 'in' || value.op === 'not_in'
  const choices = value.op === 'contains' ? null : choicesFor(value.field, directory)
  const single = Array.isArray(value.value) ? (value.value[0] ?? '') : (value.value ?? '')
  const list = Array.isArray(value.value) ? value.value : value.value ? [value.value] : []

  const setOp = (op: FieldCondition['op']) => {
    const many = op === 'in' || op === 'not_in'
    onChange({ ...value, op, value: many ? list : single })
  }

  return (
    <>
      <label className="field">
        <span>{t('rules.field')}</span>
        <select
          value={isCustom ? 'customFields' : value.field}
          onChange={(e) => onChange({ ...value, field: e.target.value === 'customFields' ? 'customFields.key' : e.target.value, value: listOp ? [] : '' })}
        >
          {CONDITION_FIELDS.map((f) => (
            <option key={f} value={f}>{fieldLabel(t, f)}</option>
          ))}
          <option value="customFields">{t('rules.customFieldOption')}</option>
        </select>
      </label>
      {isCustom && (
        <label className="field">
          <span>{t('rules.customFieldKey')}</span>
          <input value={value.field.slice('customFields.'.length)} required onChange={(e) => onChange({ ...value, field: `customFields.${e.target.value}` })} />
        </label>
      )}
      <label className="field">
        <span>{t('rules.operator')}</span>
        <select value={value.op} onChange={(e) => setOp(e.target.value as FieldCondition['op'])}>
          {FIELD_OPS.map((op) => (
            <option key={op} value={op}>{t(`rules.ops.${op}`)}</option>
          ))}
        </select>
      </label>
      {choices && listOp ? (
        <fieldset className="checks">
          <legend>{t('rules.valuesOf', { n })}</legend>
          {choices.map((c) => (
            <label key={c.value} className="check">
              <input
                type="checkbox"
                checked={list.includes(c.value)}
                onChange={(e) => onChange({ ...value, value: e.target.checked ? [...list, c.value] : list.filter((x) => x !== c.value) })}
              />
              {c.label(t)}
            </label>
          ))}
        </fieldset>
      ) : choices ? (
        <label className="field">
          <span>{t('rules.value')}</span>
          <select value={single} onChange={(e) => onChange({ ...value, value: e.target.value || null })}>
            <option value="">{t('rules.empty')}</option>
            {choices.map((c) => (
              <option key={c.value} value={c.value}>{c.label(t)}</option>
            ))}
          </select>
        </label>
      ) : (
        <label className="field">
          <span>{listOp ? t('rules.valuesComma') : t('rules.value')}</span>
          {listOp ? (
            <CommaListInput value={list} onChange={(next) => onChange({ ...value, value: next })} />
          ) : (
            <input value={single} onChange={(e) => onChange({ ...value, value: e.target.value })} />
          )}
        </label>
      )}
    </>
  )
}
