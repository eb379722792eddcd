import type { CustomerView } from '@madoguchi/shared'
import { recordAudit } from '../audit/record-audit.ts'
import type { EventInput } from '../audit/record-event.ts'
import { recordEvents } from '../audit/record-event.ts'
import type { Trx } from '../db/database.ts'
import type { Deps } from '../deps.ts'
import { AppError } from '../lib/app-error.ts'
import { indexCustomer, removeCustomerFromSearch } from '../search/search-documents.ts'
import { combineForMerge } from './combine-for-merge.ts'
import { toApiValue } from './customer-fields.ts'
import { findContactsOf, lockCustomer } from './customer.repo.ts'
import type { CustomerRow } from './customer.table.ts'
import { toCustomerView } from './customer.view.ts'
import type { EventActor } from './resolve-customer-for-ticket.ts'

export interface MergeCustomersCommand {
  accountId: string
  /** The customer that goes away (keeps its row, marked merged, so its CRN resolves). */
  sourceId: string
  /** The survivor. */
  intoId: string
  actor: EventActor & { id: string }
  ip?: string | null
}

/**
 * `POST /customers/:id/merge`: one transaction moves everything of `source` onto
 * `into` (contacts, tickets, messages' customer authorship, and the history of
 * customers merged into `source` before), combines the profiles (combine-for-merge.ts),
 * records `customer.merged` on both and the field changes on the survivor, and audits
 * the action. The source row stays with `merged_into_id`, so its CRN keeps resolving.
 */
