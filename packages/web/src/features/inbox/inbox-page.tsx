import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMe } from '../../session/session.tsx'
import { navigate, useLocation } from '../../lib/router.tsx'
import { EmptyState, ErrorNotice, Loading } from '../../ui/feedback.tsx'
import type { BuiltInView, SavedView, SortKey, TicketFilter } from './filters.ts'
import {
  BUILT_IN_VIEWS, SORT_KEYS, builtInFilter, filterFromSearch, loadSavedViews, searchFromFilter, storeSavedViews,
} from './filters.ts'
import { useTicketList } from './use-ticket-list.ts'
import { useViewCounts } from './use-view-counts.ts'
import { ViewSidebar } from './view-sidebar.tsx'
import { FilterBar } from './filter-bar.tsx'
import { TicketList } from './ticket-list.tsx'
import { BREACHING_NEXT_VIEW, BreachingNextList } from '../sla/breaching-next.tsx'

export function InboxPage({ view }: { view: string }) {
  const { t } = useTranslation()
  const me = useMe()
  const { search } = useLocation()
  const [saved, setSaved] = useState<SavedView[]>(() => loadSavedViews(me.id))
  const [selectedId, setSelectedId] = useState<string | null>(null)

  const isBuiltIn = (BUILT_IN_VIEWS as string[]).includes(view)
  const savedView = saved.find((v) => v.id === view)
  const base: TicketFilter | null = isBuiltIn ? builtInFilter(view as BuiltInView, me) : (savedView?.filter ?? null)
  // Rebuilt only when its inputs' text changes, so the list does not refetch on every render.
  const filterKey = JSON.stringify(base ? filterFromSearch(base, search) : null)
  const filter = useMemo(() => JSON.parse(filterKey) as TicketFilter | null, [filterKey])
  const sortParam = search.get('sort') as SortKey | null
  const sort: SortKey = sortParam && (SORT_KEYS as readonly string[]).includes(sortParam) ? sortParam : 'updated'

  const countViews = useMemo(
    () => [
      ...BUILT_IN_VIEWS.map((v) => ({ key: v as string, filter: builtInFilter(v, me) })),
      ...saved.map((v) => ({ key: v.id, filter: v.filter })),
    ],
    [me, saved],
  )
  const counts = useViewCounts(countViews)

  const go = (nextFilter: TicketFilter, nextSort: SortKey) => {
    if (!base) return
    const query = new URLSearchParams(searchFromFilter(nextFilter, base).slice(1))
    if (nextSort !== 'updated') query.set('sort', nextSort)
    const text = query.toString()
    setSelectedId(null)
    navigate(`/inbox/${view}${text ? `?${text}` : ''}`, { replace: true })
  }

  const saveView = (name: string) => {
    if (!filter) return
    const next = [...saved, { id: `v${Date.now().toString(36)}`, name, filter }]
    setSaved(next)
    storeSavedViews(me.id, next)
    navigate(`/inbox/${next[next.length - 1]!.id}`)
  }
  const deleteView = (id: string) => {
    const next = saved.filter((v) => v.id !== id)
    setSaved(next)
    storeSavedViews(me.id, next)
    if (id === view) navigate('/inbox/mine')
  }

  const breachingNext = view === BREACHING_NEXT_VIEW
  const title = breachingNext ? t('sla.breachingNextTitle') : isBuiltIn ? t(`views.${view}`) : (savedView?.name ?? '')

  return (
    <div className="inbox">
      <ViewSidebar current={view} saved={saved} counts={counts} onSave={saveView} onDelete={deleteView} />
      <section className="inbox-main" aria-labelledby="inbox-title">
        <h1 id="inbox-title" className="page-title">
          {title}
        </h1>
        {breachingNext ? (
          <BreachingNextList />
        ) : filter ? (
          <>
            <FilterBar key={view} filter={filter} onChange={(f) => go(f, sort)} sort={sort} onSort={(s) => go(filter, s)} />
            <InboxList filter={filter} sort={sort} selectedId={selectedId} onSelect={setSelectedId} />
          </>
        ) : (
          <EmptyState title={t('inbox.viewNotFound')} />
        )}
      </section>
    </div>
  )
}

function InboxList({ filter, sort, selectedId, onSelect }: { filter: TicketFilter; sort: SortKey; selectedId: string | null; onSelect(ticketId: string): void }) {
  const { t } = useTranslation()
  const me = useMe()
  // The server sorts and pages in the chosen order (a client-side sort would only reorder the rows loaded so far).
  const list = useTicketList(filter, me, sort)
  const rows = list.rows

  if (list.loading && rows.length === 0) return <Loading />
  if (list.error && rows.length === 0) return <ErrorNotice error={list.error} onRetry={list.reload} />
  if (rows.length === 0) return <EmptyState title={t('inbox.empty')}>{t('inbox.emptyHint')}</EmptyState>

  return (
    <>
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      <p className="list-summary muted" aria-live="polite">
        {list.hasMore ? t('inbox.loadedMore', { count: rows.length }) : t('inbox.loaded', { count: rows.length })}
      </p>
      <TicketList rows={rows} hasMore={list.hasMore} loadMore={list.loadMore} selectedId={selectedId} onSelect={onSelect} />
    </>
  )
}
