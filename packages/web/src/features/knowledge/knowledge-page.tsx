import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, matchPath, navigate, useLocation } from '../../lib/router.tsx'
import { useAsync } from '../../lib/use-async.ts'
import { useMe } from '../../session/session.tsx'
import { EmptyState, ErrorNotice, Loading } from '../../ui/feedback.tsx'
import { ArticleEditorPage } from './article-editor-page.tsx'
import { ArticleList } from './article-list.tsx'
import { CategorySidebar } from './category-sidebar.tsx'
import type { KbArticleView, KbListFilter, KbLocale } from './kb-api.ts'
import { kb } from './kb-api.ts'
import { KbFilterBar } from './kb-filter-bar.tsx'
import './knowledge.css'

const FILTER_KEYS = ['categoryId', 'status', 'visibility', 'locale', 'faq', 'tag', 'q'] as const

function filterFrom(search: URLSearchParams): KbListFilter {
  const filter: Record<string, string> = {}
  for (const key of FILTER_KEYS) {
    const value = search.get(key)
    if (value) filter[key] = value
  }

  return filter as KbListFilter
}

function listHref(filter: KbListFilter): string {
  const search = new URLSearchParams()
  for (const key of FILTER_KEYS) if (filter[key]) search.set(key, filter[key])
  const text = search.toString()

  return text ? `/kb?${text}` : '/kb'
}

/** Partners read the knowledge base; writing is for staff (the API's `staff` access). */
export const canWriteKb = (role: string): boolean => role !== 'partner'

/** `/kb` (list), `/kb/new` and `/kb/articles/:id` (editor). */
export function KnowledgePage() {
  const { path, search } = useLocation()
  const localeParam = search.get('locale')
  const locale: KbLocale = localeParam === 'en' || localeParam === 'ja' ? localeParam : 'ja'
  const params = matchPath('/kb/articles/:id', path)
  if (params?.id) return <ArticleEditorPage key={`${params.id}.${locale}`} articleId={params.id} locale={locale} />
  if (matchPath('/kb/new', path)) return <ArticleEditorPage key={`new.${locale}`} articleId={null} locale={locale} />

  return <KnowledgeList filter={filterFrom(search)} />
}

function KnowledgeList({ filter }: { filter: KbListFilter }) {
  const { t } = useTranslation()
  const me = useMe()
  const categories = useAsync(() => kb.categories(), 'kb-categories')
  const key = listHref(filter)
  const first = useAsync(() => kb.list(filter), key)
  const [more, setMore] = useState<{ articles: KbArticleView[]; cursor: string | null; loading: boolean; error: unknown }>({ articles: [], cursor: null, loading: false, error: null })
  useEffect(() => setMore({ articles: [], cursor: first.data?.nextCursor ?? null, loading: false, error: null }), [first.data])
  const loadMore = async () => {
    setMore((m) => ({ ...m, loading: true, error: null }))
    try {
      const page = await kb.list(filter, more.cursor)
      setMore((m) => ({ articles: [...m.articles, ...page.articles], cursor: page.nextCursor, loading: false, error: null }))
    } catch (error) {
      setMore((m) => ({ ...m, loading: false, error }))
    }
  }
  const onChange = useCallback((next: KbListFilter) => navigate(listHref(next), { replace: true }), [])
  const filtered = FILTER_KEYS.some((k) => k !== 'categoryId' && filter[k])
  const articles = [...(first.data?.articles ?? []), ...more.articles]

  useEffect(() => {
    document.title = `${t('kb.title')} — Madoguchi`

    return () => {
      document.title = 'Madoguchi'
    }
  }, [t])

  return (
    <div className="kb-layout">
      <CategorySidebar
        categories={categories.data}
        error={categories.error}
        onRetry={categories.reload}
        selectedId={filter.categoryId}
        canWrite={canWriteKb(me.role)}
        onCreated={categories.reload}
        hrefFor={(categoryId) => listHref({ ...filter, categoryId })}
      />
      <section className="kb-main" aria-labelledby="kb-title">
        <div className="kb-head">
          <h1 id="kb-title" className="page-title">{t('kb.title')}</h1>
          {canWriteKb(me.role) && (
            <Link to="/kb/new" className="button-link button-primary" data-testid="kb-new">{t('kb.newArticle')}</Link>
          )}
        </div>
        <KbFilterBar filter={filter} onChange={onChange} />
        <ErrorNotice error={first.error} onRetry={first.reload} />
        {first.loading && !first.data ? (
          <Loading />
        ) : first.data && articles.length === 0 ? (
          <EmptyState title={filtered || filter.categoryId ? t('kb.noMatches') : t('kb.empty')}>
            {!filtered && !filter.categoryId && <p>{t('kb.emptyHint')}</p>}
          </EmptyState>
        ) : (
          <>
            <p className="list-summary muted" role="status">{t('kb.shown', { count: articles.length })}</p>
            <ArticleList articles={articles} categories={categories.data} />
          </>
        )}
        <ErrorNotice error={more.error} />
        {more.cursor && (
          <button type="button" onClick={() => void loadMore()} disabled={more.loading}>
            {more.loading ? t('common.loadingMore') : t('kb.loadMore')}
          </button>
        )}
      </section>
    </div>
  )
}
