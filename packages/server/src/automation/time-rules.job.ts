import type { RealtimeEvent } from '@madoguchi/shared'
import { z } from 'zod'
import { sql } from 'kysely'
import { recordEvent } from '../audit/record-event.ts'
import type { Deps } from '../deps.ts'
import { defineJob } from '../jobs/job-definition.ts'
import type { TicketRow } from '../tickets/ticket.table.ts'
import { applyAction } from './apply-actions.ts'
import { compileRule } from './automation.repo.ts'
import { factsOf, loadFactExtras } from './build-facts.ts'
import { ruleMatches } from './evaluate-rules.ts'

export const TIME_RULES_EVERY_MS = 5 * 60 * 1000
const BATCH = 200

/** When each ticket last changed status (its creation when it never did): one query for the batch. */
async function statusSince(deps: Deps, tickets: TicketRow[]): Promise<Map<string, string>> {
  const map = new Map(tickets.map((t) => [t.id, t.created_at]))
  if (tickets.length === 0) return map
  const rows = await deps.db
    .selectFrom('events')
    .select(['subject_id', sql<string>`max(created_at)`.as('at')])
    .where('subject_type', '=', 'ticket')
    .where('subject_id', 'in', tickets.map((t) => t.id))
    .where('type', '=', 'ticket.status_changed')
    .groupBy('subject_id')
    .execute()
  for (const r of rows) map.set(r.subject_id, r.at)

  return map
}

/**
 * Time-based rules (e.g. pending 3 days → reminder; 7 days → solved): every few
 * minutes, each active time rule is checked against the tickets in the status it
 * names; a rule runs at most once per ticket and status period (the period's
 * start is the run key), so a reminder is sent once, not every five minutes.
 */
export async function runTimeRules(deps: Deps): Promise<number> {
  const now = deps.clock.now()
  const at = now.toISOString()
  let fired = 0
  const rules = await deps.db.selectFrom('automation_rules').selectAll().where('kind', '=', 'time').where('active', '=', 1).orderBy('account_id').orderBy('position').orderBy('id').limit(1000).execute()
  for (const row of rules) {
    const rule = compileRule(row)
    const status = rule.conditions.find((c) => c.type === 'field' && c.field === 'status' && (c.op === 'equals' || c.op === 'in'))
    const hours = rule.conditions.find((c) => c.type === 'hours_in_status')
    let q = deps.db.selectFrom('tickets').selectAll().where('account_id', '=', row.account_id).where('status', '!=', 'closed')
    if (status?.type === 'field') q = q.where('status', 'in', (Array.isArray(status.value) ? status.value : [status.value]) as never)
    // A ticket cannot have been in a status longer than it has existed.
    if (hours?.type === 'hours_in_status') q = q.where('created_at', '<=', new Date(now.getTime() - hours.hours * 3600_000).toISOString())
    const candidates = await q.orderBy('updated_at').orderBy('id').limit(BATCH).execute()
    const since = await statusSince(deps, candidates)
    for (const ticket of candidates) {
      const key = since.get(ticket.id)!
      const pending: RealtimeEvent[] = []
      const ran = await deps.transact(async (trx) => {
        const extras = await loadFactExtras(trx, ticket, [rule], now, (now.getTime() - Date.parse(key)) / 3600_000)
        if (!ruleMatches(rule, factsOf(ticket, extras))) return false
        const inserted = await trx.insertInto('automation_rule_runs').values({ rule_id: rule.id, ticket_id: ticket.id, run_key: key, created_at: at })
          .onConflict((oc) => oc.columns(['rule_id', 'ticket_id', 'run_key']).doNothing()).returning('rule_id').executeTakeFirst()
        if (!inserted) return false
        let current = ticket
        for (const action of rule.actions) current = await applyAction({ trx, deps, at, ruleId: rule.id, pending }, current, action)
        await recordEvent(trx, {
          accountId: ticket.account_id, subjectType: 'ticket', subjectId: ticket.id, type: 'automation.rule_fired', actor: { kind: 'system' },
          field: 'automation', after: { ruleId: rule.id, name: rule.name, kind: 'time' }, at,
        })
        pending.push({ type: 'ticket.updated', ticketId: current.id, number: Number(current.number), teamId: current.team_id, assigneeId: current.assignee_id, fields: ['automation'], at })

        return true
      })
      if (!ran) continue
      fired++
      for (const event of pending) deps.realtime.publish(ticket.account_id, event)
    }
  }

  return fired
}

export const timeRulesJob = defineJob({
  type: 'automation.time_rules',
  payload: z.object({}),
  async run(deps) {
    const fired = await runTimeRules(deps)
    if (fired > 0) deps.logger.info({ fired }, 'time-based automation rules fired')
  },
})
