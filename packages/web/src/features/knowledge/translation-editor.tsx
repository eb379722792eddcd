import { useEffect, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorNotice } from '../../ui/feedback.tsx'
import type { KbLocale, KbTranslationView } from './kb-api.ts'
import { readTextDraft, writeTextDraft } from './kb-drafts.ts'
import { ImageUpload } from './image-upload.tsx'
import { MarkdownPreview } from './markdown-preview.tsx'

export interface SaveRequest {
  title: string
  body: string
  publish: boolean
}

interface Props {
  articleId: string | null
  locale: KbLocale
  /** The saved translation; undefined while creating it. */
  translation: KbTranslationView | undefined
  readOnly: boolean
  /** Saves a new revision (and publishes it when asked); rejects with the server's error. */
  onSave(request: SaveRequest): Promise<void>
  onUnpublish(): Promise<void>
  /** What the last save did ("Saved as revision 3"); the editor remounts after each save, so the page keeps it. */
  status?: string
}

/**
 * Title and Markdown of one translation with the live preview beside it. The
 * text is kept in localStorage on every keystroke (like the reply composer) and
 * dropped once the server has it. Ctrl/⌘+S saves a draft.
 */
export function TranslationEditor({ articleId, locale, translation, readOnly, onSave, onUnpublish, status }: Props) {
  const { t } = useTranslation()
  const [stored] = useState(() => readTextDraft(articleId, locale))
  const serverTitle = translation?.title ?? ''
  const serverBody = translation?.body ?? ''
  const restored = stored !== null && (stored.title !== serverTitle || stored.body !== serverBody)
  const [title, setTitle] = useState(restored ? stored.title : serverTitle)
  const [body, setBody] = useState(restored ? stored.body : serverBody)
  const [showRestored, setShowRestored] = useState(restored)
  const [busy, setBusy] = useState<'save' | 'publish' | 'unpublish' | null>(null)
  const [error, setError] = useState<unknown>(null)
  const dirty = title !== serverTitle || body !== serverBody
  const staleBase = restored && stored.baseRevision !== (translation?.revision ?? null)
  const idBase = `kb-${locale}`
  const bodyBox = useRef<HTMLTextAreaElement>(null)
  // An uploaded image goes where the cursor is, on a line of its own.
  const insertAtCursor = (markdown: string) => {
    const at = bodyBox.current?.selectionStart ?? body.length
    const before = body.slice(0, at)
    const after = body.slice(at)
    const block = `${before && !before.endsWith('\n') ? '\n' : ''}${markdown}\n`
    setBody(before + block + after)
    bodyBox.current?.focus()
  }

  useEffect(() => {
    if (readOnly) return
    writeTextDraft(articleId, locale, dirty ? { title, body, baseRevision: translation?.revision ?? null } : null)
  }, [articleId, locale, title, body, dirty, readOnly, translation?.revision])

  const run = async (kind: 'save' | 'publish' | 'unpublish', action: () => Promise<void>) => {
    setBusy(kind)
    setError(null)
    try {
      await action()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(null)
    }
  }
  const save = (publish: boolean) => run(publish ? 'publish' : 'save', () => onSave({ title: title.trim(), body, publish }))
  const canSave = !readOnly && title.trim().length > 0 && busy === null
  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault()
      if (canSave && dirty) void save(false)
    }
  }

  return (
    <div className="kb-translation" onKeyDown={onKeyDown}>
      {showRestored && (
        <div className="notice notice-info" role="status">
          <span>{staleBase ? t('kb.restoredStale', { revision: translation?.revision ?? 0 }) : t('kb.restoredDraft')}</span>
          <button
            type="button"
            className="button-small"
            onClick={() => {
              setTitle(serverTitle)
              setBody(serverBody)
              setShowRestored(false)
            }}
          >
            {t('kb.discardLocal')}
          </button>
        </div>
      )}
      <div className="kb-write-grid">
        <div className="kb-write">
          <label className="field">
            <span>{t('kb.titleField')}</span>
            <input id={`${idBase}-title`} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} readOnly={readOnly} data-testid="kb-title" lang={locale} />
          </label>
          <label className="field">
            <span>{t('kb.bodyField')}</span>
            <textarea
              ref={bodyBox}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              rows={18}
              readOnly={readOnly}
              data-testid="kb-body"
              lang={locale}
              aria-describedby={`${idBase}-images`}
              aria-keyshortcuts="Control+S Meta+S"
            />
          </label>
          <div className="row">
            {!readOnly && <ImageUpload onUploaded={insertAtCursor} describedBy={`${idBase}-images`} />}
            <p id={`${idBase}-images`} className="muted small">{t('kb.imagesHint')}</p>
          </div>
        </div>
        <MarkdownPreview body={body} id={`${idBase}-preview`} />
      </div>
      <ErrorNotice error={error} />
      {!readOnly && (
        <div className="kb-actions">
          <span className="muted small" role="status">
            {busy ? t('kb.saving') : dirty ? t('kb.unsaved') : (status ?? '')}
          </span>
          <button type="button" onClick={() => void save(false)} disabled={!canSave || !dirty} aria-keyshortcuts="Control+S Meta+S">
            {t('kb.saveDraft')}
          </button>
          <button type="button" className="button-primary" onClick={() => void save(true)} disabled={!canSave || (!dirty && translation?.status === 'published')}>
            {dirty || !translation ? t('kb.saveAndPublish') : t('kb.publish')}
          </button>
          {translation && translation.status !== 'draft' && (
            <button type="button" onClick={() => void run('unpublish', onUnpublish)} disabled={busy !== null}>
              {t('kb.unpublish')}
            </button>
          )}
        </div>
      )}
    </div>
  )
}
