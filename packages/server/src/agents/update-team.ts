import type { TeamView, UpdateTeamInput } from '@madoguchi/shared'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { isId } from '../lib/ids.ts'
import { findTeam, findTeamByName, updateTeamRow } from './team.repo.ts'
import { toTeamView } from './team-view.ts'
import { isUniqueViolation } from './unique-violation.ts'

/** Rename, describe, or mark a team as a partner (BPO) team; audited with before → after. */
export async function updateTeam(deps: Deps, actor: Principal, teamId: string, input: UpdateTeamInput, ip: string | null): Promise<TeamView> {
  if (!isId(teamId)) throw new AppError('team.not_found')
  const at = deps.clock.now().toISOString()
  try {
    return await deps.transact(async (trx) => {
      const row = await findTeam(trx, actor.accountId, teamId)
      if (!row) throw new AppError('team.not_found')
      const changes: Record<string, { from: unknown; to: unknown }> = {}
      const update: Parameters<typeof updateTeamRow>[3] = {}
      if (input.name !== undefined && input.name !== row.name) {
        const clash = await findTeamByName(trx, actor.accountId, input.name)
        if (clash) throw new AppError('team.name_taken')
        update.name = input.name
        changes.name = { from: row.name, to: input.name }
      }
      if (input.description !== undefined && input.description !== row.description) {
        update.description = input.description
        changes.description = { from: row.description, to: input.description }
      }
      if (input.isPartner !== undefined && (input.isPartner ? 1 : 0) !== row.is_partner) {
        update.is_partner = input.isPartner ? 1 : 0
        changes.isPartner = { from: row.is_partner === 1, to: input.isPartner }
      }
      if (Object.keys(changes).length === 0) return toTeamView(row)
      const updated = await updateTeamRow(trx, actor.accountId, teamId, update)
      await recordAudit(trx, {
        accountId: actor.accountId,
        actorId: actor.agentId,
        action: 'team.updated',
        targetType: 'team',
        targetId: teamId,
        details: { changes },
        ip,
        at,
      })

      return toTeamView(updated)
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('team.name_taken')
    throw error
  }
}
