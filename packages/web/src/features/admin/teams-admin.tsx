import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { directory as endpoints } from '../../api/endpoints.ts'
import type { TeamView } from '../../api/types.ts'
import { useAsync } from '../../lib/use-async.ts'
import { EmptyState, ErrorNotice, Loading } from '../../ui/feedback.tsx'
import { refreshDirectory } from './directory.ts'

export function TeamsAdmin() {
  const { t } = useTranslation()
  const teams = useAsync(() => endpoints.teams(), 'teams')
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [isPartner, setPartner] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const create = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    try {
      const team = await endpoints.createTeam({ name, description: description || null, isPartner })
      teams.setData((list) => [...(list ?? []), team])
      refreshDirectory()
      setName('')
      setDescription('')
      setPartner(false)
    } catch (err) {
      setError(err)
    }
  }

  return (
    <div>
      <h2>{t('admin.teams')}</h2>
      <form className="card" onSubmit={create} aria-labelledby="new-team-title">
        <h3 id="new-team-title">{t('admin.newTeam')}</h3>
        <ErrorNotice error={error} />
        <div className="row wrap">
          <label className="field">
            <span>{t('admin.name')}</span>
            <input required value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('admin.description')}</span>
            <input value={description} onChange={(e) => setDescription(e.target.value)} />
          </label>
          <label className="check">
            <input type="checkbox" checked={isPartner} onChange={(e) => setPartner(e.target.checked)} />
            {t('admin.partnerTeam')}
          </label>
        </div>
        <button type="submit" className="button-primary">
          {t('admin.createTeam')}
        </button>
      </form>
      {teams.loading && !teams.data ? <Loading /> : null}
      {teams.error ? <ErrorNotice error={teams.error} onRetry={teams.reload} /> : null}
      {teams.data?.length === 0 && <EmptyState title={t('admin.noTeams')} />}
      <ul className="team-list">
        {teams.data?.map((team) => (
          <TeamRow key={team.id} team={team} onSaved={(next) => teams.setData((list) => (list ?? []).map((x) => (x.id === next.id ? next : x)))} />
        ))}
      </ul>
    </div>
  )
}

function TeamRow({ team, onSaved }: { team: TeamView; onSaved(team: TeamView): void }) {
  const { t } = useTranslation()
  const [name, setName] = useState(team.name)
  const [error, setError] = useState<unknown>(null)
  const save = async (event: FormEvent) => {
    event.preventDefault()
    if (name.trim() === team.name) return
    setError(null)
    try {
      onSaved(await endpoints.updateTeam(team.id, { name: name.trim() }))
      refreshDirectory()
    } catch (err) {
      setError(err)
    }
  }

  return (
    <li className="card">
      <form className="row" onSubmit={save}>
        <label className="field">
          <span className="visually-hidden">{t('admin.teamName')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <button type="submit" className="button-small">
          {t('admin.rename')}
        </button>
        {team.isPartner && <span className="badge">{t('admin.partnerTeam')}</span>}
        {team.description && <span className="muted small">{team.description}</span>}
      </form>
      <ErrorNotice error={error} />
    </li>
  )
}
