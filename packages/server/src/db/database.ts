import type { Kysely, Transaction } from 'kysely'
import type { AccountTable } from '../accounts/account.table.ts'
import type { AgentTable, AgentTeamTable, TeamTable } from '../agents/agent.table.ts'
import type { ApiTokenTable, SessionTable } from '../auth/auth.table.ts'
import type { AuditLogTable, EventTable } from '../audit/audit.table.ts'
import type { CustomerContactTable, CustomerTable } from '../customers/customer.table.ts'
import type { IdempotencyKeyTable, RateLimitTable } from '../http/idempotency.table.ts'
import type { JobTable } from '../jobs/job.table.ts'
import type { AttachmentTable, EmailOutboundTable, InboxAddressTable, InboxTable, RawEmailTable } from '../channels/email/email.table.ts'
import type { MessageTable, TicketTable, TicketTagTable } from '../tickets/ticket.table.ts'
import type { PresenceTable } from '../realtime/ws-presence.table.ts'
import type { BusinessCalendarTable } from '../calendars/business-calendar.table.ts'
import type { SlaPolicyTable, TicketSlaTable } from '../sla/sla.table.ts'
import type { CategoryRouteTable, TeamRoutingTable } from '../routing/routing.table.ts'
import type { EscalationTable, NotificationTable, TicketRestrictionTable } from '../escalation/escalation.table.ts'
import type { SearchDocumentTable } from '../search/search.table.ts'
import type { HelpCenterSecretTable, KbArticleGroupTable, KbArticleRevisionTable, KbArticleTable, KbCategoryTable, KbFeedbackTable, KbImageTable } from '../knowledge/knowledge.table.ts'
import type { AutomationRuleRunTable, AutomationRuleTable, MacroTable } from '../automation/automation.table.ts'

/** The whole schema, composed from each feature's table types. */
export interface Database {
  accounts: AccountTable
  teams: TeamTable
  agents: AgentTable
  agent_teams: AgentTeamTable
  sessions: SessionTable
  api_tokens: ApiTokenTable
  customers: CustomerTable
  customer_contacts: CustomerContactTable
  tickets: TicketTable
  ticket_tags: TicketTagTable
  messages: MessageTable
  events: EventTable
  audit_log: AuditLogTable
  idempotency_keys: IdempotencyKeyTable
  jobs: JobTable
  rate_limits: RateLimitTable
  inboxes: InboxTable
  inbox_addresses: InboxAddressTable
  raw_emails: RawEmailTable
  attachments: AttachmentTable
  email_outbound: EmailOutboundTable
  presence: PresenceTable
  business_calendars: BusinessCalendarTable
  // issue 7: SLA, routing, escalation, automation
  sla_policies: SlaPolicyTable
  ticket_slas: TicketSlaTable
  team_routing: TeamRoutingTable
  category_routes: CategoryRouteTable
  escalations: EscalationTable
  ticket_restrictions: TicketRestrictionTable
  notifications: NotificationTable
  automation_rules: AutomationRuleTable
  automation_rule_runs: AutomationRuleRunTable
  macros: MacroTable
  // issue 6: search index (the FTS5 table / tsvector column are reached with raw SQL)
  search_documents: SearchDocumentTable
  // issue 6: knowledge base and help center
  kb_categories: KbCategoryTable
  kb_article_groups: KbArticleGroupTable
  kb_articles: KbArticleTable
  kb_article_revisions: KbArticleRevisionTable
  kb_feedback: KbFeedbackTable
  kb_images: KbImageTable
  help_center_secrets: HelpCenterSecretTable
}

export type Db = Kysely<Database>
export type Trx = Transaction<Database>
/** Either the root connection or a transaction: read helpers accept both. */
export type Executor = Kysely<Database> | Transaction<Database>
