import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { KbListFilter } from './kb-api.ts'
import { KB_LOCALES, KB_VISIBILITIES } from './kb-api.ts'

interface Props {
  filter: KbListFilter
  onChange(filter: KbListFilter): void
}

/** Search words and filters of the article list; every change goes into the URL. */
export function KbFilterBar({ filter, onChange }: Props) {
  const { t } = useTranslation()
  const [q, setQ] = useState(filter.q ?? '')
  const [tag, setTag] = useState(filter.tag ?? '')
  const set = (patch: Partial<KbListFilter>) => onChange({ ...filter, ...patch })
  // Typing searches after a short pause, not on every key (IME input included). Only
  // typing starts the timer: a filter changed elsewhere (back button) is not pushed back.
  const latest = useRef({ filter, onChange })
  latest.current = { filter, onChange }
  useEffect(() => {
    const { filter: current, onChange: change } = latest.current
    if ((current.q ?? '') === q.trim()) return
    const timer = setTimeout(() => change({ ...latest.current.filter, q: q.trim() || undefined }), 300)

    return () => clearTimeout(timer)
  }, [q])
  useEffect(() => setQ((typed) => (typed.trim() === (filter.q ?? '') ? typed : filter.q ?? '')), [filter.q])
  useEffect(() => setTag(filter.tag ?? ''), [filter.tag])

  return (
    <div className="filter-bar" role="group" aria-label={t('filters.label')}>
      <label className="kb-search">
        <span>{t('kb.search')}</span>
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('kb.searchPlaceholder')} data-testid="kb-search" />
      </label>
      <label>
        <span>{t('kb.status')}</span>
        <select value={filter.status ?? ''} onChange={(e) => set({ status: (e.target.value || undefined) as KbListFilter['status'] })}>
          <option value="">{t('filters.any')}</option>
          <option value="published">{t('kb.statusFilter.published')}</option>
          <option value="draft">{t('kb.statusFilter.draft')}</option>
        </select>
      </label>
      <label>
        <span>{t('kb.visibility')}</span>
        <select value={filter.visibility ?? ''} onChange={(e) => set({ visibility: (e.target.value || undefined) as KbListFilter['visibility'] })}>
          <option value="">{t('filters.any')}</option>
          {KB_VISIBILITIES.map((v) => <option key={v} value={v}>{t(`kb.visibilities.${v}`)}</option>)}
        </select>
      </label>
      <label>
        <span>{t('kb.language')}</span>
        <select value={filter.locale ?? ''} onChange={(e) => set({ locale: (e.target.value || undefined) as KbListFilter['locale'] })}>
          <option value="">{t('filters.any')}</option>
          {KB_LOCALES.map((l) => <option key={l} value={l}>{t(`languages.${l}`)}</option>)}
        </select>
      </label>
      <label>
        <span>{t('kb.faq')}</span>
        <select value={filter.faq ?? ''} onChange={(e) => set({ faq: (e.target.value || undefined) as KbListFilter['faq'] })}>
          <option value="">{t('filters.any')}</option>
          <option value="true">{t('kb.faqOnly')}</option>
          <option value="false">{t('kb.notFaq')}</option>
        </select>
      </label>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          set({ tag: tag.trim() || undefined })
        }}
      >
        <label>
          <span>{t('filters.tag')}</span>
          <input value={tag} onChange={(e) => setTag(e.target.value)} onBlur={() => set({ tag: tag.trim() || undefined })} />
        </label>
      </form>
    </div>
  )
}
