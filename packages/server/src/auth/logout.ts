import type { Deps } from '../deps.ts'
import { deleteSessionById } from './session.repo.ts'

/** Ends the session behind this cookie; a missing or unknown one is already "signed out". */
export async function logout(deps: Deps, sessionId: string | undefined): Promise<void> {
  if (sessionId) await deleteSessionById(deps.db, sessionId)
}
