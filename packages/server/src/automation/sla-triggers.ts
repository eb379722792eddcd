import type { Trx } from '../db/database.ts'
import type { Deps } from '../deps.ts'

/** SLA warnings and breaches as trigger events (filled in by the automation engine). */
export async function runTriggersForSlaEvent(_trx: Trx, _deps: Deps, _accountId: string, _ticketId: string, _event: 'sla.warning' | 'sla.breached', _at: string): Promise<void> {}
