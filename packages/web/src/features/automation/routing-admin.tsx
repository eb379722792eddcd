import { useEffect, useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { TeamRoutingView } from '@madoguchi/shared'
import type { TeamView } from '../../api/types.ts'
import { CATEGORIES } from '../../api/types.ts'
import { useAsync } from '../../lib/use-async.ts'
import { useSave } from '../../lib/use-save.ts'
import { EmptyState, ErrorNotice, Loading } from '../../ui/feedback.tsx'
import { useDirectory } from '../admin/directory.ts'
import { routing } from './automation-api.ts'
import type { CategoryRoutes } from './automation-api.ts'
import { ROUTING_MODES } from './options.ts'
import { EscalationPath } from './escalation-path.tsx'
import { FormError } from './field-errors.tsx'
import './settings.css'

/** Categories plus `legal`: the team legal and physical threats are escalated to. */
const ROUTING_KEYS = [...CATEGORIES, 'legal'] as const

export function RoutingAdmin() {
  const { t } = useTranslation()
  const { teams } = useDirectory()

  return (
    <div>
      <h2>{t('settings.routing')}</h2>
      <section aria-labelledby="team-routing-title">
        <h3 id="team-routing-title">{t('routingAdmin.perTeam')}</h3>
        <p className="muted small">{t('routingAdmin.perTeamHint')}</p>
        {teams.length === 0 && <EmptyState title={t('admin.noTeams')} />}
        <ul className="plain">
          {teams.map((team) => <TeamRouting key={team.id} team={team} teams={teams} />)}
        </ul>
      </section>
      <CategoryRouting teams={teams} />
    </div>
  )
}

function TeamRouting({ team, teams }: { team: TeamView; teams: TeamView[] }) {
  const { t } = useTranslation()
  const current = useAsync(() => routing.team(team.id), `routing-${team.id}`)
  const [draft, setDraft] = useState<TeamRoutingView | null>(null)
  const { error, saved, run } = useSave()
  useEffect(() => {
    if (current.data) setDraft(current.data)
  }, [current.data])
  // On the latest draft, not the one of the last render.
  const change = (part: Partial<TeamRoutingView>) => setDraft((d) => (d ? { ...d, ...part } : d))

  const save = (event: FormEvent) => {
    event.preventDefault()
    if (!draft) return
    void run(async () => current.setData(await routing.updateTeam(team.id, { mode: draft.mode, autoAssign: draft.autoAssign, respectCapacity: draft.respectCapacity, escalationSteps: draft.escalationSteps })))
  }

  return (
    <li className="card">
      <form className="row wrap" onSubmit={save} aria-label={t('routingAdmin.teamForm', { name: team.name })}>
        <strong className="team-name">{team.name}</strong>
        {current.loading && !current.data && <Loading />}
        {current.error ? <ErrorNotice error={current.error} onRetry={current.reload} /> : null}
        {draft && (
          <>
            <label className="field">
              <span>{t('routingAdmin.mode')}</span>
              <select value={draft.mode} onChange={(e) => change({ mode: e.target.value as TeamRoutingView['mode'] })}>
                {ROUTING_MODES.map((m) => <option key={m} value={m}>{t(`routingAdmin.modes.${m}`)}</option>)}
              </select>
            </label>
            <label className="check">
              <input type="checkbox" checked={draft.autoAssign} onChange={(e) => change({ autoAssign: e.target.checked })} />
              {t('routingAdmin.autoAssign')}
            </label>
            <label className="check">
              <input type="checkbox" checked={draft.respectCapacity} onChange={(e) => change({ respectCapacity: e.target.checked })} />
              {t('routingAdmin.respectCapacity')}
            </label>
            <EscalationPath steps={draft.escalationSteps} teams={teams} teamName={team.name} error={error} onChange={(escalationSteps) => change({ escalationSteps })} />
            <button type="submit" className="button-small">{t('common.save')}</button>
            {saved && <span role="status" className="muted small">{t('common.saved')}</span>}
          </>
        )}
      </form>
      <FormError error={error} />
    </li>
  )
}

function CategoryRouting({ teams }: { teams: TeamView[] }) {
  const { t } = useTranslation()
  const current = useAsync(() => routing.categories(), 'category-routes')
  const [draft, setDraft] = useState<CategoryRoutes | null>(null)
  const { error, saved, run } = useSave()
  useEffect(() => {
    if (current.data) setDraft(current.data)
  }, [current.data])

  const save = (event: FormEvent) => {
    event.preventDefault()
    if (!draft) return
    void run(async () => current.setData(await routing.setCategories(draft)))
  }

  return (
    <section aria-labelledby="category-routing-title">
      <h3 id="category-routing-title">{t('routingAdmin.categories')}</h3>
      <p className="muted small">{t('routingAdmin.categoriesHint')}</p>
      {current.loading && !current.data && <Loading />}
      {current.error ? <ErrorNotice error={current.error} onRetry={current.reload} /> : null}
      {draft && (
        <form className="card" onSubmit={save}>
          <FormError error={error} />
          <div className="category-grid">
            {ROUTING_KEYS.map((key) => (
              <label key={key} className="field">
                <span>{key === 'legal' ? t('routingAdmin.legal') : t(`categories.${key}`)}</span>
                <select
                  value={draft[key] ?? ''}
                  onChange={(e) => {
                    const next = { ...draft }
                    if (e.target.value) next[key] = e.target.value
                    else delete next[key]
                    setDraft(next)
                  }}
                >
                  <option value="">{t('routingAdmin.noOwner')}</option>
                  {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
                </select>
              </label>
            ))}
          </div>
          <div className="row">
            <button type="submit" className="button-primary">{t('common.save')}</button>
            {saved && <span role="status" className="muted small">{t('common.saved')}</span>}
          </div>
        </form>
      )}
    </section>
  )
}
