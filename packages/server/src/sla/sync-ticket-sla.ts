import type { SlaConditions, TicketStatus } from '@madoguchi/shared'
import { loadCustomerSummaries } from '../customers/resolve-customer-for-ticket.ts'
import type { AccountConfig } from '../accounts/account-config.ts'
import { uncachedAccountConfig } from '../accounts/account-config.ts'
import type { Trx } from '../db/database.ts'
import { parseJson, toJson } from '../db/json.ts'
import { newId } from '../lib/ids.ts'
import { scheduleOf, withPauseEnded, withPauseStarted } from './sla-clock-rows.ts'
import { policyMatches } from './sla-policy.view.ts'
import type { SlaMetricName, SlaPolicyRow, TicketSlaRow } from './sla.table.ts'

/** The ticket fields SLA clocks depend on (a subset of the tickets feature's row). */
export interface SlaTicket {
  id: string
  account_id: string
  status: TicketStatus
  priority: string
  category: string | null
  channel: string
  customer_id: string
  created_at: string
  first_response_at: string | null
}

export type SlaChange =
  | { kind: 'created' }
  /** Fields or status changed (PATCH); `vipChanged` when the customer's VIP flag flipped. */
  | { kind: 'updated'; before: SlaTicket; vipChanged?: boolean }
  /** An agent's reply went out (answers first and next response). */
  | { kind: 'reply'; before: SlaTicket }
  /** The customer wrote again (starts a next-response clock). */
  | { kind: 'inbound'; before: SlaTicket }

const TARGET: Record<SlaMetricName, 'first_response_minutes' | 'next_response_minutes' | 'resolution_minutes'> = {
  first_response: 'first_response_minutes',
  next_response: 'next_response_minutes',
  resolution: 'resolution_minutes',
}

function pauses(policy: SlaPolicyRow, status: TicketStatus): boolean {
  return status === 'pending' || (status === 'on_hold' && policy.pause_on_hold === 1)
}

const done = (status: TicketStatus) => status === 'solved' || status === 'closed'

async function choosePolicy(trx: Trx, ticket: SlaTicket, config: AccountConfig): Promise<SlaPolicyRow | null> {
  const policies = await config.slaPolicies()
  if (policies.length === 0) return null
  const customer = (await loadCustomerSummaries(trx, ticket.account_id, [ticket.customer_id])).get(ticket.customer_id)
  const subject = { priority: ticket.priority, channel: ticket.channel, category: ticket.category, vip: customer?.isVip ?? false }

  return policies.find((p) => policyMatches(parseJson<SlaConditions>(p.conditions, {}), subject)) ?? null
}

/**
 * Keeps a ticket's SLA clocks in step with a change, inside the change's
 * transaction: picks the policy (on creation and when priority, category or the
 * customer's VIP flag change), starts, pauses, resumes and stops clocks, and
 * stores each running clock's due and warning instants for the breach job.
 */
