import { describe, expect, it, onTestFinished } from 'vitest'
import type { CustomerRef } from '@madoguchi/shared'
import { createDb } from '../db/create-db.ts'
import { createTransact } from '../db/transact.ts'
import type { AppError } from '../lib/app-error.ts'
import { testDialects } from '../test/dialects.ts'
import { countingDeps } from '../test/statement-counter.ts'
import { startTestApp } from '../test/test-app.ts'
import type { TestContext } from '../test/test-app.ts'
import type { TicketRequest } from './create-new-ticket.ts'
import { createNewTicket } from './create-new-ticket.ts'
import { createTicketVia } from './ticket-test-helpers.ts'

function request(ctx: TestContext, customer: CustomerRef, subject: string, accountId = ctx.account.accountId): TicketRequest {
  return {
    customer,
    ticket: {
      accountId, subject, channel: 'phone', priority: 'normal', category: null, tags: ['batch'], assigneeId: null, teamId: null, inboxId: null,
      customFields: {}, message: { bodyText: `${subject} の本文`, bodyHtml: null, externalId: null, metadata: {} }, at: new Date().toISOString(),
    },
    actor: { kind: 'agent', id: ctx.account.agent.id },
  }
}

/** Customers to refer to: one by id, one by CRN, one merged into another, one with an email only. */
async function customers(ctx: TestContext) {
  const create = async (email: string, name: string) => (await createTicketVia(ctx.app, ctx.account.agent.headers, { customer: { email, name } })).customer as { id: string; crn: string }
  const byId = await create('id@example.jp', '山田 一郎')
  const byCrn = await create('crn@example.jp', '鈴木 二郎')
  const merged = await create('merged@example.jp', '旧 三郎')
  const survivor = await create('survivor@example.jp', '新 三郎')
  const emailOnly = await create('email-only@example.jp', '高橋 四郎')
  const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/customers/${merged.id}/merge`, headers: ctx.account.admin.headers, payload: { intoId: survivor.id } })
  expect(res.statusCode, res.body).toBe(200)

  return { byId, byCrn, merged, survivor, emailOnly }
}

const mistyped = (crn: string) => crn.slice(0, -2) + (crn.at(-2) === '7' ? '8' : '7') + crn.slice(-1)

describe.each(testDialects())('createNewTicket on %s', (dialect) => {
  it('creates tickets asked for together, each with the customer the single rules give', async () => {
    const ctx = await startTestApp(dialect)
    const known = await customers(ctx)
    const { deps, counter } = countingDeps(ctx.deps)
    const asked: Array<[CustomerRef, string]> = [
      [{ email: 'New.Person@Example.JP', name: '新規 花子' }, 'new'],
      // The same new address twice in one batch: one customer, made once.
      [{ email: 'new.person@example.jp' }, 'new again'],
      [{ id: known.byId.id }, 'by id'],
      [{ crn: known.byCrn.crn.toLowerCase() }, 'by crn'],
      [{ id: known.merged.id }, 'merged'],
      // A known address with a new phone: the phone is added to that customer.
      [{ email: 'email-only@example.jp', phone: '090-1234-5678' }, 'phone added'],
      [{ id: '00000000-0000-4000-8000-000000000000' }, 'unknown id'],
      // One symbol mistyped: the check symbol catches it, no other customer is matched.
      [{ crn: mistyped(known.byCrn.crn) }, 'bad crn'],
    ]
    const outcomes = await Promise.allSettled(asked.map(([ref, subject]) => createNewTicket(deps, request(ctx, ref, subject))))
    const done = Object.fromEntries(asked.map(([, subject], i) => [subject, outcomes[i]!]))
    const ok = (subject: string) => (done[subject] as PromiseFulfilledResult<Awaited<ReturnType<typeof createNewTicket>>>).value
    const failed = (subject: string) => ((done[subject] as PromiseRejectedResult).reason as AppError).code

    expect(failed('unknown id')).toBe('customer.not_found')
    expect(failed('bad crn')).toBe('customer.crn_invalid')
    expect(ok('new').customer.id).toBe(ok('new again').customer.id)
    expect([ok('new').created, ok('new again').created].sort()).toEqual([false, true])
    expect(ok('new').customer.display_name).toBe('新規 花子')
    expect(ok('by id').customer.id).toBe(known.byId.id)
    expect(ok('by crn').customer.id).toBe(known.byCrn.id)
    expect(ok('merged').customer.id).toBe(known.survivor.id)
    expect(ok('phone added').customer.id).toBe(known.emailOnly.id)
    const phone = await ctx.deps.db.selectFrom('customer_contacts').select('customer_id').where('kind', '=', 'phone').where('value', '=', '+819012345678').execute()
    expect(phone).toEqual([{ customer_id: known.emailOnly.id }])

    const made = ['new', 'new again', 'by id', 'by crn', 'merged', 'phone added'].map((s) => ok(s).ticket)
    expect(new Set(made.map((t) => t.number)).size).toBe(6)
    expect(made.map((t) => t.subject)).toEqual(['new', 'new again', 'by id', 'by crn', 'merged', 'phone added'])
    for (const t of made) {
      const stored = await ctx.deps.db.selectFrom('tickets').select(['number', 'customer_id']).where('id', '=', t.id).executeTakeFirstOrThrow()
      expect(stored).toEqual({ number: t.number, customer_id: t.customer_id })
      const messages = await ctx.deps.db.selectFrom('messages').select('body_text').where('ticket_id', '=', t.id).execute()
      expect(messages).toEqual([{ body_text: `${t.subject} の本文` }])
    }
    const created = await ctx.deps.db.selectFrom('events').select('subject_id').where('type', '=', 'customer.created').where('subject_id', '=', ok('new').customer.id).execute()
    expect(created).toHaveLength(1)
    const newCustomers = await ctx.deps.db.selectFrom('customer_contacts').select('customer_id').where('value', '=', 'new.person@example.jp').execute()
    expect(newCustomers).toHaveLength(1)

    // The batch takes a fixed number of statements; the three created alone take theirs. One at a time,
    // these 8 creations took 60 or more statements on PostgreSQL, 75 on SQLite (savepoints included).
    expect(counter.count).toBeLessThan(dialect === 'postgres' ? 30 : 60)
  })

  it("one request's failure is its own: the others of its batch are created", async () => {
    const ctx = await startTestApp(dialect)
    const asked = [
      request(ctx, { email: 'a@example.jp' }, 'first'),
      request(ctx, { email: 'b@example.jp' }, 'broken', 'no-such-account'),
      request(ctx, { email: 'c@example.jp' }, 'third'),
    ]
    const outcomes = await Promise.allSettled(asked.map((r) => createNewTicket(ctx.deps, r)))
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    const subjects = await ctx.deps.db.selectFrom('tickets').select('subject').where('account_id', '=', ctx.account.accountId).orderBy('number').execute()
    expect(subjects.map((s) => s.subject)).toEqual(['first', 'third'])
  })
})

// Two app nodes of a scale-out, each with its own pool and batches, on one PostgreSQL database.
describe.runIf(process.env.TEST_DATABASE_URL)('createNewTicket on two PostgreSQL app nodes', () => {
  it('the same new addresses asked for on both nodes at once make one customer each, and every ticket', async () => {
    const ctx = await startTestApp('postgres')
    const otherDb = createDb(ctx.deps.config.database)
    const other = { ...ctx.deps, db: otherDb, transact: createTransact(otherDb, 'postgres') }
    onTestFinished(() => otherDb.destroy())
    const addresses = Array.from({ length: 20 }, (_, i) => `race-${i}@example.jp`)
    const made = await Promise.all(addresses.flatMap((email) => [ctx.deps, other].map((deps) => createNewTicket(deps, request(ctx, { email }, email)))))
    expect(made).toHaveLength(40)
    for (const email of addresses) {
      const owners = await ctx.deps.db.selectFrom('customer_contacts').select('customer_id').where('value', '=', email).execute()
      expect(owners, email).toHaveLength(1)
      expect(made.filter((m) => m.ticket.subject === email).map((m) => m.customer.id)).toEqual([owners[0]!.customer_id, owners[0]!.customer_id])
    }
    const numbers = made.map((m) => m.ticket.number)
    expect(new Set(numbers).size).toBe(40)
  })
})
