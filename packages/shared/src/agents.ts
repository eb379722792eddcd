import { z } from 'zod'
import { agentEmail, ianaTimeZone, passwordPolicy, singleLineText, uiLocale } from './auth.ts'
import { role } from './domain.ts'

/** Administration of agents, teams, the account and the audit log. */

/** Ids are UUIDs (v7, minted by the server). */
const id = z.uuid()
const label = singleLineText(50)
/** Language codes such as `ja`, `en`, `zh-Hans`. */
const language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)

export const AGENT_TIERS = [1, 2, 3] as const
export const agentTier = z.union([z.literal(1), z.literal(2), z.literal(3)])

/** Cursor pagination for admin lists: `?cursor=…&limit=…`. */
const pageQuery = {
  cursor: z.string().max(200).regex(/^[A-Za-z0-9_-]+$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
}
const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true')

export const agentView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role,
  teamIds: z.array(z.string()),
  languages: z.array(z.string()),
  skills: z.array(z.string()),
  tier: z.number().int(),
  capacity: z.number().int(),
  timeZone: z.string(),
  locale: uiLocale,
  presence: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type AgentView = z.infer<typeof agentView>

export const listAgentsQuery = z
  .object({
    ...pageQuery,
    teamId: id.optional(),
    role: role.optional(),
    active: booleanQuery.optional(),
  })
  .strict()
export type ListAgentsQuery = z.infer<typeof listAgentsQuery>

export const createAgentInput = z
  .object({
    email: agentEmail,
    name: singleLineText(100),
    role,
    teamIds: z.array(id).max(50).default([]),
    languages: z.array(language).max(20).default(['ja']),
    skills: z.array(label).max(50).default([]),
    tier: agentTier.default(1),
    capacity: z.number().int().min(0).max(1000).default(10),
    timeZone: ianaTimeZone.default('Asia/Tokyo'),
    locale: uiLocale.default('ja'),
    /** Absent: a temporary password is generated and returned once. */
    password: passwordPolicy.optional(),
  })
  .strict()
export type CreateAgentInput = z.infer<typeof createAgentInput>

export const createdAgentView = z.object({
  agent: agentView,
  /** Present only when the server generated the password; shown this once. */
  temporaryPassword: z.string().optional(),
})
export type CreatedAgentView = z.infer<typeof createdAgentView>

export const updateAgentInput = z
  .object({
    email: agentEmail.optional(),
    name: singleLineText(100).optional(),
    role: role.optional(),
    teamIds: z.array(id).max(50).optional(),
    languages: z.array(language).max(20).optional(),
    skills: z.array(label).max(50).optional(),
    tier: agentTier.optional(),
    capacity: z.number().int().min(0).max(1000).optional(),
    timeZone: ianaTimeZone.optional(),
    locale: uiLocale.optional(),
    /** `false` deactivates: the agent can no longer sign in and their sessions end. */
    active: z.boolean().optional(),
    /** Sets a new password (ends the agent's sessions). */
    password: passwordPolicy.optional(),
  })
  .strict()
export type UpdateAgentInput = z.infer<typeof updateAgentInput>

export const teamView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** An outsourced (BPO) team: its members are partners who see only its queues. */
  isPartner: z.boolean(),
  createdAt: z.string(),
})
export type TeamView = z.infer<typeof teamView>

export const createTeamInput = z
  .object({
    name: singleLineText(100),
    description: z.string().trim().max(1000).refine((v) => !v.includes('\0'), 'NUL is not allowed').nullable().optional(),
    isPartner: z.boolean().default(false),
  })
  .strict()
export type CreateTeamInput = z.infer<typeof createTeamInput>

export const updateTeamInput = z
  .object({
    name: singleLineText(100).optional(),
    description: z.string().trim().max(1000).refine((v) => !v.includes('\0'), 'NUL is not allowed').nullable().optional(),
    isPartner: z.boolean().optional(),
  })
  .strict()
export type UpdateTeamInput = z.infer<typeof updateTeamInput>

/** What the public help center (/help) shows about reaching a person, and where it is served. */
export const helpCenterSettingsView = z.object({
  /** Host name the help center answers on for this account (multi-company installs); null = the install's default. */
  host: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  hours: z.object({ ja: z.string().nullable(), en: z.string().nullable() }),
})
export type HelpCenterSettingsView = z.infer<typeof helpCenterSettingsView>

export const accountView = z.object({
  id: z.string(),
  name: z.string(),
  defaultLocale: uiLocale,
  timeZone: z.string(),
  helpCenter: helpCenterSettingsView,
  createdAt: z.string(),
})
export type AccountView = z.infer<typeof accountView>

const optionalLine = (max: number) => singleLineText(max).nullable().optional()
// A DNS host name, lower-cased; no scheme, path or port (`help.shop.example`).
const hostName = z.string().trim().toLowerCase().max(253)
  .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/, 'a host name such as help.example.com (no https://, path or port)')

export const updateAccountInput = z
  .object({
    name: singleLineText(200).optional(),
    defaultLocale: uiLocale.optional(),
    timeZone: ianaTimeZone.optional(),
    helpCenter: z.object({
      host: hostName.nullable().optional(),
      email: optionalLine(200),
      phone: optionalLine(50),
      hours: z.object({ ja: optionalLine(200), en: optionalLine(200) }).strict().optional(),
    }).strict().optional(),
  })
  .strict()
export type UpdateAccountInput = z.infer<typeof updateAccountInput>

export const auditEntryView = z.object({
  id: z.string(),
  /** Null for actions of the system itself (CLI, first start) and unknown callers. */
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  /** Dotted name, e.g. `agent.created`, `token.revoked`, `auth.login_failed`. */
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  createdAt: z.string(),
})
export type AuditEntryView = z.infer<typeof auditEntryView>

export const listAuditLogQuery = z
  .object({
    ...pageQuery,
    action: z.string().max(100).regex(/^[a-z0-9_.]+$/).optional(),
    actorId: id.optional(),
    targetId: id.optional(),
  })
  .strict()
export type ListAuditLogQuery = z.infer<typeof listAuditLogQuery>

export const agentPage = z.object({ items: z.array(agentView), nextCursor: z.string().nullable() })
export const teamList = z.object({ items: z.array(teamView) })
export const auditEntryPage = z.object({ items: z.array(auditEntryView), nextCursor: z.string().nullable() })
