import type { CustomerRef } from '@madoguchi/shared'
import { ticketHooks } from '../automation/ticket-hooks.ts'
import type { TicketHooks } from '../automation/ticket-hooks.ts'
import type { CustomerRow } from '../customers/resolve-customer-for-ticket.ts'
import { resolveCustomerForTicket } from '../customers/resolve-customer-for-ticket.ts'
import { CustomersChangedMeanwhile, resolveCustomersTogether } from '../customers/resolve-customers-together.ts'
import type { Trx } from '../db/database.ts'
import type { Deps } from '../deps.ts'
import { AppError } from '../lib/app-error.ts'
import type { NewTicket, NewTicketRows } from './insert-new-ticket.ts'
import { insertNewTicket, insertNewTicketsOnPostgres, newTicketRows } from './insert-new-ticket.ts'
import type { TicketRow } from './ticket.table.ts'

/** A ticket to create, as an agent or an integration asks for it (the customer not yet resolved). */
export interface TicketRequest {
  customer: CustomerRef
  ticket: Omit<NewTicket, 'customerId' | 'customerRows'>
}

export interface CreatedTicket {
  /** As it is after the creation hooks (routing or a trigger may have assigned it). */
  ticket: TicketRow
  customer: CustomerRow
  /** True when the customer was made for this ticket. */
  created: boolean
}

/** Most tickets one PostgreSQL batch creates. */
const MAX_BATCH = 64
/** Batches written at the same time (each holds a pooled connection; the pool has 10). */
const MAX_IN_FLIGHT = 2

/**
 * Creates a ticket: its customer found or made, its number, rows, events and search
 * documents, then the creation hooks (SLA, routing, triggers), in one transaction;
 * the hooks' realtime notices go out after it commits.
 *
 * On SQLite the group commit (db/transact.ts) already shares each COMMIT among the
 * creations that arrive together. On PostgreSQL the cost is the round trips: so the
 * creations asked for in the same turn of the event loop are written together, a
 * fixed number of statements for the whole batch (customers read and made by
 * resolveCustomersTogether, every ticket by one insertNewTicketsOnPostgres). A
 * request the batch cannot take (see CustomerOutcome), or every request of a batch
 * that fails, is then created alone, so one request's failure is its own.
 */
export function createNewTicket(deps: Deps, request: TicketRequest): Promise<CreatedTicket> {
  if (deps.dialect === 'sqlite') return createAlone(deps, request)
  let batcher = batchers.get(deps)
  if (!batcher) batchers.set(deps, (batcher = new Batcher(deps)))

  return batcher.add(request)
}

/** One creation in its own transaction: the full customer rules (merges, contacts to add). */
async function createAlone(deps: Deps, request: TicketRequest): Promise<CreatedTicket> {
  const hooks = ticketHooks(deps)
  const { ticket } = request
  const created = await deps.transact(async (trx) => {
    const { customer, created, pending } = await resolveCustomerForTicket(trx, deps, ticket.accountId, request.customer, ticket.actor)
    const inserted = await insertNewTicket(trx, deps.dialect, { ...ticket, customerId: customer.id, customerRows: pending })
    // Only a message with an external id can be a duplicate; callers with one use createTicketFromInbound.
    if (!inserted) throw new Error('the first message of a new ticket was taken for a duplicate')

    return { ticket: await hooks.created(trx, inserted.ticket, inserted.configVersion), customer, created }
  })
  hooks.publish()

  return created
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
      outcomes = await this.deps.transact((trx) => writeBatch(trx, batch, hooks))
    } catch (error) {
      // Nothing of the batch was written: each request is tried alone, and fails alone.
      if (!(error instanceof CustomersChangedMeanwhile)) this.deps.logger.warn({ err: error, tickets: batch.length }, 'ticket batch failed; creating its tickets one by one')
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

async function writeBatch(trx: Trx, batch: Pending[], hooks: TicketHooks[]): Promise<Array<CreatedTicket | AppError | 'alone'>> {
  const customers = await resolveCustomersTogether(trx, batch.map(({ request: { customer, ticket } }) => ({ accountId: ticket.accountId, ref: customer, actor: ticket.actor, at: ticket.at })))
  const rows: NewTicketRows[] = []
  const rowOf: number[] = []
  customers.forEach((outcome, i) => {
    if (outcome === 'alone' || outcome instanceof AppError) return
    rowOf[i] = rows.length
    rows.push(newTicketRows({ ...batch[i]!.request.ticket, customerId: outcome.customer.id, customerRows: outcome.pending }))
  })
  const inserted = rows.length > 0 ? await insertNewTicketsOnPostgres(trx, rows) : []
  if (inserted.length !== rows.length) throw new Error('the first message of a new ticket was taken for a duplicate')

  const outcomes: Array<CreatedTicket | AppError | 'alone'> = []
  for (const [i, outcome] of customers.entries()) {
    if (outcome === 'alone' || outcome instanceof AppError) {
      outcomes.push(outcome)
      continue
    }
    const { ticket, configVersion } = inserted[rowOf[i]!]!
    outcomes.push({ ticket: await hooks[i]!.created(trx, ticket, configVersion), customer: outcome.customer, created: outcome.created })
  }

  return outcomes
}
