import type { InboxSettings, InboxView, UpdateInboxInput } from '@madoguchi/shared'
import { recordAudit } from '../../audit/record-audit.ts'
import { toJson } from '../../db/json.ts'
import type { Deps } from '../../deps.ts'
import type { Principal } from '../../http/principal.ts'
import { AppError } from '../../lib/app-error.ts'
import type { InboxTable } from './email.table.ts'
import type { Updateable } from 'kysely'
import { findInbox, replaceInboxAddresses, takenAddresses, updateInboxRow } from './inbox.repo.ts'
import { inboxSettingsOf, toInboxView } from './inbox-view.ts'

/**
 * Renames an inbox, changes its addresses or settings, or switches it off. Relay and
 * IMAP passwords are write-only: settings sent without a password keep the stored one.
 */
export async function updateInbox(deps: Deps, actor: Principal, inboxId: string, input: UpdateInboxInput): Promise<InboxView> {
  const now = deps.clock.now().toISOString()
  await deps.transact(async (trx) => {
    const row = await findInbox(trx, actor.accountId, inboxId)
    if (!row) throw new AppError('inbox.not_found')
    const set: Updateable<InboxTable> = { updated_at: now }
    if (input.name !== undefined) set.name = input.name
    if (input.active !== undefined) set.active = input.active ? 1 : 0
    if (input.settings !== undefined) set.settings = toJson(keepPasswords(input.settings, inboxSettingsOf(row)))
    if (input.addresses !== undefined) {
      const addresses = [...new Set(input.addresses)]
      const taken = await takenAddresses(trx, addresses, inboxId)
      if (taken.length > 0) throw new AppError('inbox.address_taken', { addresses: taken })
      if (!(await replaceInboxAddresses(trx, actor.accountId, inboxId, addresses))) throw new AppError('inbox.address_taken', { addresses })
      set.addresses = toJson(addresses)
    }
    await updateInboxRow(trx, actor.accountId, inboxId, set)
    const changed = Object.keys(input)
    await recordAudit(trx, { accountId: actor.accountId, actorId: actor.agentId, action: 'inbox.updated', targetType: 'inbox', targetId: inboxId, details: { fields: changed }, at: now })
  })

  return toInboxView((await findInbox(deps.db, actor.accountId, inboxId))!)
}

function keepPasswords(next: InboxSettings, previous: InboxSettings): InboxSettings {
  const out = { ...next }
  if (out.smtp && out.smtp.password === undefined && previous.smtp?.password) out.smtp = { ...out.smtp, password: previous.smtp.password }
  if (out.imap && out.imap.password === '' && previous.imap?.password) out.imap = { ...out.imap, password: previous.imap.password }

  return out
}
