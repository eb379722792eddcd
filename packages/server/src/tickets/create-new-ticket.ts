import type { CustomerRef } from '@madoguchi/shared'
import { ticketHooks } from '../automation/ticket-hooks.ts'
import type { TicketHooks } from '../automation/ticket-hooks.ts'
import type { CustomerRow, EventActor, PendingCustomerRows } from '../customers/resolve-customer-for-ticket.ts'
import { resolveCustomerForTicket } from '../customers/resolve-customer-for-ticket.ts'
import { CustomersChangedMeanwhile, resolveCustomersTogether } from '../customers/resolve-customers-together.ts'
import type { Dialect } from '../db/create-db.ts'
import { deferWithin } from '../db/deferred-writes.ts'
import type { Trx } from '../db/database.ts'
import type { Deps } from '../deps.ts'
import { AppError } from '../lib/app-error.ts'
import type { Created, NewTicket, NewTicketRows } from './insert-new-ticket.ts'
import { insertNewTicket, insertNewTickets, newTicketRows } from './insert-new-ticket.ts'
import type { MessageRow, TicketRow } from './ticket.table.ts'

/** A ticket to create, as an agent, an integration or a channel asks for it (the customer not yet resolved). */
export interface TicketRequest {
  customer: CustomerRef
  /**
   * Who creates it: an agent (also for the customer's events), or `customer` for a
   * channel's first message (the ticket's events by that customer, the customer's
   * own by the system).
   */
  actor: EventActor | 'customer'
  ticket: Omit<NewTicket, 'customerId' | 'customerRows' | 'actor'>
  /** The caller's own writes, in the creation's transaction once the ticket and its message exist. */
  inTransaction?: (trx: Trx, created: { ticketId: string; messageId: string }) => Promise<void>
}

/** The first message has a channel id (Message-ID) already stored: nothing was written. */
export class DuplicateFirstMessage extends Error {}

export interface CreatedTicket {
  /** As it is after the creation hooks (routing or a trigger may have assigned it). */
  ticket: TicketRow
  /** The first message. */
  message: MessageRow
  customer: CustomerRow
  /** True when the customer was made for this ticket. */
  created: boolean
}

/** Most tickets one batch creates. */
const MAX_BATCH = 64
/** Batches written at the same time (on PostgreSQL each holds a pooled connection; the pool has 10). */
const MAX_IN_FLIGHT = 2

/**
 * Creates a ticket: its customer found or made, its number, rows, events and search
 * documents, then the creation hooks (SLA, routing, triggers), in one transaction;
 * the hooks' realtime notices, then `ticket.created`, go out after it commits.
 *
 * The creations asked for in the same turn of the event loop are written together,
 * by a fixed number of statements for the whole batch: customers read and made by
 * resolveCustomersTogether, every ticket's rows by insertNewTickets. On PostgreSQL
 * that saves the round trips (each statement is one); on SQLite, whose group commit
 * (db/transact.ts) already shares the COMMIT, the per-statement and per-savepoint
 * work (in-process, 0.51 → 0.36 ms of CPU per ticket). A request the batch cannot
 * take (see CustomerOutcome), or every request of a batch that fails, is then
 * created alone, with the full rules, so one request's failure is its own.
 */
export async function createNewTicket(deps: Deps, request: TicketRequest): Promise<CreatedTicket> {
  let batcher = batchers.get(deps)
  if (!batcher) batchers.set(deps, (batcher = new Batcher(deps)))
  const created = await batcher.add(request)
  const { ticket } = created
  deps.realtime.publish(ticket.account_id, {
    type: 'ticket.created', ticketId: ticket.id, number: ticket.number, teamId: ticket.team_id, assigneeId: ticket.assignee_id, at: request.ticket.at,
  })

  return created
}

/** One creation in its own transaction: the full customer rules (merges, contacts to add). */
async function createAlone(deps: Deps, request: TicketRequest): Promise<CreatedTicket> {
  const hooks = ticketHooks(deps)
  const created = await deps.transact(async (trx) => {
    const { customer, created, pending } = await resolveCustomerForTicket(trx, deps, request.ticket.accountId, request.customer, customerActor(request))
    const inserted = await insertNewTicket(trx, deps.dialect, rowsFor(request, customer.id, pending))
    if (!inserted) throw new DuplicateFirstMessage()

    return { ...(await afterInsert(trx, request, inserted, hooks)), customer, created }
  })
  hooks.publish()

  return created
}

const SYSTEM: EventActor = { kind: 'system', id: null }
const customerActor = (request: TicketRequest): EventActor => (request.actor === 'customer' ? SYSTEM : request.actor)

