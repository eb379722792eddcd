import type { RealtimeEvent, TriggerEvent } from '@madoguchi/shared'
import { recordEvent } from '../audit/record-event.ts'
import type { AccountConfig } from '../accounts/account-config.ts'
import type { Trx } from '../db/database.ts'
import type { Deps } from '../deps.ts'
import type { TicketRow } from '../tickets/ticket.table.ts'
import { applyAction } from './apply-actions.ts'
import { loadTriggers } from './automation.repo.ts'
import { factsOf, loadFactExtras } from './build-facts.ts'
import { ruleMatches } from './evaluate-rules.ts'
import type { CompiledRule } from './evaluate-rules.ts'

export interface TriggerRun {
  at: string
  /** 0 for the event that came from outside; 1 for events caused by triggers' own actions. */
  depth: number
  /** Rules that already ran for this outside event (one trigger never runs twice on it). */
  fired: Set<string>
  pending: RealtimeEvent[]
  /** The account's rules and calendars, cached per config version (accounts/account-config.ts); read directly when absent. */
  config?: AccountConfig
}

/** Loop guard: a trigger's actions may set off triggers once more (depth 1), never beyond. */
const MAX_DEPTH = 1

/**
 * Runs the account's triggers for one event, in order, inside the caller's
 * transaction. Each rule is checked against the ticket as the earlier rules left
 * it. A status changed by a rule's actions is itself an event (`status.changed`)
 * that runs triggers one level deeper, skipping every rule that already ran.
 */
export async function runTriggers(trx: Trx, deps: Deps, ticket: TicketRow, event: TriggerEvent, run: TriggerRun, preloaded?: CompiledRule[]): Promise<TicketRow> {
  const rules = (preloaded ?? (await (run.config?.triggers(event) ?? loadTriggers(trx, ticket.account_id, event)))).filter((r) => !run.fired.has(r.id))
  if (rules.length === 0) return ticket
  const extras = await loadFactExtras(trx, ticket, rules, new Date(run.at), null, run.config)
  let current = ticket
  for (const rule of rules) {
    if (!ruleMatches(rule, factsOf(current, extras))) continue
    run.fired.add(rule.id)
    const before = current
    for (const action of rule.actions) current = await applyAction({ trx, deps, at: run.at, ruleId: rule.id, pending: run.pending, config: run.config }, current, action)
    await recordEvent(trx, {
      accountId: ticket.account_id, subjectType: 'ticket', subjectId: ticket.id, type: 'automation.rule_fired', actor: { kind: 'system' },
      field: 'automation', after: { ruleId: rule.id, name: rule.name, event, depth: run.depth }, at: run.at,
    })
    if (before !== current) run.pending.push({ type: 'ticket.updated', ticketId: current.id, number: Number(current.number), teamId: current.team_id, assigneeId: current.assignee_id, fields: ['automation'], at: run.at })
    if (current.status !== before.status && run.depth < MAX_DEPTH) {
      current = await runTriggers(trx, deps, current, 'status.changed', { ...run, depth: run.depth + 1 })
    }
  }

  return current
}
