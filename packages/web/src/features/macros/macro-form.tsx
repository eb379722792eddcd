import { useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { FieldError, invalidProps, FormError } from '../automation/field-errors.tsx'
import { macros } from './macros-api.ts'
import type { MacroDraft, MacroView } from './macros-api.ts'
import { PLACEHOLDERS, insertAtCaret } from './placeholders.ts'
import { MacroActionsEditor } from './macro-actions-editor.tsx'

const FORM = 'macro'

interface Props {
  macro: MacroView | null
  /** Supervisors and admins may write shared macros; agents keep personal ones. */
  canShare: boolean
  onSaved(macro: MacroView): void
  onCancel(): void
}

/** Name, Japanese and English text, shared or personal; a picker puts {{placeholders}} at the caret. */
export function MacroForm({ macro, canShare, onSaved, onCancel }: Props) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<MacroDraft>(() => ({ name: macro?.name ?? '', bodyJa: macro?.bodyJa ?? '', bodyEn: macro?.bodyEn ?? '', shared: macro?.shared ?? false, actions: macro?.actions ?? [] }))
  const [placeholder, setPlaceholder] = useState<string>(PLACEHOLDERS[0])
  const [target, setTarget] = useState<'bodyJa' | 'bodyEn'>('bodyJa')
  const [error, setError] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)
  const areas = { bodyJa: useRef<HTMLTextAreaElement>(null), bodyEn: useRef<HTMLTextAreaElement>(null) }
  // On the latest draft, not the one of the last render: a placeholder inserted just before is kept.
  const change = (part: Partial<MacroDraft>) => setDraft((d) => ({ ...d, ...part }))

  const insertPlaceholder = () => {
    const area = areas[target].current
    const { text, caret } = insertAtCaret(draft[target] ?? '', `{{${placeholder}}}`, area?.selectionStart ?? null, area?.selectionEnd ?? null)
    // Rendered now rather than at the next frame, so the caret is put back in this same task: a caret
    // restored a frame later took the focus from the field the agent (or a test) had gone on to type in.
    flushSync(() => setDraft((d) => ({ ...d, [target]: text })))
    area?.focus()
    area?.setSelectionRange(caret, caret)
  }

  const save = async (event: FormEvent) => {
    event.preventDefault()
    setSaving(true)
    setError(null)
    try {
      onSaved(macro ? await macros.update(macro.id, draft) : await macros.create(draft))
    } catch (err) {
      setError(err)
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="card" onSubmit={save} aria-labelledby="macro-form-title" noValidate>
      <h3 id="macro-form-title">{macro ? t('macros.editTitle', { name: macro.name }) : t('macros.newTitle')}</h3>
      <FormError error={error} />
      <div className="row wrap">
        <label className="field grow">
          <span>{t('macros.name')}</span>
          <input autoFocus value={draft.name} onChange={(e) => change({ name: e.target.value })} {...invalidProps(error, 'name', FORM)} />
          <FieldError error={error} path="name" form={FORM} />
        </label>
        <label className="check">
          <input
            type="checkbox" checked={draft.shared} disabled={!canShare || macro !== null}
            onChange={(e) => change({ shared: e.target.checked })} aria-describedby="macro-shared-hint"
          />
          {t('macros.shared')}
        </label>
        <span className="muted small" id="macro-shared-hint">
          {macro ? t('macros.sharedFixed') : canShare ? t('macros.sharedHint') : t('macros.sharedSupervisorsOnly')}
        </span>
      </div>
      <div className="row wrap" role="group" aria-label={t('macros.placeholders')}>
        <label className="field">
          <span>{t('macros.placeholder')}</span>
          <select value={placeholder} onChange={(e) => setPlaceholder(e.target.value)}>
            {PLACEHOLDERS.map((p) => <option key={p} value={p}>{t(`macros.placeholderNames.${p.replace('.', '_')}`)} — {`{{${p}}}`}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('macros.insertInto')}</span>
          <select value={target} onChange={(e) => setTarget(e.target.value as 'bodyJa' | 'bodyEn')}>
            <option value="bodyJa">{t('macros.bodyJa')}</option>
            <option value="bodyEn">{t('macros.bodyEn')}</option>
          </select>
        </label>
        <button type="button" className="button-small" onClick={insertPlaceholder}>{t('macros.insertPlaceholder')}</button>
      </div>
      <div className="macro-bodies">
        {(['bodyJa', 'bodyEn'] as const).map((key) => (
          <label key={key} className="field">
            <span>{t(`macros.${key}`)}</span>
            <textarea
              ref={areas[key]} value={draft[key] ?? ''} onFocus={() => setTarget(key)}
              onChange={(e) => change({ [key]: e.target.value })} {...invalidProps(error, key, FORM)}
            />
            <FieldError error={error} path={key} form={FORM} />
          </label>
        ))}
      </div>
      <FieldError error={error} path="" form={FORM} exact />
      <p className="muted small">{t('macros.oneLanguageHint')}</p>
      <MacroActionsEditor value={draft.actions} onChange={(actions) => change({ actions })} error={error} form={FORM} />
      <div className="row">
        <button type="submit" className="button-primary" disabled={saving}>{saving ? t('settings.saving') : t('common.save')}</button>
        <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  )
}
