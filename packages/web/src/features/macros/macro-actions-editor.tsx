import { useTranslation } from 'react-i18next'
import type { MacroAction } from '@madoguchi/shared'
import { PRIORITIES, STATUSES } from '../../api/types.ts'
import type { TicketPriority } from '../../api/types.ts'
import { CommaListInput } from '../automation/comma-list-input.tsx'
import { FieldError } from '../automation/field-errors.tsx'

const TYPES = ['set_status', 'set_priority', 'add_tags'] as const satisfies readonly MacroAction['type'][]
const MAX = 5

function newAction(type: MacroAction['type']): MacroAction {
  if (type === 'set_status') return { type, value: 'pending' }
  if (type === 'set_priority') return { type, value: 'normal' }

  return { type, tags: [] }
}

interface Props {
  value: MacroAction[]
  onChange(next: MacroAction[]): void
  error: unknown
  form: string
}

/** Ticket changes a macro offers with its text; the agent sees them and decides when inserting it. */
export function MacroActionsEditor({ value, onChange, error, form }: Props) {
  const { t } = useTranslation()
  const set = (i: number, a: MacroAction | null) => onChange(a ? value.map((x, k) => (k === i ? a : x)) : value.filter((_, k) => k !== i))

  return (
    <fieldset className="rule-section">
      <legend>{t('macros.actions')}</legend>
      <p className="muted small">{t('macros.actionsHint')}</p>
      <ol className="rule-parts">
        {value.map((a, i) => (
          <li key={i} className="rule-part">
            <div className="row wrap">
              <label className="field">
                <span>{t('rules.actionType', { n: i + 1 })}</span>
                <select value={a.type} onChange={(e) => set(i, newAction(e.target.value as MacroAction['type']))}>
                  {TYPES.map((type) => <option key={type} value={type}>{t(`rules.actionTypes.${type}`)}</option>)}
                </select>
              </label>
              {a.type === 'set_status' && (
                <label className="field">
                  <span>{t('fields.status')}</span>
                  <select value={a.value} onChange={(e) => set(i, { ...a, value: e.target.value as typeof a.value })}>
                    {STATUSES.filter((s) => s !== 'new').map((s) => <option key={s} value={s}>{t(`statuses.${s}`)}</option>)}
                  </select>
                </label>
              )}
              {a.type === 'set_priority' && (
                <label className="field">
                  <span>{t('fields.priority')}</span>
                  <select value={a.value} onChange={(e) => set(i, { ...a, value: e.target.value as TicketPriority })}>
                    {PRIORITIES.map((p) => <option key={p} value={p}>{t(`priorities.${p}`)}</option>)}
                  </select>
                </label>
              )}
              {a.type === 'add_tags' && (
                <label className="field">
                  <span>{t('rules.tagsComma')}</span>
                  <CommaListInput value={a.tags} onChange={(tags) => set(i, { ...a, tags })} />
                </label>
              )}
              <button type="button" className="button-small" onClick={() => set(i, null)} aria-label={t('rules.removeAction', { n: i + 1 })}>
                {t('rules.remove')}
              </button>
            </div>
            <FieldError error={error} path={`actions.${i}`} form={form} />
          </li>
        ))}
      </ol>
      <button type="button" className="button-small" disabled={value.length >= MAX} onClick={() => onChange([...value, newAction('set_status')])}>
        {t('rules.addAction')}
      </button>
    </fieldset>
  )
}
