import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorNotice } from '../../ui/feedback.tsx'
import type { KbCategoryView } from './kb-api.ts'
import { kb } from './kb-api.ts'
import { categoryOptions } from './kb-labels.ts'

/** Rename a category or section in both languages (their articles stay where they are). */
export function CategoryEditForm({ categories, onSaved }: { categories: KbCategoryView[]; onSaved(): void }) {
  const { t, i18n } = useTranslation()
  const all = categories.flatMap((c) => [c, ...c.sections])
  const [id, setId] = useState('')
  const [nameJa, setNameJa] = useState('')
  const [nameEn, setNameEn] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState(false)

  const choose = (next: string) => {
    const found = all.find((c) => c.id === next)
    setId(next)
    setNameJa(found?.nameJa ?? '')
    setNameEn(found?.nameEn ?? '')
    setSaved(false)
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await kb.updateCategory(id, { nameJa, nameEn })
      setSaved(true)
      onSaved()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <details className="kb-new-category">
      <summary>{t('kb.renameCategory')}</summary>
      <form onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('kb.category')}</span>
          <select value={id} onChange={(e) => choose(e.target.value)} required>
            <option value="">{t('kb.chooseCategory')}</option>
            {categoryOptions(categories, i18n.language).map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('kb.nameJa')}</span>
          <input value={nameJa} onChange={(e) => setNameJa(e.target.value)} required maxLength={100} disabled={!id} />
        </label>
        <label className="field">
          <span>{t('kb.nameEn')}</span>
          <input value={nameEn} onChange={(e) => setNameEn(e.target.value)} required maxLength={100} disabled={!id} />
        </label>
        <ErrorNotice error={error} />
        <div className="row">
          <button type="submit" disabled={busy || !id}>{t('common.save')}</button>
          <span className="muted small" role="status">{saved ? t('common.saved') : ''}</span>
        </div>
      </form>
    </details>
  )
}