function rowsFor(request: TicketRequest, customerId: string, customerRows: PendingCustomerRows): NewTicket {
  const actor = request.actor === 'customer' ? { kind: 'customer' as const, id: customerId } : request.actor

  return { ...request.ticket, actor, customerId, customerRows }
}

/** The caller's writes, then the creation hooks (SLA clocks, routing, triggers: automation/ticket-hooks.ts). */
async function afterInsert(trx: Trx, request: TicketRequest, inserted: Created, hooks: TicketHooks): Promise<{ ticket: TicketRow; message: MessageRow }> {
  await request.inTransaction?.(trx, { ticketId: inserted.ticket.id, messageId: inserted.message.id })

  return { ticket: await hooks.created(trx, inserted.ticket, inserted.configVersion), message: inserted.message }
}

interface Pending {
  request: TicketRequest
  resolve: (created: CreatedTicket) => void
  reject: (error: unknown) => void
}

const batchers = new WeakMap<Deps, Batcher>()

class Batcher {
  private queue: Pending[] = []
  private inFlight = 0

  constructor(private readonly deps: Deps) {}

  add(request: TicketRequest): Promise<CreatedTicket> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject })
      // setImmediate (after this turn's I/O callbacks) gathers the requests that arrived together.
      if (this.queue.length === 1) setImmediate(() => this.flush())
    })
  }

  /**
   * At most MAX_IN_FLIGHT batches at a time: under load, requests wait for one to
   * finish and then go together, so batches grow with the load instead of each
   * request making its own. Idle, a request starts on the next turn of the loop.
   */
  private flush(): void {
    while (this.queue.length > 0 && this.inFlight < MAX_IN_FLIGHT) {
      this.inFlight++
      void this.run(this.queue.splice(0, MAX_BATCH)).finally(() => {
        this.inFlight--
        this.flush()
      })
    }
  }

  private async run(batch: Pending[]): Promise<void> {
    const hooks = batch.map(() => ticketHooks(this.deps))
    let outcomes: Array<CreatedTicket | AppError | 'alone'>
    try {
      outcomes = await this.deps.transact((trx) => writeBatch(trx, this.deps.dialect, batch, hooks))
    } catch (error) {
      // Nothing of the batch was written: each request is tried alone, and fails alone.
      if (!(error instanceof CustomersChangedMeanwhile || error instanceof DuplicateFirstMessage)) this.deps.logger.warn({ err: error, tickets: batch.length }, 'ticket batch failed; creating its tickets one by one')
      for (const pending of batch) createAlone(this.deps, pending.request).then(pending.resolve, pending.reject)

      return
    }
    hooks.forEach((h) => h.publish())
    outcomes.forEach((outcome, i) => {
      const pending = batch[i]!
      if (outcome === 'alone') createAlone(this.deps, pending.request).then(pending.resolve, pending.reject)
      else if (outcome instanceof AppError) pending.reject(outcome)
      else pending.resolve(outcome)
    })
  }
}

async function writeBatch(trx: Trx, dialect: Dialect, batch: Pending[], hooks: TicketHooks[]): Promise<Array<CreatedTicket | AppError | 'alone'>> {
  const customers = await resolveCustomersTogether(trx, batch.map(({ request }) => ({ accountId: request.ticket.accountId, ref: request.customer, actor: customerActor(request), at: request.ticket.at })))
  const rows: NewTicketRows[] = []
  const rowOf: number[] = []
  customers.forEach((outcome, i) => {
    if (outcome === 'alone' || outcome instanceof AppError) return
    rowOf[i] = rows.length
    rows.push(newTicketRows(rowsFor(batch[i]!.request, outcome.customer.id, outcome.pending)))
  })
  const inserted = rows.length > 0 ? await insertNewTickets(trx, dialect, rows) : []
  // A first message already stored: the batch is undone and each request, alone, finds out which.
  if (inserted.length !== rows.length) throw new DuplicateFirstMessage()

  // What the callers' writes defer (a mail's outcome on its raw row) is written once for the batch.
  return deferWithin(trx, async () => {
    const outcomes: Array<CreatedTicket | AppError | 'alone'> = []
    for (const [i, outcome] of customers.entries()) {
      if (outcome === 'alone' || outcome instanceof AppError) {
        outcomes.push(outcome)
        continue
      }
      outcomes.push({ ...(await afterInsert(trx, batch[i]!.request, inserted[rowOf[i]!]!, hooks[i]!)), customer: outcome.customer, created: outcome.created })
    }

    return outcomes
  })
}
