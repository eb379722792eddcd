import { sql } from 'kysely'
import type { Insertable } from 'kysely'
import { describe, expect, it, onTestFinished } from 'vitest'
import { findEmailThread } from '../channels/email/find-email-thread.ts'
import type { InboxRow } from '../channels/email/email.table.ts'
import { resolveCustomersTogether } from '../customers/resolve-customers-together.ts'
import { newId } from '../lib/ids.ts'
import { loadSlaSummaries } from '../sla/load-sla-summaries.ts'
import { createTicketFromInbound } from '../tickets/create-ticket-from-inbound.ts'
import { findMessageByExternalIdSoon } from '../tickets/message.repo.ts'
import { testDialects } from '../test/dialects.ts'
import { seedTestAccount } from '../test/fixtures.ts'
import { createTestDeps } from '../test/test-deps.ts'
import type { Database, Db, Trx } from './database.ts'

/** Enough that reading the whole table costs PostgreSQL more than a few index probes (400 are read faster whole). */
const CUSTOMERS = 3_000
const SYSTEM = { kind: 'system' as const, id: null }

/**
 * Every new mail looks up its sender's contact and its own Message-ID (a redelivery?), every reply the
 * Message-IDs it refers to, every page of a ticket list its tickets' SLA clocks, each in batches. A
 * database without statistics yet (a new account, an import, autovacuum off) once answered such a
 * batch by reading all of the account's rows, so that mail got slower with every ticket. PostgreSQL
 * counts what a transaction read (pg_stat_xact_user_tables).
 */
describe.skipIf(!testDialects().includes('postgres'))('batched lookups on PostgreSQL without statistics', () => {
  it('read the rows asked for, not the whole account', async () => {
    const deps = await createTestDeps('postgres')
    onTestFinished(() => deps.cleanup())
    const { accountId } = await seedTestAccount(deps)
    const created = await Promise.all(Array.from({ length: CUSTOMERS }, (_v, i) => createTicketFromInbound(deps, {
      accountId, channel: 'email', externalId: `m${i}@mail.example`, subject: `件名 ${i}`, bodyText: '本文',
      customer: { email: `customer${i}@example.jp`, name: `顧客 ${i}` },
    })))
    const now = new Date().toISOString()
    const inbox = { id: newId(), account_id: accountId, name: 'Support', channel: 'email' as const, addresses: '[]', settings: '{}', secret: 's', created_at: now, updated_at: now }
    await deps.db.insertInto('inboxes').values(inbox).execute()
    await insertInChunks(deps.db, 'email_outbound', created.map(({ ticket }, i) => ({
      message_id: newId(), account_id: accountId, inbox_id: inbox.id, ticket_id: ticket.id, kind: 'reply', rfc_message_id: `reply${i}@madoguchi.example`,
      to_address: `customer${i}@example.jp`, status: 'sent', created_at: now, updated_at: now,
    })))

    const senders = ['customer7@example.jp', 'CUSTOMER300@example.jp', 'someone.new@example.jp'].map((email) => ({ accountId, ref: { email }, actor: SYSTEM, at: now }))
    const owners = await rowsRead(deps.db, 'customer_contacts', (trx) => resolveCustomersTogether(trx, senders))
    expect(owners.result.map((o) => (typeof o === 'object' && 'customer' in o ? o.customer.id : o))).toEqual([created[7]!.ticket.customer.id, created[300]!.ticket.customer.id, expect.any(String)])
    expect(owners.read).toBeLessThanOrEqual(2)

    const redelivery = await rowsRead(deps.db, 'messages', (trx) => Promise.all(['m5@mail.example', 'm399@mail.example', 'new@mail.example'].map((id) => findMessageByExternalIdSoon(trx, accountId, 'email', id))))
    expect(redelivery.result.map((m) => m?.ticket_id)).toEqual([created[5]!.ticket.id, created[399]!.ticket.id, undefined])
    expect(redelivery.read).toBeLessThanOrEqual(2)

    // Every page of a ticket list loads its tickets' SLA clocks.
    await insertInChunks(deps.db, 'ticket_slas', created.map(({ ticket }) => ({
      id: newId(), account_id: accountId, ticket_id: ticket.id, policy_id: 'policy', metric: 'resolution', target_minutes: 480,
      started_at: now, due_at: new Date(Date.now() + 8 * 3_600_000).toISOString(), updated_at: now,
    })))
    const page = [created[1]!.ticket.id, created[2]!.ticket.id, created[2_999]!.ticket.id]
    const clocks = await rowsRead(deps.db, 'ticket_slas', (trx) => loadSlaSummaries(trx, accountId, page, now))
    expect([...clocks.result.keys()].sort()).toEqual([...page].sort())
    expect(clocks.read).toBeLessThanOrEqual(3)
    // One index descent per ticket asked for (PostgreSQL 15 counts each); the (account_id, due_at) range
    // scanned and ANDed in besides was one more, reading all of the account's clocks.
    expect(clocks.indexScans).toBeLessThanOrEqual(page.length)

    const keys = { messageIds: ['reply12@madoguchi.example', 'm13@mail.example'], tickets: [], subjectNumbers: [] }
    const sent = await rowsRead(deps.db, 'email_outbound', (trx) => findEmailThread(trx, inbox as InboxRow, keys, []))
    expect(sent.result?.ticket.id).toBe(created[12]!.ticket.id)
    expect(sent.read).toBeLessThanOrEqual(1)
    // The same lookup asks messages for both Message-IDs at once: counted there too.
    const received = await rowsRead(deps.db, 'messages', (trx) => findEmailThread(trx, inbox as InboxRow, keys, []))
    expect(received.read).toBeLessThanOrEqual(1)
  })
})

/** Rows in statements of 500: one INSERT of 3,000 rows would pass PostgreSQL's limit of 65,535 parameters. */
async function insertInChunks<T extends 'ticket_slas' | 'email_outbound'>(db: Db, table: T, rows: Insertable<Database[T]>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto(table).values(rows.slice(i, i + 500) as never).execute()
}

/**
 * What `work` returned, and how many rows of `table` it read (sequentially or through an index).
 * The counters also hold earlier transactions' counts until they are flushed (never inside a
 * transaction), hence the difference.
 */
async function rowsRead<T>(db: Db, table: string, work: (trx: Trx) => Promise<T>): Promise<{ result: T; read: number; indexScans: number }> {
  return db.transaction().execute(async (trx) => {
    const before = await readSoFar(trx, table)
    const result = await work(trx)
    const after = await readSoFar(trx, table)

    return { result, read: after.read - before.read, indexScans: after.indexScans - before.indexScans }
  })
}

/** Rows read, and index scans: a second index scanned and ANDed in reads that index's range whole, which no row count shows. */
async function readSoFar(trx: Trx, table: string): Promise<{ read: number; indexScans: number }> {
  const { rows } = await sql<{ read: string; scans: string }>`select coalesce(sum(seq_tup_read + coalesce(idx_tup_fetch, 0)), 0) as read,
    coalesce(sum(idx_scan), 0) as scans from pg_stat_xact_user_tables where schemaname = current_schema() and relname = ${table}`.execute(trx)

  return { read: Number(rows[0]!.read), indexScans: Number(rows[0]!.scans) }
}
