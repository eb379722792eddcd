import type { TFunction } from 'i18next'
import type { Directory } from '../admin/directory.ts'
import { teamName } from '../admin/directory.ts'

/** Where an escalation went, in words: "Supervisors", "Tier 2 team (tier 2)", "Legal". */
export function targetText(t: TFunction, directory: Directory, target: { toSupervisor: boolean; toTeamId: string | null; toTier: number | null }): string {
  if (target.toSupervisor) return t('escalation.toSupervisor')
  const team = teamName(directory, target.toTeamId) ?? t('escalation.noTeam')

  return target.toTier ? t('escalation.toTier', { team, tier: target.toTier }) : team
}

export function fromText(t: TFunction, directory: Directory, fromTeamId: string | null): string {
  return teamName(directory, fromTeamId) ?? t('escalation.noTeam')
}

/** The thread line of a `ticket.escalated` event (its `after` holds reason and target). */
export function escalationEventText(t: TFunction, directory: Directory, actor: string, after: unknown): string {
  const data = (after && typeof after === 'object' ? after : {}) as { reason?: string; toSupervisor?: boolean; toTeamId?: string | null; toTier?: number | null; restricted?: boolean }
  const target = targetText(t, directory, { toSupervisor: data.toSupervisor === true, toTeamId: data.toTeamId ?? null, toTier: data.toTier ?? null })
  const reason = data.reason ? t(`escalation.reasons.${data.reason}`, { defaultValue: data.reason }) : ''
  const line = t('escalation.event', { actor, reason, target })

  return data.restricted ? `${line} — ${t('escalation.restricted')}` : line
}
