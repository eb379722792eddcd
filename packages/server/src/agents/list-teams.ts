import type { TeamView } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { listTeamRows } from './team.repo.ts'
import { toTeamView } from './team-view.ts'

/**
 * Teams by name. Not cursor-paged: an account has tens of teams, and pickers need
 * them all (capped at 1,000). Partners see only their own teams.
 */
export async function listTeams(deps: Deps, principal: Principal): Promise<{ items: TeamView[] }> {
  const rows = await listTeamRows(deps.db, principal.accountId, principal.role === 'partner' ? principal.teamIds : undefined)

  return { items: rows.map(toTeamView) }
}
