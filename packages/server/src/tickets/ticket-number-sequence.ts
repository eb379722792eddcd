import { sql } from 'kysely'
import type { Trx } from '../db/database.ts'

/**
 * Ticket numbers on PostgreSQL come from one sequence per account.
 *
 * A counter row (`accounts.next_ticket_number`, still used on SQLite, which has one
 * writer anyway) is locked by each creation from its UPDATE until its COMMIT, so every
 * concurrent creation in the account queues behind the one before it — across all the
 * app servers of a scale-out — for as long as that transaction takes, including the
 * round trips back to a busy Node process. Measured: with 32 creations in flight, most
 * PostgreSQL sessions were waiting on that lock rather than working. `nextval()` holds
 * no lock past the call. The price: a creation that rolls back (a duplicate delivery
 * lost in a race, an error) leaves a gap in the numbers, as Zendesk's and most
 * helpdesks' numbers have; numbers stay unique and increasing.
 */
function ticketNumberSequence(accountId: string): string {
  // Account ids are UUIDs minted by the app: 32 hex digits keep the name under 63 bytes.
  return `ticket_numbers_${accountId.replace(/-/g, '').toLowerCase()}`
}

/** Accounts whose sequence this process has seen: checked once per process, not per ticket. */
const known = new Set<string>()

/**
 * The account's sequence, for `nextval()`: made on the account's first ticket
 * (whichever path created the account), starting after every number already used —
 * the counter row's and the tickets' own, so an upgraded database carries on.
 * Runs inside the creation's transaction: a concurrent first creation waits for this
 * one's commit, finds the sequence taken, and uses it.
 */
export async function ensureTicketNumberSequence(trx: Trx, accountId: string): Promise<string> {
  const name = ticketNumberSequence(accountId)
  if (known.has(name)) return name
  if (await sequenceExists(trx, name)) {
    known.add(name)

    return name
  }
  // Not remembered after creating it: if this transaction rolls back, its sequence goes with it.
  const next = await nextUnusedNumber(trx, accountId)
  await sql`savepoint ticket_number_sequence`.execute(trx)
  try {
    await sql`create sequence if not exists ${sql.id(name)} start with ${sql.lit(next)}`.execute(trx)
    await sql`release savepoint ticket_number_sequence`.execute(trx)
  } catch (error) {
    // Another transaction created it first (IF NOT EXISTS does not cover a concurrent create).
    await sql`rollback to savepoint ticket_number_sequence`.execute(trx)
    if (!(await sequenceExists(trx, name))) throw error
  }

  return name
}

async function sequenceExists(trx: Trx, name: string): Promise<boolean> {
  const { rows } = await sql<{ found: string | null }>`select to_regclass(${name})::text as found`.execute(trx)

  return rows[0]?.found != null
}

async function nextUnusedNumber(trx: Trx, accountId: string): Promise<number> {
  const { rows } = await sql<{ next: string }>`
    select greatest(
      (select next_ticket_number from accounts where id = ${accountId}),
      (select coalesce(max(number), 0) + 1 from tickets where account_id = ${accountId})
    ) as next`.execute(trx)

  return Math.max(1, Number(rows[0]?.next ?? 1))
}
