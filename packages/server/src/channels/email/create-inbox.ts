import type { CreateInboxInput, InboxView } from '@madoguchi/shared'
import { inboxSettings } from '@madoguchi/shared'
import { recordAudit } from '../../audit/record-audit.ts'
import { toJson } from '../../db/json.ts'
import type { Deps } from '../../deps.ts'
import type { Principal } from '../../http/principal.ts'
import { AppError } from '../../lib/app-error.ts'
import { randomToken } from '../../lib/hash.ts'
import { newId } from '../../lib/ids.ts'
import { findInbox, insertInbox, replaceInboxAddresses, takenAddresses } from './inbox.repo.ts'
import { toInboxView } from './inbox-view.ts'

/** An admin adds an email inbox; its addresses start routing mail to it at once. */
export async function createInbox(deps: Deps, actor: Principal, input: CreateInboxInput): Promise<InboxView> {
  const addresses = [...new Set(input.addresses)]
  const now = deps.clock.now().toISOString()
  const id = newId()

  await deps.transact(async (trx) => {
    const taken = await takenAddresses(trx, addresses, null)
    if (taken.length > 0) throw new AppError('inbox.address_taken', { addresses: taken })
    await insertInbox(trx, {
      id,
      account_id: actor.accountId,
      name: input.name,
      channel: 'email',
      addresses: toJson(addresses),
      settings: toJson(inboxSettings.parse(input.settings ?? {})),
      secret: randomToken(24),
      created_at: now,
      updated_at: now,
    })
    if (!(await replaceInboxAddresses(trx, actor.accountId, id, addresses))) throw new AppError('inbox.address_taken', { addresses })
    await recordAudit(trx, { accountId: actor.accountId, actorId: actor.agentId, action: 'inbox.created', targetType: 'inbox', targetId: id, details: { name: input.name, addresses }, at: now })
  })
  const row = await findInbox(deps.db, actor.accountId, id)

  return toInboxView(row!)
}
