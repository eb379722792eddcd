import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { directory as endpoints } from '../../api/endpoints.ts'
import type { AgentView, Role } from '../../api/types.ts'
import { ROLES } from '../../api/types.ts'
import { useAsync } from '../../lib/use-async.ts'
import { useMe } from '../../session/session.tsx'
import { EmptyState, ErrorNotice, Loading } from '../../ui/feedback.tsx'
import { refreshDirectory, useDirectory } from './directory.ts'

export function AgentsAdmin() {
  const { t } = useTranslation()
  const me = useMe()
  const agents = useAsync(() => endpoints.agents(), 'agents')
  const { teams } = useDirectory()
  const [error, setError] = useState<unknown>(null)

  const update = async (agent: AgentView, patch: Partial<Pick<AgentView, 'role' | 'teamIds' | 'active'>>) => {
    setError(null)
    try {
      const updated = await endpoints.updateAgent(agent.id, patch)
      agents.setData((list) => (list ?? []).map((a) => (a.id === updated.id ? updated : a)))
      refreshDirectory()
    } catch (err) {
      setError(err)
    }
  }

  return (
    <div>
      <h2>{t('admin.agents')}</h2>
      <InviteAgent onInvited={(a) => agents.setData((list) => [...(list ?? []), a])} />
      <ErrorNotice error={error} />
      {agents.loading && !agents.data ? <Loading /> : null}
      {agents.error ? <ErrorNotice error={agents.error} onRetry={agents.reload} /> : null}
      {agents.data?.length === 0 && <EmptyState title={t('admin.noAgents')} />}
      {agents.data && agents.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('admin.name')}</th>
              <th scope="col">{t('admin.email')}</th>
              <th scope="col">{t('admin.role')}</th>
              <th scope="col">{t('admin.teams')}</th>
              <th scope="col">{t('admin.status')}</th>
            </tr>
          </thead>
          <tbody>
            {agents.data.map((agent) => (
              <tr key={agent.id} className={agent.active ? '' : 'is-inactive'}>
                <td>{agent.name}</td>
                <td>{agent.email}</td>
                <td>
                  <select aria-label={t('admin.roleOf', { name: agent.name })} value={agent.role} onChange={(e) => void update(agent, { role: e.target.value as Role })}>
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`roles.${r}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <fieldset className="team-checks">
                    <legend className="visually-hidden">{t('admin.teamsOf', { name: agent.name })}</legend>
                    {teams.map((team) => (
                      <label key={team.id} className="check">
                        <input
                          type="checkbox"
                          checked={agent.teamIds.includes(team.id)}
                          onChange={(e) =>
                            void update(agent, { teamIds: e.target.checked ? [...agent.teamIds, team.id] : agent.teamIds.filter((x) => x !== team.id) })
                          }
                        />
                        {team.name}
                      </label>
                    ))}
                  </fieldset>
                </td>
                <td>
                  <span className="agent-state">{agent.active ? t('admin.active') : t('admin.inactive')}</span>{' '}
                  {agent.id !== me.id && (
                    <button type="button" className="button-small" onClick={() => void update(agent, { active: !agent.active })}>
                      {agent.active ? t('admin.deactivate') : t('admin.reactivate')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

function InviteAgent({ onInvited }: { onInvited(agent: AgentView): void }) {
  const { t } = useTranslation()
  const { teams } = useDirectory()
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const [role, setRole] = useState<Role>('agent')
  const [teamIds, setTeamIds] = useState<string[]>([])
  const [error, setError] = useState<unknown>(null)
  const [created, setCreated] = useState<{ email: string; password?: string } | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    try {
      const result = await endpoints.createAgent({ email, name, role, teamIds })
      onInvited(result.agent)
      refreshDirectory()
      setCreated({ email: result.agent.email, password: result.temporaryPassword })
      setEmail('')
      setName('')
      setTeamIds([])
    } catch (err) {
      setError(err)
    }
  }

  return (
    <form className="card invite" onSubmit={submit} aria-labelledby="invite-title">
      <h3 id="invite-title">{t('admin.invite')}</h3>
      <ErrorNotice error={error} />
      {created && (
        <p className="notice notice-ok" role="status">
          {t('admin.invited', { email: created.email })}
          {created.password && (
            <>
              {' '}
              {t('admin.temporaryPassword')}: <code>{created.password}</code>
            </>
          )}
        </p>
      )}
      <div className="row wrap">
        <label className="field">
          <span>{t('admin.email')}</span>
          <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('admin.name')}</span>
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('admin.role')}</span>
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="team-checks">
          <legend>{t('admin.teams')}</legend>
          {teams.map((team) => (
            <label key={team.id} className="check">
              <input type="checkbox" checked={teamIds.includes(team.id)} onChange={(e) => setTeamIds(e.target.checked ? [...teamIds, team.id] : teamIds.filter((x) => x !== team.id))} />
              {team.name}
            </label>
          ))}
        </fieldset>
      </div>
      <button type="submit" className="button-primary">
        {t('admin.sendInvite')}
      </button>
    </form>
  )
}
