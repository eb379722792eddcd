import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorNotice } from '../../ui/feedback.tsx'
import { kb } from './kb-api.ts'

/**
 * Live preview rendered by the server (POST /kb/preview): the same Markdown
 * renderer and sanitizer as the help center, so what the author sees is what
 * customers get, and no HTML is ever built from the author's text in the browser.
 */
export function MarkdownPreview({ body, id }: { body: string; id: string }) {
  const { t } = useTranslation()
  const [html, setHtml] = useState<string | null>(null)
  const [updating, setUpdating] = useState(false)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    const controller = new AbortController()
    setUpdating(true)
    // A pause in typing, not every keystroke, asks the server.
    const timer = setTimeout(() => {
      kb.preview(body, controller.signal).then(
        (result) => {
          setHtml(result.html)
          setError(null)
          setUpdating(false)
        },
        (err: unknown) => {
          if ((err as Error).name === 'AbortError') return
          setError(err)
          setUpdating(false)
        },
      )
    }, 300)

    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [body])

  return (
    <section className="kb-preview" aria-labelledby={`${id}-title`} aria-busy={updating}>
      <h3 id={`${id}-title`} className="panel-subtitle">
        {t('kb.preview')} {updating && <span className="muted small">{t('kb.previewUpdating')}</span>}
      </h3>
      <ErrorNotice error={error} />
      {html === null ? (
        <p className="muted">{updating ? t('common.loading') : ''}</p>
      ) : html.trim() === '' ? (
        <p className="muted">{t('kb.previewEmpty')}</p>
      ) : (
        // Sanitized by the server (allow-list of tags and attributes, http(s) images only).
        <div className="kb-article-html" data-testid="kb-preview" dangerouslySetInnerHTML={{ __html: html }} />
      )}
    </section>
  )
}
