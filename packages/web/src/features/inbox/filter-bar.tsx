import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TicketFilter, SortKey } from './filters.ts'
import { SORT_KEYS } from './filters.ts'
import { CATEGORIES, CHANNELS, OPEN_STATUSES, PRIORITIES, STATUSES } from '../../api/types.ts'
import type { Channel, TicketCategory, TicketPriority, TicketStatus } from '../../api/types.ts'
import { useDirectory } from '../admin/directory.ts'

interface Props {
  filter: TicketFilter
  onChange(filter: TicketFilter): void
  sort: SortKey
  onSort(sort: SortKey): void
}

const OPEN = OPEN_STATUSES.join(',')

/** Filters of the current view; each change is in the URL, so reload and back keep it. */
export function FilterBar({ filter, onChange, sort, onSort }: Props) {
  const { t } = useTranslation()
  const directory = useDirectory()
  const [tag, setTag] = useState(filter.tag ?? '')
  const set = (patch: Partial<TicketFilter>) => onChange({ ...filter, ...patch })
  const statusValue = !filter.status?.length ? '' : filter.status.join(',')

  return (
    <div className="filter-bar" role="group" aria-label={t('filters.label')}>
      <label>
        <span>{t('filters.status')}</span>
        <select value={statusValue} onChange={(e) => set({ status: e.target.value ? (e.target.value.split(',') as TicketStatus[]) : undefined })}>
          <option value={OPEN}>{t('filters.openStatuses')}</option>
          <option value="">{t('filters.any')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
          {statusValue && statusValue !== OPEN && !STATUSES.includes(statusValue as TicketStatus) && <option value={statusValue}>{statusValue}</option>}
        </select>
      </label>
      <label>
        <span>{t('filters.priority')}</span>
        <select value={filter.priority ?? ''} onChange={(e) => set({ priority: (e.target.value || undefined) as TicketPriority | undefined })}>
          <option value="">{t('filters.any')}</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`priorities.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('filters.channel')}</span>
        <select value={filter.channel ?? ''} onChange={(e) => set({ channel: (e.target.value || undefined) as Channel | undefined })}>
          <option value="">{t('filters.any')}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channels.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('filters.category')}</span>
        <select value={filter.category ?? ''} onChange={(e) => set({ category: (e.target.value || undefined) as TicketCategory | undefined })}>
          <option value="">{t('filters.any')}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`categories.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('filters.team')}</span>
        <select value={filter.teamId ?? ''} onChange={(e) => set({ teamId: e.target.value || undefined })}>
          <option value="">{t('filters.any')}</option>
          <option value="mine">{t('filters.myTeams')}</option>
          {directory.teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('filters.assignee')}</span>
        <select value={filter.assigneeId ?? ''} onChange={(e) => set({ assigneeId: e.target.value || undefined })}>
          <option value="">{t('filters.any')}</option>
          <option value="me">{t('filters.me')}</option>
          <option value="none">{t('filters.nobody')}</option>
          {directory.agents.filter((a) => a.active).map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <form
        className="tag-filter"
        onSubmit={(e) => {
          e.preventDefault()
          set({ tag: tag.trim() || undefined })
        }}
      >
        <label>
          <span>{t('filters.tag')}</span>
          <input value={tag} onChange={(e) => setTag(e.target.value)} onBlur={() => set({ tag: tag.trim() || undefined })} size={10} />
        </label>
      </form>
      <label>
        <span>{t('filters.sort')}</span>
        <select value={sort} onChange={(e) => onSort(e.target.value as SortKey)}>
          {SORT_KEYS.map((key) => (
            <option key={key} value={key}>
              {t(`sort.${key}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}
