import type { Migration, MigrationProvider } from 'kysely'
import * as core from './2026_11_27_0001_core.ts'
import * as email from './2026_11_27_1100_email.ts'
import * as presence from './2026_11_27_1050_presence.ts'
import * as businessCalendars from './2026_11_27_1105_business_calendars.ts'
import * as ticketTagsSortKey from './2026_11_27_1110_ticket_tags_sort_key.ts'
import * as slaRoutingEscalationAutomation from './2026_11_27_1130_sla_routing_escalation_automation.ts'
import * as routingLoadIndex from './2026_11_27_1315_routing_load_index.ts'
import * as search from './2026_11_27_1200_search.ts'
import * as customerContactsByCustomer from './2026_11_27_1205_customer_contacts_by_customer.ts'
import * as knowledgeBase from './2026_11_27_1215_knowledge_base.ts'
import * as kbImages from './2026_11_27_1430_kb_images.ts'
import * as escalationAcknowledged from './2026_11_27_1340_escalation_acknowledged.ts'
import * as ticketsCreatedSort from './2026_11_27_1350_tickets_created_sort.ts'
import * as ticketCountIndexes from './2026_11_27_1510_ticket_count_indexes.ts'
import * as macroActions from './2026_11_27_1405_macro_actions.ts'
import * as helpCenterHost from './2026_11_27_1500_help_center_host.ts'
import * as searchPrefixAndType from './2026_11_27_1520_search_prefix_and_type.ts'
import * as accountConfigVersion from './2026_11_27_1540_account_config_version.ts'
import * as unambiguousLookupIndexes from './2026_11_28_0700_unambiguous_lookup_indexes.ts'
import * as rawEmailsPendingPartial from './2026_11_28_0730_raw_emails_pending_partial.ts'

/**
 * Static list of migrations (not a folder scan) so the server bundles and the order
 * is explicit. Append new migrations at the end; never edit one that has shipped.
 */
const MIGRATIONS: Record<string, Migration> = {
  '2026_11_27_0001_core': core,
  '2026_11_27_1100_email': email,
  '2026_11_27_1050_presence': presence,
  '2026_11_27_1105_business_calendars': businessCalendars,
  '2026_11_27_1110_ticket_tags_sort_key': ticketTagsSortKey,
  '2026_11_27_1130_sla_routing_escalation_automation': slaRoutingEscalationAutomation,
  '2026_11_27_1315_routing_load_index': routingLoadIndex,
  '2026_11_27_1200_search': search,
  '2026_11_27_1205_customer_contacts_by_customer': customerContactsByCustomer,
  '2026_11_27_1215_knowledge_base': knowledgeBase,
  '2026_11_27_1430_kb_images': kbImages,
  '2026_11_27_1340_escalation_acknowledged': escalationAcknowledged,
  '2026_11_27_1350_tickets_created_sort': ticketsCreatedSort,
  '2026_11_27_1405_macro_actions': macroActions,
  '2026_11_27_1500_help_center_host': helpCenterHost,
  '2026_11_27_1510_ticket_count_indexes': ticketCountIndexes,
  '2026_11_27_1520_search_prefix_and_type': searchPrefixAndType,
  '2026_11_27_1540_account_config_version': accountConfigVersion,
  '2026_11_28_0700_unambiguous_lookup_indexes': unambiguousLookupIndexes,
  '2026_11_28_0730_raw_emails_pending_partial': rawEmailsPendingPartial,
}

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
}
