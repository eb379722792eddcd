import { z } from 'zod'
import { recordEvent } from '../audit/record-event.ts'
import type { Deps } from '../deps.ts'
import { defineJob } from '../jobs/job-definition.ts'
import { runTriggersForSlaEvent } from '../automation/sla-triggers.ts'

export const SLA_CHECK_EVERY_MS = 60 * 1000
const BATCH = 500

type Kind = 'warning' | 'breached'

/**
 * Marks clocks whose warning or due instant has passed, once each: the
 * conditional UPDATE (`… where warned_at is null`) lets only one runner win, so
 * two nodes never record the same breach twice. Each mark is a ticket event
 * (`sla.warning` / `sla.breached`), a realtime `ticket.updated`, and the event
 * that SLA triggers listen to.
 */
export async function checkSlaClocks(deps: Deps): Promise<{ warnings: number; breaches: number }> {
  const now = deps.clock.now().toISOString()
  const counts = { warnings: 0, breaches: 0 }
  for (const kind of ['breached', 'warning'] as const satisfies readonly Kind[]) {
    const instant = kind === 'breached' ? 'due_at' : 'warning_at'
    const mark = kind === 'breached' ? 'breached_at' : 'warned_at'
    const due = await deps.db
      .selectFrom('ticket_slas')
      .innerJoin('tickets', 'tickets.id', 'ticket_slas.ticket_id')
      .select(['ticket_slas.id', 'ticket_slas.account_id', 'ticket_slas.ticket_id', 'ticket_slas.metric', `ticket_slas.${instant} as instant`, 'tickets.number', 'tickets.team_id', 'tickets.assignee_id'])
      .where(`ticket_slas.${instant}`, '<=', now)
      .where(`ticket_slas.${mark}`, 'is', null)
      .where('ticket_slas.achieved_at', 'is', null)
      .orderBy(`ticket_slas.${instant}`)
      .limit(BATCH)
      .execute()
    for (const row of due) {
      const won = await deps.transact(async (trx) => {
        const set = kind === 'breached' ? { breached_at: now, warned_at: now, updated_at: now } : { warned_at: now, updated_at: now }
        const updated = await trx.updateTable('ticket_slas').set(set).where('id', '=', row.id).where(mark, 'is', null).where('achieved_at', 'is', null).executeTakeFirst()
        if (Number(updated.numUpdatedRows) === 0) return false
        await recordEvent(trx, {
          accountId: row.account_id, subjectType: 'ticket', subjectId: row.ticket_id, type: kind === 'breached' ? 'sla.breached' : 'sla.warning',
          actor: { kind: 'system' }, field: 'sla', after: { metric: row.metric, dueAt: row.instant }, at: now,
        })

        return runTriggersForSlaEvent(trx, deps, row.account_id, row.ticket_id, kind === 'breached' ? 'sla.breached' : 'sla.warning', now)
      })
      if (won === false) continue
      for (const event of won) deps.realtime.publish(row.account_id, event)
      if (kind === 'breached') counts.breaches++
      else counts.warnings++
      deps.realtime.publish(row.account_id, {
        type: 'ticket.updated', ticketId: row.ticket_id, number: Number(row.number), teamId: row.team_id, assigneeId: row.assignee_id, fields: ['sla'], at: now,
      })
    }
  }

  return counts
}

export const slaCheckJob = defineJob({
  type: 'sla.check',
  payload: z.object({}),
  async run(deps) {
    const counts = await checkSlaClocks(deps)
    if (counts.warnings + counts.breaches > 0) deps.logger.info(counts, 'SLA warnings and breaches recorded')
  },
})
