import type { DryRunView, HypotheticalTicket, TriggerEvent } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { loadVisibleTicket, parseTicketRef } from '../tickets/ticket-access.ts'
import { loadTriggers } from './automation.repo.ts'
import { factsOf, loadFactExtras, loadRuleCalendars } from './build-facts.ts'
import { explainRules } from './evaluate-rules.ts'

/**
 * `POST /automation/dry-run`: which triggers an event would set off on a real
 * ticket (as it is now) or a hypothetical one, in order, with every condition's
 * result and the value it saw. Writes nothing. Each rule is judged on the ticket
 * as given (the dry run does not apply earlier rules' actions).
 */
export async function dryRun(deps: Deps, principal: Principal, input: { ticketId?: string; ticket?: HypotheticalTicket; event: TriggerEvent; at?: string }): Promise<DryRunView> {
  const at = input.at ? new Date(input.at) : deps.clock.now()
  const rules = await loadTriggers(deps.db, principal.accountId, input.event)
  if (input.ticketId !== undefined) {
    const ticket = await loadVisibleTicket(deps.db, principal, parseTicketRef(input.ticketId))
    const extras = await loadFactExtras(deps.db, ticket, rules, at)

    return { event: input.event, rules: explainRules(rules, factsOf(ticket, extras)) }
  }
  const t = input.ticket!
  const facts = factsOf(
    { status: t.status, priority: t.priority, category: t.category, channel: t.channel, team_id: t.teamId, assignee_id: t.assigneeId, subject: t.subject, tags: JSON.stringify(t.tags), custom_fields: JSON.stringify(t.customFields) },
    { latestText: t.body, vip: t.customer.vip, handleWithCare: t.customer.handleWithCare, hoursInStatus: null, calendars: await loadRuleCalendars(deps.db, principal.accountId, rules), at },
  )

  return { event: input.event, rules: explainRules(rules, facts) }
}