export async function mergeCustomers(deps: Deps, command: MergeCustomersCommand): Promise<CustomerView> {
  const { accountId, sourceId, intoId, actor } = command
  if (sourceId === intoId) throw new AppError('customer.cannot_merge_into_self', { id: sourceId })

  const { survivor, movedTickets, now } = await deps.transact(async (trx) => {
    // Lock in a fixed order so that two opposite merges cannot deadlock.
    const locked = new Map<string, CustomerRow | undefined>()
    for (const id of [sourceId, intoId].sort()) locked.set(id, await lockCustomer(trx, deps.dialect, accountId, id))
    const source = locked.get(sourceId)
    const into = locked.get(intoId)
    if (!source) throw new AppError('customer.not_found', { id: sourceId })
    if (!into) throw new AppError('customer.not_found', { id: intoId })
    if (source.merged_into_id) throw new AppError('customer.already_merged', { id: sourceId, mergedIntoId: source.merged_into_id })
    if (into.merged_into_id) throw new AppError('customer.already_merged', { id: intoId, mergedIntoId: into.merged_into_id })

    const now = deps.clock.now().toISOString()
    const contactsMoved = await moveContacts(trx, accountId, source.id, into.id)
    const movedTickets = await moveTickets(trx, accountId, source.id, into.id, actor, now)
    const messages = await trx
      .updateTable('messages')
      .set({ author_customer_id: into.id })
      .where('account_id', '=', accountId)
      .where('author_customer_id', '=', source.id)
      .executeTakeFirst()
    const earlier = await trx
      .updateTable('customers')
      .set({ merged_into_id: into.id })
      .where('account_id', '=', accountId)
      .where('merged_into_id', '=', source.id)
      .executeTakeFirst()
    await trx.updateTable('customers').set({ merged_into_id: into.id, updated_at: now }).where('id', '=', source.id).execute()

    const { changes, fields } = combineForMerge(into, source)
    const survivor = await trx
      .updateTable('customers')
      .set({ ...changes, updated_at: now })
      .where('id', '=', into.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    // Issue 6 hook: the merged-away customer leaves the search index; the survivor's names may have grown.
    await removeCustomerFromSearch(trx, deps.dialect, accountId, source.id)
    await indexCustomer(trx, deps.dialect, survivor)

    const moved = {
      contacts: contactsMoved,
      tickets: movedTickets.length,
      messages: Number(messages.numUpdatedRows),
      earlierMerges: Number(earlier.numUpdatedRows),
    }
    const subject = { accountId, subjectType: 'customer' as const, actor, at: now }
    const events: EventInput[] = [
      { ...subject, subjectId: into.id, type: 'customer.merged', field: 'mergedFrom', after: { id: source.id, crn: source.crn, moved } },
      { ...subject, subjectId: source.id, type: 'customer.merged', field: 'mergedIntoId', before: null, after: { id: into.id, crn: into.crn } },
      ...fields.map((f) => ({
        ...subject,
        subjectId: into.id,
        type: 'customer.updated',
        field: f.field,
        before: toApiValue(f.field, f.before),
        after: toApiValue(f.field, f.after),
      })),
    ]
    await recordEvents(trx, events)
    await recordAudit(trx, {
      accountId,
      actorId: actor.id,
      action: 'customer.merged',
      targetType: 'customer',
      targetId: into.id,
      details: { sourceId: source.id, sourceCrn: source.crn, intoId: into.id, intoCrn: into.crn, moved, fields: fields.map((f) => f.field) },
      ip: command.ip ?? null,
      at: now,
    })

    return { survivor: toCustomerView(survivor, await findContactsOf(trx, accountId, [into.id])), movedTickets, now }
  })
  // After the commit: open ticket screens refetch and show the new customer.
  for (const t of movedTickets.slice(0, REALTIME_TICKETS_MAX)) {
    deps.realtime.publish(accountId, {
      type: 'ticket.updated', ticketId: t.id, number: Number(t.number), teamId: t.team_id, assigneeId: t.assignee_id, fields: ['customerId'], at: now,
    })
  }

  return survivor
}

/** Beyond this many moved tickets, screens learn of the change on their next refresh. */
const REALTIME_TICKETS_MAX = 200

/** Contacts keep their primary flag unless the survivor already has a primary of that kind. */
async function moveContacts(trx: Trx, accountId: string, sourceId: string, intoId: string): Promise<number> {
  const survivorPrimaryKinds = await trx
    .selectFrom('customer_contacts')
    .select('kind')
    .where('account_id', '=', accountId)
    .where('customer_id', '=', intoId)
    .where('is_primary', '=', 1)
    .execute()
  if (survivorPrimaryKinds.length > 0) {
    await trx
      .updateTable('customer_contacts')
      .set({ is_primary: 0 })
      .where('account_id', '=', accountId)
      .where('customer_id', '=', sourceId)
      .where('kind', 'in', survivorPrimaryKinds.map((k) => k.kind))
      .execute()
  }
  const result = await trx
    .updateTable('customer_contacts')
    .set({ customer_id: intoId })
    .where('account_id', '=', accountId)
    .where('customer_id', '=', sourceId)
    .executeTakeFirst()

  return Number(result.numUpdatedRows)
}

/** Tickets change customer (each gets a `ticket.customer_changed` event); their update time stays. */
async function moveTickets(trx: Trx, accountId: string, sourceId: string, intoId: string, actor: EventActor, now: string) {
  const tickets = await trx
    .selectFrom('tickets')
    .select(['id', 'number', 'team_id', 'assignee_id'])
    .where('account_id', '=', accountId)
    .where('customer_id', '=', sourceId)
    .execute()
  if (tickets.length === 0) return tickets
  await trx.updateTable('tickets').set({ customer_id: intoId }).where('account_id', '=', accountId).where('customer_id', '=', sourceId).execute()
  const ids = tickets.map((t) => t.id)
  for (let i = 0; i < ids.length; i += 500) {
    await recordEvents(
      trx,
      ids.slice(i, i + 500).map((ticketId) => ({
        accountId,
        subjectType: 'ticket' as const,
        subjectId: ticketId,
        type: 'ticket.customer_changed',
        actor,
        field: 'customerId',
        before: sourceId,
        after: intoId,
        at: now,
      })),
    )
  }

  return tickets
}
