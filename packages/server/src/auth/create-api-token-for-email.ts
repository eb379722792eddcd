import type { CreatedApiTokenView } from '@madoguchi/shared'
import { findAgentsByEmailAnyAccount } from '../agents/agent.repo.ts'
import type { Deps } from '../deps.ts'
import { createApiToken } from './create-api-token.ts'

export interface CreateApiTokenForEmailOptions {
  /** The agent the token will act as (must be active). */
  email: string
  name: string
  /** ISO-8601 in the future; absent: never expires. */
  expiresAt?: string | null
  /** Required only when this email exists in several accounts. */
  accountId?: string
}

/** `madoguchi token create`: finds the agent by email, then mints a token as the system. */
export async function createApiTokenForEmail(deps: Deps, options: CreateApiTokenForEmailOptions): Promise<CreatedApiTokenView> {
  const agents = (await findAgentsByEmailAnyAccount(deps.db, options.email.trim().toLowerCase()))
    .filter((a) => a.active === 1 && (!options.accountId || a.account_id === options.accountId))
  if (agents.length === 0) throw new Error(`No active agent with email ${options.email}`)
  if (agents.length > 1) throw new Error(`${options.email} exists in several accounts: pass the account id`)
  const agent = agents[0]!

  return createApiToken(deps, { accountId: agent.account_id, agentId: agent.id, name: options.name, expiresAt: options.expiresAt ?? null, actorId: null })
}
