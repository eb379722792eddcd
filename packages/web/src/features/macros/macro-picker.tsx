import { useId, useRef, useState } from 'react'
import type { RefObject } from 'react'
import { flushSync } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { useAsync } from '../../lib/use-async.ts'
import { useMe } from '../../session/session.tsx'
import { EmptyState, ErrorNotice, Loading } from '../../ui/feedback.tsx'
import { tickets } from '../../api/endpoints.ts'
import { allows } from '../automation/access.ts'
import { useDirectory } from '../admin/directory.ts'
import { describeAction } from '../automation/describe-rule.ts'
import { macros } from './macros-api.ts'
import type { MacroAction, RenderedMacro } from './macros-api.ts'
import { insertAtCaret } from './placeholders.ts'
import '../automation/settings.css'

interface Props {
  ticketId: string
  textarea: RefObject<HTMLTextAreaElement | null>
  text: string
  onChange(text: string): void
}

/**
 * "Insert macro" in the composer: the server fills the macro for this ticket,
 * the agent sees the text (and any placeholder left empty), and inserting only
 * puts it into the draft. Sending stays the agent's own act.
 */
export function MacroPicker(props: Props) {
  const { t } = useTranslation()
  const me = useMe()
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const toggle = useRef<HTMLButtonElement>(null)
  /** Closed without inserting (Cancel, Esc): back to the button, not lost on the page. */
  const cancel = () => {
    setOpen(false)
    toggle.current?.focus()
  }
  // Macros are for staff; a partner's request would be refused.
  if (!allows('staff', me.role)) return null

  return (
    <div className="macro-picker-wrap">
      <button ref={toggle} type="button" className="button-small" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        {t('macros.insertMacro')}
      </button>
      {open && <MacroPanel id={panelId} {...props} onDone={() => setOpen(false)} onCancel={cancel} />}
    </div>
  )
}

function MacroPanel({ id, ticketId, textarea, text, onChange, onDone, onCancel }: Props & { id: string; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation()
  const list = useAsync(() => macros.list(), 'macros')
  const [macroId, setMacroId] = useState('')
  const [locale, setLocale] = useState<'' | 'ja' | 'en'>('')
  const [rendered, setRendered] = useState<RenderedMacro | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [loading, setLoading] = useState(false)
  const [applyActions, setApplyActions] = useState(true)
  const directory = useDirectory()

  const preview = async (idToRender: string, lang: '' | 'ja' | 'en') => {
    setRendered(null)
    setError(null)
    if (!idToRender) return
    setLoading(true)
    try {
      setRendered(await macros.render(idToRender, ticketId, lang || undefined))
    } catch (err) {
      setError(err)
    } finally {
      setLoading(false)
    }
  }

  const insert = async () => {
    if (!rendered) return
    if (applyActions && rendered.actions.length > 0) {
      setError(null)
      try {
        await applyToTicket(ticketId, rendered.actions)
      } catch (err) {
        // Nothing inserted either: the agent retries, or unticks the changes.
        setError(err)

        return
      }
    }
    const area = textarea.current
    // An empty draft takes the text as it is; otherwise it goes where the caret was.
    const { text: next, caret } = text ? insertAtCaret(text, rendered.text, area?.selectionStart ?? null, area?.selectionEnd ?? null) : { text: rendered.text, caret: rendered.text.length }
    // Rendered now rather than at the next frame, so the caret is put back in this same task: restored a
    // frame later, it could move the caret under the agent's (or a test's) next keystrokes.
    flushSync(() => {
      onChange(next)
      onDone()
    })
    area?.focus()
    area?.setSelectionRange(caret, caret)
  }

  return (
    <div className="macro-picker" id={id} role="group" aria-label={t('macros.insertMacro')} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onCancel())}>
      {list.loading && !list.data ? <Loading /> : null}
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {list.data?.length === 0 && <EmptyState title={t('macros.none')}>{t('macros.noneInComposer')}</EmptyState>}
      {list.data && list.data.length > 0 && (
        <div className="row wrap">
          <label className="field grow">
            <span>{t('macros.choose')}</span>
            <select value={macroId} onChange={(e) => { setMacroId(e.target.value); void preview(e.target.value, locale) }}>
              <option value="">{t('macros.chooseOne')}</option>
              {list.data.map((m) => <option key={m.id} value={m.id}>{m.name}{m.shared ? '' : ` (${t('macros.personalLabel')})`}</option>)}
            </select>
          </label>
          <label className="field">
            <span>{t('macros.language')}</span>
            <select value={locale} onChange={(e) => { const v = e.target.value as '' | 'ja' | 'en'; setLocale(v); void preview(macroId, v) }}>
              <option value="">{t('macros.customerLanguage')}</option>
              <option value="ja">{t('languages.ja')}</option>
              <option value="en">{t('languages.en')}</option>
            </select>
          </label>
        </div>
      )}
      {loading && <Loading />}
      <ErrorNotice error={error} />
      {rendered && (
        <>
          <p className="small muted">{t('macros.previewFor', { language: t(`languages.${rendered.locale}`) })}</p>
          <div className="macro-preview" data-testid="macro-preview">{rendered.text}</div>
          {rendered.missing.length > 0 && (
            <p className="warning-text small" role="status">{t('macros.missing', { names: rendered.missing.map((m) => `{{${m}}}`).join(', ') })}</p>
          )}
          {rendered.actions.length > 0 && (
            <div className="macro-actions" data-testid="macro-actions">
              <p className="small">{t('macros.alsoChanges')}</p>
              <ul className="small">
                {rendered.actions.map((a, i) => <li key={i}>{describeAction(t, directory, a)}</li>)}
              </ul>
              <label className="check">
                <input type="checkbox" checked={applyActions} onChange={(e) => setApplyActions(e.target.checked)} />
                {t('macros.applyChanges')}
              </label>
            </div>
          )}
          <p className="muted small">{t('macros.notSentYet')}</p>
        </>
      )}
      <div className="row">
        <button type="button" className="button-primary" disabled={!rendered} onClick={() => void insert()}>
          {rendered && applyActions && rendered.actions.length > 0 ? t('macros.insertAndApply') : t('macros.insertIntoDraft')}
        </button>
        <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </div>
  )
}

/** The macro's changes through the ordinary ticket update (rights, events and triggers as for a manual change); tags are added to the current ones. */
async function applyToTicket(ticketId: string, actions: MacroAction[]): Promise<void> {
  const current = await tickets.get(ticketId)
  const patch: Parameters<typeof tickets.update>[1] = {}
  const tags = new Set(current.tags)
  for (const a of actions) {
    if (a.type === 'set_status') patch.status = a.value
    else if (a.type === 'set_priority') patch.priority = a.value
    else a.tags.forEach((tag) => tags.add(tag))
  }
  if (tags.size !== current.tags.length) patch.tags = [...tags]
  if (Object.keys(patch).length > 0) await tickets.update(ticketId, patch)
}
