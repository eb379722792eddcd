import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from '../../lib/router.tsx'
import { useAsync } from '../../lib/use-async.ts'
import { ErrorNotice } from '../../ui/feedback.tsx'
import type { KbArticleView } from './kb-api.ts'
import { kb } from './kb-api.ts'
import { displayTranslation } from './kb-labels.ts'

const MAX_RELATED = 10

/** Related articles: the current ones (each removable) and a search to add more. */
export function RelatedArticles({ article, readOnly, onChange }: { article: KbArticleView; readOnly: boolean; onChange(ids: string[]): Promise<void> }) {
  const { t, i18n } = useTranslation()
  const ids = article.relatedIds
  const related = useAsync(() => Promise.all(ids.map((id) => kb.get(id).catch(() => null))), ids.join(','))
  const [q, setQ] = useState('')
  const [results, setResults] = useState<KbArticleView[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const title = (a: KbArticleView) => displayTranslation(a, i18n.language)?.title ?? t('kb.untitled')

  const change = async (next: string[]) => {
    setBusy(true)
    setError(null)
    try {
      await onChange(next)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  const find = async () => {
    setError(null)
    try {
      const page = await kb.list({ q: q.trim() || undefined })
      setResults(page.articles.filter((a) => a.id !== article.id && !ids.includes(a.id)))
    } catch (err) {
      setError(err)
    }
  }

  return (
    <section className="card" aria-labelledby="kb-related-title">
      <h2 id="kb-related-title" className="panel-title">{t('kb.related')}</h2>
      {ids.length === 0 && <p className="muted small">{t('kb.noRelated')}</p>}
      <ul className="kb-plain-list">
        {ids.map((id, i) => {
          const found = related.data?.[i]

          return (
            <li key={id}>
              {found ? <Link to={`/kb/articles/${id}`}>{title(found)}</Link> : <span className="muted">{related.loading ? t('common.loading') : t('kb.missingArticle')}</span>}
              {!readOnly && (
                <button type="button" className="button-small" disabled={busy} onClick={() => void change(ids.filter((x) => x !== id))} aria-label={t('kb.removeRelated', { title: found ? title(found) : id })}>
                  {t('kb.remove')}
                </button>
              )}
            </li>
          )
        })}
      </ul>
      {!readOnly && ids.length < MAX_RELATED && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault()
            void find()
          }}
        >
          <label className="visually-hidden" htmlFor="kb-related-search">{t('kb.findRelated')}</label>
          <input id="kb-related-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('kb.findRelated')} />
          <button type="submit" className="button-small">{t('kb.find')}</button>
        </form>
      )}
      <ErrorNotice error={error} />
      {results && (
        <ul className="kb-plain-list" aria-label={t('kb.findRelated')}>
          {results.length === 0 && <li className="muted small">{t('kb.noMatches')}</li>}
          {results.slice(0, 8).map((a) => (
            <li key={a.id}>
              <span>{title(a)}</span>
              <button type="button" className="button-small" disabled={busy} onClick={() => void change([...ids, a.id]).then(() => setResults((r) => r?.filter((x) => x.id !== a.id) ?? null))} aria-label={t('kb.addRelated', { title: title(a) })}>
                {t('kb.add')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
