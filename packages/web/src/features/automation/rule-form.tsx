import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { AutomationAction, AutomationCondition, BusinessCalendarView, RuleView, TriggerEvent } from '@madoguchi/shared'
import type { Directory } from '../admin/directory.ts'
import { automation } from './automation-api.ts'
import type { RuleDraft } from './automation-api.ts'
import { ActionEditor, newAction } from './action-editor.tsx'
import { ConditionEditor, newCondition } from './condition-editor.tsx'
import { FieldError, invalidProps, FormError } from './field-errors.tsx'
import { TRIGGER_EVENTS } from './options.ts'
import { eventLabel } from './describe-rule.ts'

const FORM = 'rule'

function draftOf(rule: RuleView | null, nextPosition: number): RuleDraft {
  if (!rule) return { name: '', kind: 'trigger', event: 'ticket.created', conditions: [], actions: [], position: nextPosition, active: true }

  return { name: rule.name, kind: rule.kind, event: rule.event, conditions: rule.conditions, actions: rule.actions, position: rule.position, active: rule.active }
}

interface Props {
  rule: RuleView | null
  nextPosition: number
  directory: Directory
  calendars: BusinessCalendarView[]
  macros: { id: string; name: string }[]
  onSaved(rule: RuleView): void
  onCancel(): void
}

/** Create or change a trigger (on an event) or a time rule (checked every few minutes). */
export function RuleForm({ rule, nextPosition, directory, calendars, macros, onSaved, onCancel }: Props) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<RuleDraft>(() => draftOf(rule, nextPosition))
  const [error, setError] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)
  const set = (patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const setCondition = (i: number, c: AutomationCondition | null) =>
    set({ conditions: c ? draft.conditions.map((x, k) => (k === i ? c : x)) : draft.conditions.filter((_, k) => k !== i) })
  const setAction = (i: number, a: AutomationAction | null) =>
    set({ actions: a ? draft.actions.map((x, k) => (k === i ? a : x)) : draft.actions.filter((_, k) => k !== i) })

  const save = async (event: FormEvent) => {
    event.preventDefault()
    setSaving(true)
    setError(null)
    try {
      const body = { ...draft, event: draft.kind === 'trigger' ? draft.event : null }
      if (rule) {
        const { kind: _kind, ...patch } = body
        onSaved(await automation.updateRule(rule.id, patch))
      } else {
        onSaved(await automation.createRule(body))
      }
    } catch (err) {
      setError(err)
    } finally {
      setSaving(false)
    }
  }

  const titleId = `${FORM}-title`

  return (
    <form className="card rule-form" onSubmit={save} aria-labelledby={titleId} noValidate>
      <h3 id={titleId}>{rule ? t('rules.editTitle', { name: rule.name }) : t('rules.newTitle')}</h3>
      <FormError error={error} />
      <div className="row wrap">
        <label className="field grow">
          <span>{t('rules.name')}</span>
          <input autoFocus value={draft.name} onChange={(e) => set({ name: e.target.value })} {...invalidProps(error, 'name', FORM)} />
          <FieldError error={error} path="name" form={FORM} />
        </label>
        <label className="field">
          <span>{t('rules.kind')}</span>
          <select value={draft.kind} disabled={rule !== null} onChange={(e) => set({ kind: e.target.value as RuleDraft['kind'] })} aria-describedby={`${FORM}-kind-hint`}>
            <option value="trigger">{t('rules.kinds.trigger')}</option>
            <option value="time">{t('rules.kinds.time')}</option>
          </select>
          <span className="muted small" id={`${FORM}-kind-hint`}>{draft.kind === 'time' ? t('rules.timeHint') : t('rules.triggerHint')}</span>
        </label>
        {draft.kind === 'trigger' && (
          <label className="field">
            <span>{t('rules.event')}</span>
            <select value={draft.event ?? ''} onChange={(e) => set({ event: e.target.value as TriggerEvent })} {...invalidProps(error, 'event', FORM)}>
              {TRIGGER_EVENTS.map((ev) => <option key={ev} value={ev}>{eventLabel(t, ev)}</option>)}
            </select>
            <FieldError error={error} path="event" form={FORM} />
          </label>
        )}
        <label className="field">
          <span>{t('rules.position')}</span>
          <input type="number" min={0} value={draft.position} onChange={(e) => set({ position: Number(e.target.value) })} {...invalidProps(error, 'position', FORM)} />
          <FieldError error={error} path="position" form={FORM} />
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.active} onChange={(e) => set({ active: e.target.checked })} />
          {t('rules.active')}
        </label>
      </div>

      <fieldset className="rule-section">
        <legend>{t('rules.conditions')}</legend>
        <p className="muted small">{draft.conditions.length === 0 ? t('rules.noConditions') : t('rules.allConditions')}</p>
        <ol className="rule-parts">
          {draft.conditions.map((c, i) => (
            <ConditionEditor
              key={i} value={c} index={i} directory={directory} calendars={calendars} error={error} form={FORM}
              onChange={(next) => setCondition(i, next)} onRemove={() => setCondition(i, null)}
            />
          ))}
        </ol>
        <button type="button" className="button-small" onClick={() => set({ conditions: [...draft.conditions, newCondition(draft.kind === 'time' ? 'hours_in_status' : 'field')] })}>
          {t('rules.addCondition')}
        </button>
        <FieldError error={error} path="conditions" form={FORM} exact />
      </fieldset>

      <fieldset className="rule-section">
        <legend>{t('rules.actions')}</legend>
        {draft.actions.length === 0 && <p className="muted small">{t('rules.needsAction')}</p>}
        <ol className="rule-parts">
          {draft.actions.map((a, i) => (
            <ActionEditor
              key={i} value={a} index={i} directory={directory} macros={macros} error={error} form={FORM}
              onChange={(next) => setAction(i, next)} onRemove={() => setAction(i, null)}
            />
          ))}
        </ol>
        <button type="button" className="button-small" onClick={() => set({ actions: [...draft.actions, newAction('add_tags', directory)] })}>
          {t('rules.addAction')}
        </button>
        <FieldError error={error} path="actions" form={FORM} exact />
      </fieldset>

      <div className="row">
        <button type="submit" className="button-primary" disabled={saving}>
          {saving ? t('settings.saving') : t('common.save')}
        </button>
        <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  )
}
