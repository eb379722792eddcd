import { useTranslation } from 'react-i18next'
import { useSave } from '../../lib/use-save.ts'
import { ErrorNotice } from '../../ui/feedback.tsx'
import type { KbCategoryView, KbVisibility } from './kb-api.ts'
import { KB_VISIBILITIES } from './kb-api.ts'
import type { NewArticleSettings } from './kb-drafts.ts'
import { categoryOptions } from './kb-labels.ts'

interface Props {
  value: NewArticleSettings
  onChange(value: NewArticleSettings): void
  categories: KbCategoryView[]
  readOnly: boolean
  /** Existing articles save settings on their own; a new one saves them with its first text. */
  onSave?: () => Promise<void>
  dirty?: boolean
}

/** Settings shared by both translations: category, visibility, FAQ flag, tags. */
export function ArticleSettings({ value, onChange, categories, readOnly, onSave, dirty }: Props) {
  const { t, i18n } = useTranslation()
  const { error, saved, busy, run, clearSaved } = useSave()
  const set = (patch: Partial<NewArticleSettings>) => {
    clearSaved()
    onChange({ ...value, ...patch })
  }
  const save = async () => {
    if (onSave) await run(onSave)
  }

  return (
    <section className="card kb-settings" aria-labelledby="kb-settings-title">
      <h2 id="kb-settings-title" className="panel-title">{t('kb.settings')}</h2>
      <fieldset disabled={readOnly} className="kb-fieldset">
        <legend className="visually-hidden">{t('kb.settings')}</legend>
        <label className="field">
          <span>{t('kb.category')}</span>
          <select value={value.categoryId} onChange={(e) => set({ categoryId: e.target.value })} data-testid="kb-category" required>
            <option value="">{t('kb.chooseCategory')}</option>
            {categoryOptions(categories, i18n.language).map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('kb.visibility')}</span>
          <select value={value.visibility} onChange={(e) => set({ visibility: e.target.value as KbVisibility })} data-testid="kb-visibility">
            {KB_VISIBILITIES.map((v) => <option key={v} value={v}>{t(`kb.visibilities.${v}`)}</option>)}
          </select>
        </label>
        <p className="muted small">{t(`kb.visibilityHints.${value.visibility}`)}</p>
        <label className="check">
          <input type="checkbox" checked={value.isFaq} onChange={(e) => set({ isFaq: e.target.checked })} />
          {t('kb.faqFlag')}
        </label>
        <label className="field">
          <span>{t('kb.tags')}</span>
          <input value={value.tags} onChange={(e) => set({ tags: e.target.value })} placeholder={t('ticket.tagsPlaceholder')} />
        </label>
      </fieldset>
      <ErrorNotice error={error} />
      {onSave && !readOnly && (
        <div className="row">
          <button type="button" onClick={() => void save()} disabled={busy || !dirty || !value.categoryId}>{t('kb.saveSettings')}</button>
          <span className="muted small" role="status">{saved && !dirty ? t('common.saved') : ''}</span>
        </div>
      )}
    </section>
  )
}
