import { useTranslation } from 'react-i18next'
import type { EscalationStep } from '@madoguchi/shared'
import type { TeamView } from '../../api/types.ts'
import { FieldError } from './field-errors.tsx'

const MAX_STEPS = 5
const TIERS = [1, 2, 3] as const

interface Props {
  steps: EscalationStep[]
  teams: TeamView[]
  teamName: string
  error: unknown
  onChange(steps: EscalationStep[]): void
}

/** A team's way up: tier 1 → tier 2 → tier 3; past the last step a ticket goes to supervisors. */
export function EscalationPath({ steps, teams, teamName, error, onChange }: Props) {
  const { t } = useTranslation()
  const set = (i: number, step: EscalationStep | null) => onChange(step ? steps.map((s, k) => (k === i ? step : s)) : steps.filter((_, k) => k !== i))
  const form = `routing-${teamName}`

  return (
    <fieldset className="rule-section escalation-path">
      <legend>{t('routingAdmin.escalationPath', { name: teamName })}</legend>
      <ol className="rule-parts">
        {steps.map((step, i) => (
          <li key={i} className="rule-part">
            <div className="row wrap">
              <label className="field">
                <span>{t('routingAdmin.stepTeam', { n: i + 1 })}</span>
                <select value={step.teamId} onChange={(e) => set(i, { ...step, teamId: e.target.value })}>
                  {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
                </select>
              </label>
              <label className="field">
                <span>{t('routingAdmin.stepTier', { n: i + 1 })}</span>
                <select
                  value={step.tier ?? ''}
                  onChange={(e) => {
                    const next: EscalationStep = { teamId: step.teamId }
                    if (e.target.value) next.tier = Number(e.target.value) as 1 | 2 | 3
                    set(i, next)
                  }}
                >
                  <option value="">{t('routingAdmin.anyTier')}</option>
                  {TIERS.map((tier) => <option key={tier} value={tier}>{t('routingAdmin.tier', { tier })}</option>)}
                </select>
              </label>
              <button type="button" className="button-small" onClick={() => set(i, null)} aria-label={t('routingAdmin.removeStep', { n: i + 1 })}>
                {t('rules.remove')}
              </button>
            </div>
            <FieldError error={error} path={`escalationSteps.${i}`} form={form} />
          </li>
        ))}
      </ol>
      <p className="muted small">{t('routingAdmin.thenSupervisors')}</p>
      <button
        type="button" className="button-small" disabled={steps.length >= MAX_STEPS || teams.length === 0}
        onClick={() => onChange([...steps, { teamId: teams[0]!.id, tier: (Math.min(steps.length + 2, 3)) as 1 | 2 | 3 }])}
      >
        {t('routingAdmin.addStep')}
      </button>
    </fieldset>
  )
}
