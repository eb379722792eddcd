import type { Deps } from '../deps.ts'
import { DELIVER_MESSAGE_JOB } from '../tickets/post-ticket-message.ts'

/**
 * The demo's replies are history (written "weeks ago" through the real reply use
 * case, which queues them for delivery). The demo customers do not exist and no
 * inbox is set up, so sending would only fail: mark them as sent and drop their
 * queued delivery jobs, as an import of old conversations would.
 */
export async function markDemoHistoryDelivered(deps: Deps, accountId: string): Promise<void> {
  await deps.transact(async (trx) => {
    await trx
      .updateTable('messages')
      .set({ delivery_status: 'sent' })
      .where('account_id', '=', accountId)
      .where('kind', '=', 'outbound')
      .where('delivery_status', '=', 'queued')
      .execute()
    await trx
      .deleteFrom('jobs')
      .where('account_id', '=', accountId)
      .where('type', '=', DELIVER_MESSAGE_JOB)
      .where('status', '=', 'pending')
      .execute()
  })
}
