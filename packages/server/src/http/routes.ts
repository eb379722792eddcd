import type { FastifyInstance } from 'fastify'
import type { Deps } from '../deps.ts'
import { jobRoutes } from '../jobs/jobs.routes.ts'
import { calendarRoutes } from '../calendars/calendars.routes.ts'
import { authRoutes } from '../auth/auth.routes.ts'
import { tokenRoutes } from '../auth/tokens.routes.ts'
import { agentRoutes } from '../agents/agents.routes.ts'
import { teamRoutes } from '../agents/teams.routes.ts'
import { accountRoutes } from '../accounts/accounts.routes.ts'
import { auditRoutes } from '../audit/audit.routes.ts'
import { ticketRoutes } from '../tickets/tickets.routes.ts'
import { inboxRoutes } from '../channels/email/inboxes.routes.ts'
import { attachmentRoutes } from '../channels/email/attachments.routes.ts'
import { customerRoutes } from '../customers/customers.routes.ts'
import { realtimeRoutes } from '../realtime/ws.routes.ts'
import { slaRoutes } from '../sla/sla.routes.ts'
import { routingRoutes } from '../routing/routing.routes.ts'
import { escalationRoutes } from '../escalation/escalation.routes.ts'
import { automationRoutes } from '../automation/automation.routes.ts'
import { searchRoutes } from '../search/search.routes.ts'
import { knowledgeRoutes } from '../knowledge/knowledge.routes.ts'

/**
 * The `/api/v1` route groups, one per feature. Each group declares `config.access`
 * on every route (enforced by access.ts).
 */
export async function apiRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(async (s) => authRoutes(s, deps))
  await app.register(async (s) => tokenRoutes(s, deps))
  await app.register(async (s) => agentRoutes(s, deps))
  await app.register(async (s) => teamRoutes(s, deps))
  await app.register(async (s) => accountRoutes(s, deps))
  await app.register(async (s) => auditRoutes(s, deps))
  await app.register(async (s) => ticketRoutes(s, deps))
  await app.register(async (s) => inboxRoutes(s, deps))
  await app.register(async (s) => attachmentRoutes(s, deps))
  await app.register(async (s) => customerRoutes(s, deps))
  await app.register(async (s) => realtimeRoutes(s, deps))
  await app.register(async (s) => jobRoutes(s, deps))
  await app.register(async (s) => calendarRoutes(s, deps))
  await app.register(async (s) => slaRoutes(s, deps))
  await app.register(async (s) => routingRoutes(s, deps))
  await app.register(async (s) => escalationRoutes(s, deps))
  await app.register(async (s) => automationRoutes(s, deps))
  await app.register(async (s) => searchRoutes(s, deps))
  await app.register(async (s) => knowledgeRoutes(s, deps))
  void app
  void deps
}
