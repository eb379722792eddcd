import { createAgentInput, listAgentsQuery } from '@madoguchi/shared'
import { createAgent } from '../agents/create-agent.ts'
import { createTeam } from '../agents/create-team.ts'
import { listAgents } from '../agents/list-agents.ts'
import { listTeams } from '../agents/list-teams.ts'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import type { DemoAgentKey, DemoTeamKey } from './demo-staff.ts'
import { DEMO_AGENTS, DEMO_TEAMS, demoAgentEmail } from './demo-staff.ts'

export interface DemoStaff {
  teamIds: Record<DemoTeamKey, string>
  /** Each demo agent as the principal its actions in the demo are done by. */
  agents: Record<DemoAgentKey, Principal>
}

/** An admin acting from the server itself (no request, no session). */
export function systemPrincipal(accountId: string, agentId: string, name: string): Principal {
  return { accountId, agentId, role: 'admin', name, locale: 'ja', timeZone: 'Asia/Tokyo', teamIds: [], via: 'token' }
}

/**
 * The demo teams and agents, through the same use cases an admin uses (audited as
 * done by `actor`). Agents get a random password that nobody sees, so none of them
 * can sign in until an admin resets it: a demo must not ship a known credential.
 * Teams and agents that already exist (by name / e-mail) are reused, so an
 * interrupted seed can run again.
 */
export async function seedDemoStaff(deps: Deps, actor: Principal): Promise<DemoStaff> {
  const teamsByName = new Map((await listTeams(deps, actor)).items.map((t) => [t.name, t.id]))
  const teamIds = {} as Record<DemoTeamKey, string>
  for (const team of DEMO_TEAMS) {
    teamIds[team.key] =
      teamsByName.get(team.name) ??
      (await createTeam(deps, actor, { name: team.name, description: team.description, isPartner: team.isPartner }, null)).id
  }

  const existing = new Map<string, { id: string }>()
  let cursor: string | undefined
  do {
    const page = await listAgents(deps, actor, listAgentsQuery.parse({ limit: 200, ...(cursor ? { cursor } : {}) }))
    for (const agent of page.items) existing.set(agent.email, agent)
    cursor = page.nextCursor ?? undefined
  } while (cursor)

  const agents = {} as Record<DemoAgentKey, Principal>
  for (const a of DEMO_AGENTS) {
    const email = demoAgentEmail(a.key)
    const teams = a.teams.map((key) => teamIds[key])
    const id =
      existing.get(email)?.id ??
      (
        await createAgent(
          deps,
          { accountId: actor.accountId, agentId: actor.agentId },
          createAgentInput.parse({
            email, name: a.name, role: a.role, teamIds: teams, languages: a.languages, skills: a.skills,
            tier: a.tier, locale: a.locale, timeZone: a.timeZone,
          }),
        )
      ).agent.id
    agents[a.key] = { accountId: actor.accountId, agentId: id, role: a.role, name: a.name, locale: a.locale, timeZone: a.timeZone, teamIds: teams, via: 'token' }
  }

  return { teamIds, agents }
}