export async function syncTicketSla(trx: Trx, ticket: SlaTicket, change: SlaChange, at: string, config: AccountConfig = uncachedAccountConfig(trx, ticket.account_id)): Promise<void> {
  const now = new Date(at)
  const existing = change.kind === 'created' ? [] : await trx.selectFrom('ticket_slas').selectAll().where('ticket_id', '=', ticket.id).execute()
  const before = change.kind === 'created' ? null : change.before
  const reselect = before === null || before.priority !== ticket.priority || before.category !== ticket.category || (change.kind === 'updated' && change.vipChanged === true)
  if (!reselect && existing.length === 0) return

  let policy: SlaPolicyRow | null
  if (reselect) policy = await choosePolicy(trx, ticket, config)
  else policy = (await trx.selectFrom('sla_policies').selectAll().where('id', '=', existing[0]!.policy_id).executeTakeFirst()) ?? null
  const rows = new Map<SlaMetricName, TicketSlaRow>(existing.map((r) => [r.metric, r]))
  const changed = new Set<SlaMetricName>()
  const touch = (metric: SlaMetricName, set: Partial<TicketSlaRow>) => {
    const row = rows.get(metric)
    if (!row || Object.keys(set).length === 0) return
    rows.set(metric, { ...row, ...set })
    changed.add(metric)
  }

  if (!policy) {
    // No policy covers the ticket any more: running clocks go, finished ones stay as history.
    const running = existing.filter((r) => r.achieved_at === null).map((r) => r.id)
    if (running.length > 0) await trx.deleteFrom('ticket_slas').where('id', 'in', running).execute()

    return
  }
  const inserted = new Set<SlaMetricName>()
  const start = (metric: SlaMetricName, startedAt: string) => {
    const target = policy[TARGET[metric]]
    if (target === null) return
    const paused = pauses(policy, ticket.status) ? at : null
    rows.set(metric, {
      id: rows.get(metric)?.id ?? newId(), account_id: ticket.account_id, ticket_id: ticket.id, policy_id: policy.id, metric,
      target_minutes: target, started_at: startedAt, pauses: toJson(paused ? [{ from: paused, to: null }] : []), paused_since: paused,
      due_at: null, warning_at: null, warned_at: null, breached_at: null, achieved_at: null, updated_at: at,
    })
    if (!existing.some((r) => r.metric === metric)) inserted.add(metric)
    changed.add(metric)
  }

  if (reselect) {
    for (const metric of ['first_response', 'next_response', 'resolution'] as const) {
      const row = rows.get(metric)
      const target = policy[TARGET[metric]]
      if (row && row.achieved_at !== null) continue
      if (row && target === null) {
        await trx.deleteFrom('ticket_slas').where('id', '=', row.id).execute()
        rows.delete(metric)
      } else if (row) {
        touch(metric, { policy_id: policy.id, target_minutes: target! })
      } else if (metric === 'first_response' && ticket.first_response_at === null) {
        start(metric, ticket.created_at)
      } else if (metric === 'resolution' && !done(ticket.status)) {
        start(metric, ticket.created_at)
      }
    }
  }

  if (change.kind === 'reply') {
    for (const metric of ['first_response', 'next_response'] as const) {
      const row = rows.get(metric)
      if (row && row.achieved_at === null) touch(metric, { ...withPauseEnded(row, at), achieved_at: at })
    }
  }
  if (change.kind === 'inbound' && before!.first_response_at !== null) {
    const row = rows.get('next_response')
    if (!row || row.achieved_at !== null) start('next_response', at)
  }

  if (before !== null && before.status !== ticket.status) {
    if (done(ticket.status)) {
      for (const [metric, row] of rows) if (row.achieved_at === null) touch(metric, { ...withPauseEnded(row, at), achieved_at: at })
    } else if (done(before.status)) {
      // Reopened: the resolution clock runs on, the solved period counting as a pause.
      const row = rows.get('resolution')
      if (row && row.achieved_at !== null && row.breached_at === null) {
        touch('resolution', { achieved_at: null, paused_since: null, pauses: toJson([...parseJson<object[]>(row.pauses, []), { from: row.achieved_at, to: at }]) })
      }
    }
  }
  for (const [metric, row] of rows) {
    if (row.achieved_at !== null) continue
    const shouldPause = pauses(policy, ticket.status)
    if (shouldPause && row.paused_since === null) touch(metric, withPauseStarted(row, at))
    if (!shouldPause && row.paused_since !== null) touch(metric, withPauseEnded(row, at))
  }

  if (changed.size === 0) return
  const calendar = await config.calendar(policy.calendar_id)
  for (const metric of changed) {
    const row = rows.get(metric)
    if (!row) continue
    const next = { ...row, ...scheduleOf(row, calendar, Number(policy.warning_percent), now), updated_at: at }
    if (inserted.has(metric)) await trx.insertInto('ticket_slas').values(next).execute()
    else {
      const { id, ...set } = next
      await trx.updateTable('ticket_slas').set(set).where('id', '=', id).execute()
    }
  }
}
