import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, navigate } from '../../lib/router.tsx'
import { useAsync } from '../../lib/use-async.ts'
import { useMe } from '../../session/session.tsx'
import { ErrorNotice, Loading } from '../../ui/feedback.tsx'
import { ArticleSettings } from './article-settings.tsx'
import { FeedbackPanel } from './feedback-panel.tsx'
import type { KbArticleView, KbCategoryView, KbLocale } from './kb-api.ts'
import { KB_LOCALES, kb } from './kb-api.ts'
import type { NewArticleSettings } from './kb-drafts.ts'
import { parseTags, readNewSettings, readTextDraft, writeNewSettings, writeTextDraft } from './kb-drafts.ts'
import { displayTranslation, otherLocale } from './kb-labels.ts'
import { RelatedArticles } from './related-articles.tsx'
import { RevisionHistory } from './revision-history.tsx'
import type { SaveRequest } from './translation-editor.tsx'
import { TranslationEditor } from './translation-editor.tsx'
import './knowledge.css'

const settingsOf = (a: KbArticleView): NewArticleSettings => ({ categoryId: a.categoryId, visibility: a.visibility, isFaq: a.isFaq, tags: a.tags.join(', ') })
const EMPTY_SETTINGS: NewArticleSettings = { categoryId: '', visibility: 'public', isFaq: false, tags: '' }

/** `/kb/new` and `/kb/articles/:id?locale=ja|en`: one translation at a time, the other one a tab away. */
export function ArticleEditorPage({ articleId, locale }: { articleId: string | null; locale: KbLocale }) {
  const { t } = useTranslation()
  const me = useMe()
  const readOnly = me.role === 'partner'
  const categories = useAsync(() => kb.categories(), 'kb-categories')
  const loaded = useAsync(() => (articleId ? kb.get(articleId) : Promise.resolve(null)), articleId ?? 'new')

  if ((loaded.loading && loaded.data === undefined) || (categories.loading && !categories.data)) return <Loading />
  if (loaded.data === undefined || !categories.data) {
    return (
      <div className="kb-editor-page">
        <ErrorNotice error={loaded.error ?? categories.error} onRetry={() => (loaded.error ? loaded.reload() : categories.reload())} />
        <Link to="/kb">{t('kb.backToList')}</Link>
      </div>
    )
  }
  if (loaded.data === null && readOnly) {
    return (
      <div className="kb-editor-page">
        <p className="muted">{t('kb.readOnly')}</p>
        <Link to="/kb">{t('kb.backToList')}</Link>
      </div>
    )
  }
  if (loaded.data === null) return <NewArticle locale={locale} categories={categories.data} />

  return <ExistingArticle article={loaded.data} onArticle={loaded.setData} locale={locale} categories={categories.data} readOnly={readOnly} />
}

function Breadcrumb({ title }: { title: string }) {
  const { t } = useTranslation()

  return (
    <nav aria-label={t('kb.breadcrumb')} className="small">
      <Link to="/kb">{t('kb.title')}</Link> › <span>{title}</span>
    </nav>
  )
}

function LocaleTabs({ articleId, article, locale }: { articleId: string | null; article: KbArticleView | null; locale: KbLocale }) {
  const { t } = useTranslation()
  const base = articleId ? `/kb/articles/${articleId}` : '/kb/new'

  return (
    <nav className="kb-locale-tabs" aria-label={t('kb.translations')}>
      {KB_LOCALES.map((l) => {
        const tr = article?.translations.find((x) => x.locale === l)

        return (
          <Link key={l} to={`${base}?locale=${l}`} aria-current={l === locale ? 'page' : undefined} data-testid={`kb-tab-${l}`}>
            {t(`languages.${l}`)}{' '}
            <span className="small">({tr ? t(`kb.statuses.${tr.status}`) : t('kb.notWritten')})</span>
          </Link>
        )
      })}
    </nav>
  )
}

function NewArticle({ locale, categories }: { locale: KbLocale; categories: KbCategoryView[] }) {
  const { t } = useTranslation()
  const [settings, setSettings] = useState<NewArticleSettings>(() => readNewSettings() ?? { ...EMPTY_SETTINGS, categoryId: categories[0]?.id ?? '' })
  useEffect(() => writeNewSettings(settings), [settings])

  const create = async (request: SaveRequest) => {
    const created = await kb.create({
      categoryId: settings.categoryId, visibility: settings.visibility, isFaq: settings.isFaq, tags: parseTags(settings.tags), relatedIds: [],
      translations: { [locale]: request },
    })
    writeTextDraft(null, locale, null)
    writeNewSettings(null)
    navigate(`/kb/articles/${created.id}?locale=${locale}`, { replace: true })
  }

  return (
    <div className="kb-editor-page">
      <Breadcrumb title={t('kb.newArticle')} />
      <h1 className="page-title">{t('kb.newArticle')}</h1>
      <LocaleTabs articleId={null} article={null} locale={locale} />
      {categories.length === 0 && <p className="notice notice-error" role="alert">{t('kb.needCategory')}</p>}
      <div className="kb-editor-grid">
        <TranslationEditor articleId={null} locale={locale} translation={undefined} readOnly={false} onSave={create} onUnpublish={async () => {}} />
        <aside className="kb-side">
          <ArticleSettings value={settings} onChange={setSettings} categories={categories} readOnly={false} />
        </aside>
      </div>
    </div>
  )
}

