import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from '../../lib/router.tsx'
import { ErrorNotice, Loading } from '../../ui/feedback.tsx'
import type { KbCategoryView } from './kb-api.ts'
import { kb } from './kb-api.ts'
import { categoryName } from './kb-labels.ts'
import { CategoryEditForm } from './category-edit-form.tsx'

interface Props {
  categories: KbCategoryView[] | undefined
  error: unknown
  onRetry(): void
  selectedId: string | undefined
  canWrite: boolean
  onCreated(): void
  /** The list URL for a category (keeps the other filters). */
  hrefFor(categoryId: string | undefined): string
}

/** Categories with their sections; staff add new ones at the bottom. */
export function CategorySidebar({ categories, error, onRetry, selectedId, canWrite, onCreated, hrefFor }: Props) {
  const { t, i18n } = useTranslation()
  const current = (id: string | undefined) => (id === selectedId ? 'page' : undefined)

  return (
    <nav className="kb-sidebar" aria-label={t('kb.categories')}>
      <h2 className="sidebar-title">{t('kb.categories')}</h2>
      <ul>
        <li>
          <Link to={hrefFor(undefined)} aria-current={current(undefined)}>{t('kb.allArticles')}</Link>
        </li>
        {categories?.map((c) => (
          <li key={c.id}>
            <Link to={hrefFor(c.id)} aria-current={current(c.id)}>{categoryName(c, i18n.language)}</Link>
            {c.sections.length > 0 && (
              <ul>
                {c.sections.map((s) => (
                  <li key={s.id}>
                    <Link to={hrefFor(s.id)} aria-current={current(s.id)}>{categoryName(s, i18n.language)}</Link>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {!categories && !error && <Loading />}
      <ErrorNotice error={error} onRetry={onRetry} />
      {categories?.length === 0 && <p className="muted small">{t('kb.noCategories')}</p>}
      {canWrite && categories && <NewCategoryForm categories={categories} onCreated={onCreated} />}
      {canWrite && categories && categories.length > 0 && <CategoryEditForm categories={categories} onSaved={onCreated} />}
    </nav>
  )
}

function NewCategoryForm({ categories, onCreated }: { categories: KbCategoryView[]; onCreated(): void }) {
  const { t, i18n } = useTranslation()
  const [nameJa, setNameJa] = useState('')
  const [nameEn, setNameEn] = useState('')
  const [parentId, setParentId] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await kb.createCategory({ nameJa, nameEn, parentId: parentId || undefined })
      setNameJa('')
      setNameEn('')
      onCreated()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <details className="kb-new-category">
      <summary>{t('kb.newCategory')}</summary>
      <form onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('kb.nameJa')}</span>
          <input value={nameJa} onChange={(e) => setNameJa(e.target.value)} required maxLength={100} />
        </label>
        <label className="field">
          <span>{t('kb.nameEn')}</span>
          <input value={nameEn} onChange={(e) => setNameEn(e.target.value)} required maxLength={100} />
        </label>
        <label className="field">
          <span>{t('kb.parent')}</span>
          <select value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <option value="">{t('kb.topLevel')}</option>
            {categories.map((c) => <option key={c.id} value={c.id}>{categoryName(c, i18n.language)}</option>)}
          </select>
        </label>
        <ErrorNotice error={error} />
        <button type="submit" disabled={busy}>{t('kb.createCategory')}</button>
      </form>
    </details>
  )
}
