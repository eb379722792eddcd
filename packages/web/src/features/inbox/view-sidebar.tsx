import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from '../../lib/router.tsx'
import type { BuiltInView, SavedView } from './filters.ts'
import { BUILT_IN_VIEWS } from './filters.ts'
import type { ViewCount } from './use-view-counts.ts'
import { COUNT_CAP } from './use-view-counts.ts'
import { BREACHING_NEXT_VIEW } from '../sla/breaching-next.tsx'

interface Props {
  current: string
  saved: SavedView[]
  counts: Record<string, ViewCount>
  onSave(name: string): void
  onDelete(id: string): void
}

function CountBadge({ count }: { count: ViewCount | undefined }) {
  const { t, i18n } = useTranslation()
  if (!count) return <span className="count muted" aria-hidden="true">…</span>
  const text = count.more ? `${COUNT_CAP.toLocaleString(i18n.language)}+` : count.count.toLocaleString(i18n.language)

  return (
    <>
      <span className="count" aria-hidden="true" data-testid="view-count">
        {text}
      </span>
      <span className="visually-hidden">{t('inbox.countLabel', { text })}</span>
    </>
  )
}

export function ViewSidebar({ current, saved, counts, onSave, onDelete }: Props) {
  const { t } = useTranslation()
  const [naming, setNaming] = useState(false)
  const [name, setName] = useState('')

  return (
    <nav className="view-sidebar" aria-label={t('inbox.views')}>
      <h2 className="sidebar-title">{t('inbox.views')}</h2>
      <ul>
        {BUILT_IN_VIEWS.map((view: BuiltInView) => (
          <li key={view}>
            <Link to={`/inbox/${view}`} aria-current={current === view ? 'page' : undefined} data-testid={`view-${view}`}>
              <span>{t(`views.${view}`)}</span>
              <CountBadge count={counts[view]} />
            </Link>
          </li>
        ))}
        <li>
          <Link to={`/inbox/${BREACHING_NEXT_VIEW}`} aria-current={current === BREACHING_NEXT_VIEW ? 'page' : undefined} data-testid="view-breaching-next">
            <span>{t('sla.breachingNext')}</span>
          </Link>
        </li>
      </ul>
      <h2 className="sidebar-title">{t('inbox.savedViews')}</h2>
      {saved.length === 0 && <p className="muted small">{t('inbox.noSavedViews')}</p>}
      <ul>
        {saved.map((view) => (
          <li key={view.id} className="saved-view">
            <Link to={`/inbox/${view.id}`} aria-current={current === view.id ? 'page' : undefined}>
              <span>{view.name}</span>
              <CountBadge count={counts[view.id]} />
            </Link>
            <button type="button" className="button-icon" onClick={() => onDelete(view.id)} aria-label={t('inbox.deleteView', { name: view.name })}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {naming ? (
        <form
          className="save-view-form"
          onSubmit={(e) => {
            e.preventDefault()
            if (!name.trim()) return
            onSave(name.trim())
            setName('')
            setNaming(false)
          }}
        >
          <label className="field">
            <span>{t('inbox.viewName')}</span>
            <input value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={60} />
          </label>
          <div className="row">
            <button type="submit" className="button-primary button-small">
              {t('common.save')}
            </button>
            <button type="button" className="button-small" onClick={() => setNaming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button-small" onClick={() => setNaming(true)}>
          {t('inbox.saveView')}
        </button>
      )}
      <p className="muted small">{t('inbox.savedViewsLocal')}</p>
    </nav>
  )
}
