import { useEffect, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { tickets } from '../../api/endpoints.ts'
import type { MessageView } from '../../api/types.ts'
import { readStored, writeStored } from '../../lib/storage.ts'
import { ErrorNotice } from '../../ui/feedback.tsx'
import { MacroPicker } from '../macros/macro-picker.tsx'

export type ComposeKind = 'reply' | 'note'

/** getRandomValues works on plain-http intranet hosts too (randomUUID needs a secure context). */
function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')
}

const draftKey = (ticketId: string, kind: ComposeKind) => `draft.${ticketId}.${kind}`

/**
 * True when this Enter belongs to the input method: it confirms a kana-kanji
 * conversion and must never send. `isComposing` is the standard signal; keyCode
 * 229 covers browsers (Safari) that fire the confirming keydown after compositionend.
 */
export function isImeEnter(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
  return event.nativeEvent.isComposing || event.keyCode === 229
}

interface Props {
  ticketId: string
  kind: ComposeKind
  onKindChange(kind: ComposeKind): void
  onSent(message: MessageView): void
  /** Reply text present: other agents see "X is replying". */
  onReplyingChange(replying: boolean): void
  focusToken: number
  /** Text to add to the reply draft for the agent to edit (a knowledge-base article); each new `id` adds it once. */
  insertion?: { id: number; text: string } | null
}

/**
 * Reply and note composers. Each keeps its own draft in localStorage on every
 * keystroke, so a reload, a crash or a server error never loses what was typed.
 * Ctrl/⌘+Enter sends; plain Enter is a new line (and the IME's confirm key).
 */
export function Composer({ ticketId, kind, onKindChange, onSent, onReplyingChange, focusToken, insertion }: Props) {
  const { t } = useTranslation()
  const [drafts, setDrafts] = useState<Record<ComposeKind, string>>(() => ({
    reply: readStored(draftKey(ticketId, 'reply'), ''),
    note: readStored(draftKey(ticketId, 'note'), ''),
  }))
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const textarea = useRef<HTMLTextAreaElement>(null)
  // Same text sent again after a failure (timeout, network) reuses its key, so a
  // reply the server did receive is not posted twice.
  const attempt = useRef<{ kind: ComposeKind; text: string; key: string } | null>(null)
  const text = drafts[kind]

  useEffect(() => {
    if (focusToken > 0) textarea.current?.focus()
  }, [focusToken, kind])
  const inserted = useRef(0)
  useEffect(() => {
    if (!insertion || insertion.id === inserted.current) return
    inserted.current = insertion.id
    setDrafts((d) => {
      const reply = d.reply.trim() ? `${d.reply.trimEnd()}\n\n${insertion.text}` : insertion.text
      writeStored(draftKey(ticketId, 'reply'), reply)

      return { ...d, reply }
    })
    textarea.current?.focus()
  }, [insertion, ticketId])
  useEffect(() => {
    onReplyingChange(drafts.reply.trim().length > 0 && kind === 'reply')
  }, [drafts.reply, kind, onReplyingChange])

  const update = (value: string) => {
    setDrafts((d) => ({ ...d, [kind]: value }))
    writeStored(draftKey(ticketId, kind), value || null)
  }

  const send = async () => {
    if (!text.trim() || sending) return
    setSending(true)
    setError(null)
    const sentKind = kind
    if (attempt.current?.kind !== sentKind || attempt.current.text !== text) {
      attempt.current = { kind: sentKind, text, key: randomKey() }
    }
    try {
      const message = await tickets.post(ticketId, sentKind, text, attempt.current.key)
      attempt.current = null
      // Clear only what was sent: text typed while the request was in flight is a
      // new draft and must survive (it was wiped, and lost on reload, before).
      setDrafts((d) => (d[sentKind] === text ? { ...d, [sentKind]: '' } : d))
      if (readStored(draftKey(ticketId, sentKind), '') === text) writeStored(draftKey(ticketId, sentKind), null)
      onSent(message)
    } catch (err) {
      setError(err)
    } finally {
      setSending(false)
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || isImeEnter(event)) return
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault()
      void send()
    }
  }

  const label = kind === 'reply' ? t('composer.replyLabel') : t('composer.noteLabel')

  return (
    <section className={`composer composer-${kind}`} aria-label={t('composer.title')}>
      <div className="composer-tabs" role="tablist" aria-label={t('composer.title')}>
        {(['reply', 'note'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`composer-tab-${k}`}
            aria-selected={kind === k}
            aria-controls="composer-panel"
            className={kind === k ? 'is-active' : ''}
            onClick={() => onKindChange(k)}
          >
            {t(`composer.${k}`)}
            {drafts[k] && kind !== k ? (
              <>
                <span className="draft-dot" aria-hidden="true"> •</span>
                <span className="visually-hidden">{t('composer.hasDraft')}</span>
              </>
            ) : null}
          </button>
        ))}
      </div>
      <div id="composer-panel" role="tabpanel" aria-labelledby={`composer-tab-${kind}`}>
        {kind === 'note' && <p className="note-warning">{t('composer.noteHint')}</p>}
        <ErrorNotice error={error} />
        <MacroPicker ticketId={ticketId} textarea={textarea} text={text} onChange={update} />
        <label className="visually-hidden" htmlFor="composer-text">
          {label}
        </label>
        <textarea
          id="composer-text"
          ref={textarea}
          data-testid="composer"
          value={text}
          onChange={(e) => update(e.target.value)}
          onKeyDown={onKeyDown}
          rows={3}
          placeholder={label}
          aria-keyshortcuts="Control+Enter Meta+Enter"
        />
        <div className="composer-actions">
          <span className="muted small">{t('composer.sendHint')}</span>
          <button type="button" className={kind === 'reply' ? 'button-primary' : 'button-note'} onClick={() => void send()} disabled={sending || !text.trim()}>
            {sending ? t('composer.sending') : kind === 'reply' ? t('composer.sendReply') : t('composer.addNote')}
          </button>
        </div>
      </div>
    </section>
  )
}