/** Two steps, because a delete takes every translation, revision and comment with it. */
function DeleteArticle({ articleId }: { articleId: string }) {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const remove = async () => {
    setError(null)
    try {
      await kb.remove(articleId)
      for (const l of KB_LOCALES) writeTextDraft(articleId, l, null)
      navigate('/kb', { replace: true })
    } catch (err) {
      setError(err)
    }
  }

  return (
    <section className="card" aria-labelledby="kb-delete-title">
      <h2 id="kb-delete-title" className="panel-title">{t('kb.deleteTitle')}</h2>
      <p className="muted small">{t('kb.deleteHint')}</p>
      <ErrorNotice error={error} />
      {confirming ? (
        <div className="row">
          <button type="button" className="button-danger" onClick={() => void remove()}>{t('kb.confirmDelete')}</button>
          <button type="button" onClick={() => setConfirming(false)}>{t('common.cancel')}</button>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>{t('kb.delete')}</button>
      )}
    </section>
  )
}

interface ExistingProps {
  article: KbArticleView
  onArticle(article: KbArticleView): void
  locale: KbLocale
  categories: KbCategoryView[]
  readOnly: boolean
}

function ExistingArticle({ article, onArticle, locale, categories, readOnly }: ExistingProps) {
  const { t, i18n } = useTranslation()
  const translation = article.translations.find((x) => x.locale === locale)
  const other = article.translations.find((x) => x.locale === otherLocale(locale))
  // A translation started earlier in this browser (its text is kept locally) opens straight into the editor.
  const [creating, setCreating] = useState(() => !readOnly && readTextDraft(article.id, locale) !== null)
  const [status, setStatus] = useState('')
  const [settings, setSettings] = useState(() => settingsOf(article))
  const settingsDirty = JSON.stringify(settings) !== JSON.stringify(settingsOf(article))
  const title = displayTranslation(article, i18n.language)?.title ?? t('kb.untitled')

  useEffect(() => {
    document.title = `${title} — ${t('kb.title')} — Madoguchi`

    return () => {
      document.title = 'Madoguchi'
    }
  }, [title, t])

  const save = async (request: SaveRequest) => {
    const unchanged = translation && translation.title === request.title && translation.body === request.body
    // Publishing text the server already has publishes that revision instead of saving a copy of it.
    const next = unchanged && request.publish ? await kb.publish(article.id, locale) : await kb.saveTranslation(article.id, locale, request)
    writeTextDraft(article.id, locale, null)
    onArticle(next)
    const saved = next.translations.find((x) => x.locale === locale)
    setStatus(request.publish ? t('kb.publishedNote', { number: saved?.revision }) : t('kb.savedNote', { number: saved?.revision }))
  }
  const saveSettings = async () => {
    const next = await kb.update(article.id, { categoryId: settings.categoryId, visibility: settings.visibility, isFaq: settings.isFaq, tags: parseTags(settings.tags) })
    onArticle(next)
    setSettings(settingsOf(next))
  }

  return (
    <div className="kb-editor-page">
      <Breadcrumb title={title} />
      <h1 className="page-title">{title}</h1>
      <LocaleTabs articleId={article.id} article={article} locale={locale} />
      {readOnly && <p className="muted">{t('kb.readOnly')}</p>}
      <div className="kb-editor-grid">
        <div>
          {translation || creating ? (
            <>
              {translation?.publishedAt && (
                <p className="small muted">
                  {t(`kb.statuses.${translation.status}`)} · {t('kb.revisionLive', { number: translation.publishedRevision })}{' '}
                  {article.visibility === 'public' && (
                    <a href={`/help/${locale}/articles/${article.id}`} target="_blank" rel="noreferrer">{t('kb.openInHelpCenter')}</a>
                  )}
                </p>
              )}
              {!translation && other && (
                <details className="kb-reference" open>
                  <summary>{t('kb.translateFrom', { language: t(`languages.${other.locale}`) })}</summary>
                  <h3 lang={other.locale}>{other.title}</h3>
                  <pre lang={other.locale} tabIndex={0}>{other.body}</pre>
                </details>
              )}
              <TranslationEditor
                key={`${locale}.${translation?.revision ?? 0}`}
                articleId={article.id}
                locale={locale}
                translation={translation}
                readOnly={readOnly}
                onSave={save}
                onUnpublish={async () => {
                  onArticle(await kb.unpublish(article.id, locale))
                  setStatus(t('kb.unpublishedNote'))
                }}
                status={status}
              />
            </>
          ) : (
            <div className="empty">
              <p className="empty-title">{t('kb.noTranslation', { language: t(`languages.${locale}`) })}</p>
              {!readOnly && (
                <button type="button" className="button-primary" onClick={() => setCreating(true)} data-testid="kb-create-translation">
                  {t('kb.createTranslation', { language: t(`languages.${locale}`) })}
                </button>
              )}
            </div>
          )}
          {translation && (
            <RevisionHistory
              articleId={article.id}
              locale={locale}
              latest={translation.revision}
              publishedRevision={translation.publishedRevision}
              readOnly={readOnly}
              onRestore={async (number) => {
                writeTextDraft(article.id, locale, null)
                const next = await kb.restore(article.id, locale, number)
                onArticle(next)
                setStatus(t('kb.restoredNote', { number, revision: next.translations.find((x) => x.locale === locale)?.revision }))
              }}
            />
          )}
        </div>
        <aside className="kb-side">
          <ArticleSettings value={settings} onChange={setSettings} categories={categories} readOnly={readOnly} onSave={saveSettings} dirty={settingsDirty} />
          {!readOnly && <DeleteArticle articleId={article.id} />}
          <RelatedArticles article={article} readOnly={readOnly} onChange={async (relatedIds) => onArticle(await kb.update(article.id, { relatedIds }))} />
          <FeedbackPanel article={article} />
        </aside>
      </div>
    </div>
  )
}
