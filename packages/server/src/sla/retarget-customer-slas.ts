import type { Trx } from '../db/database.ts'
import { syncTicketSla } from './sync-ticket-sla.ts'

/**
 * A customer became (or stopped being) VIP: their open tickets pick their SLA
 * policy again (a VIP policy usually promises faster answers). Called inside the
 * customer change's transaction; bounded, since one customer has few open tickets.
 */
export async function retargetCustomerSlas(trx: Trx, accountId: string, customerId: string, at: string): Promise<void> {
  const tickets = await trx
    .selectFrom('tickets')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('customer_id', '=', customerId)
    .where('status', 'not in', ['solved', 'closed'])
    .orderBy('id')
    .limit(200)
    .execute()
  for (const ticket of tickets) await syncTicketSla(trx, ticket, { kind: 'updated', before: ticket, vipChanged: true }, at)
}
