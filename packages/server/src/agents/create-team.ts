import type { CreateTeamInput, TeamView } from '@madoguchi/shared'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { newId } from '../lib/ids.ts'
import { findTeamByName, insertTeam } from './team.repo.ts'
import { toTeamView } from './team-view.ts'
import { isUniqueViolation } from './unique-violation.ts'

export async function createTeam(deps: Deps, actor: Principal, input: CreateTeamInput, ip: string | null): Promise<TeamView> {
  const at = deps.clock.now().toISOString()
  try {
    return await deps.transact(async (trx) => {
      if (await findTeamByName(trx, actor.accountId, input.name)) throw new AppError('team.name_taken')
      const row = await insertTeam(trx, {
        id: newId(),
        account_id: actor.accountId,
        name: input.name,
        description: input.description ?? null,
        is_partner: input.isPartner ? 1 : 0,
        created_at: at,
      })
      await recordAudit(trx, {
        accountId: actor.accountId,
        actorId: actor.agentId,
        action: 'team.created',
        targetType: 'team',
        targetId: row.id,
        details: { name: row.name, isPartner: input.isPartner },
        ip,
        at,
      })

      return toTeamView(row)
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('team.name_taken')
    throw error
  }
}
