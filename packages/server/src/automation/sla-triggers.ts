import type { RealtimeEvent } from '@madoguchi/shared'
import type { Trx } from '../db/database.ts'
import type { Deps } from '../deps.ts'
import { runTriggers } from './run-triggers.ts'

/** SLA warnings and breaches as trigger events, inside the breach job's transaction. */
export async function runTriggersForSlaEvent(trx: Trx, deps: Deps, accountId: string, ticketId: string, event: 'sla.warning' | 'sla.breached', at: string): Promise<RealtimeEvent[]> {
  const ticket = await trx.selectFrom('tickets').selectAll().where('account_id', '=', accountId).where('id', '=', ticketId).executeTakeFirst()
  const pending: RealtimeEvent[] = []
  if (ticket) await runTriggers(trx, deps, ticket, event, { at, depth: 0, fired: new Set(), pending })

  return pending
}
