import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { tickets } from '../../api/endpoints.ts'
import type { TicketView } from '../../api/types.ts'
import { CATEGORIES, PRIORITIES, STATUSES } from '../../api/types.ts'
import { useDirectory } from '../admin/directory.ts'
import { ErrorNotice } from '../../ui/feedback.tsx'

type Patch = Parameters<typeof tickets.update>[1]

/**
 * Status, priority, assignee, team, category and tags, each changed in place.
 * The change shows at once and is rolled back with the server's message if refused.
 */
export function TicketFields({ ticket, onChange }: { ticket: TicketView; onChange(ticket: TicketView): void }) {
  const { t } = useTranslation()
  const directory = useDirectory()
  const [error, setError] = useState<unknown>(null)
  const [tagText, setTagText] = useState(ticket.tags.join(', '))
  const [saving, setSaving] = useState(false)
  const tagsKey = ticket.tags.join(', ')
  // Someone else changed the tags: show theirs unless this agent is editing them.
  useEffect(() => {
    if (document.activeElement?.getAttribute('data-testid') !== 'field-tags') setTagText(tagsKey)
  }, [tagsKey])

  const save = async (patch: Patch) => {
    const previous = ticket
    onChange({ ...ticket, ...patch } as TicketView)
    setError(null)
    setSaving(true)
    try {
      onChange(await tickets.update(ticket.id, patch))
    } catch (err) {
      onChange(previous)
      setError(err)
    } finally {
      setSaving(false)
    }
  }

  const saveTags = () => {
    const tags = [...new Set(tagText.split(/[,、]/).map((s) => s.trim()).filter(Boolean))]
    if (tags.join(',') !== ticket.tags.join(',')) void save({ tags })
  }

  return (
    <div className="ticket-fields" aria-busy={saving}>
      <ErrorNotice error={error} />
      <label className="field-inline">
        <span>{t('fields.status')}</span>
        <select data-testid="field-status" value={ticket.status} onChange={(e) => void save({ status: e.target.value as TicketView['status'] })}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        <span>{t('fields.priority')}</span>
        <select data-testid="field-priority" value={ticket.priority} onChange={(e) => void save({ priority: e.target.value as TicketView['priority'] })}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`priorities.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        <span>{t('fields.assigneeId')}</span>
        <select data-testid="field-assignee" value={ticket.assigneeId ?? ''} onChange={(e) => void save({ assigneeId: e.target.value || null })}>
          <option value="">{t('inbox.unassigned')}</option>
          {directory.agents
            .filter((a) => a.active || a.id === ticket.assigneeId)
            .map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          {ticket.assigneeId && !directory.agents.some((a) => a.id === ticket.assigneeId) && <option value={ticket.assigneeId}>{ticket.assigneeId.slice(-6)}</option>}
        </select>
      </label>
      <label className="field-inline">
        <span>{t('fields.teamId')}</span>
        <select data-testid="field-team" value={ticket.teamId ?? ''} onChange={(e) => void save({ teamId: e.target.value || null })}>
          <option value="">{t('ticket.none')}</option>
          {directory.teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
          {ticket.teamId && !directory.teams.some((x) => x.id === ticket.teamId) && <option value={ticket.teamId}>{ticket.teamId.slice(-6)}</option>}
        </select>
      </label>
      <label className="field-inline">
        <span>{t('fields.category')}</span>
        <select data-testid="field-category" value={ticket.category ?? ''} onChange={(e) => void save({ category: (e.target.value || null) as TicketView['category'] })}>
          <option value="">{t('ticket.none')}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`categories.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline field-tags">
        <span>{t('fields.tags')}</span>
        <input
          data-testid="field-tags"
          value={tagText}
          onChange={(e) => setTagText(e.target.value)}
          onBlur={saveTags}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.nativeEvent.isComposing && e.keyCode !== 229) {
              e.preventDefault()
              saveTags()
            }
          }}
          placeholder={t('ticket.tagsPlaceholder')}
        />
      </label>
    </div>
  )
}
