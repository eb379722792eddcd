import type { Executor } from '../db/database.ts'
import { AppError } from '../lib/app-error.ts'
import { existingTeamIds } from './team.repo.ts'

/** De-duplicates and checks that every team belongs to the account (422 otherwise). */
export async function checkTeamIds(db: Executor, accountId: string, teamIds: string[]): Promise<string[]> {
  const unique = [...new Set(teamIds)]
  const found = await existingTeamIds(db, accountId, unique)
  const missing = unique.filter((id) => !found.has(id))
  if (missing.length > 0) throw new AppError('agent.team_not_found', { teamIds: missing })

  return unique.sort()
}
