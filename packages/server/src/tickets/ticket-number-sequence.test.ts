import { describe, expect, it } from 'vitest'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import { insertNewTicket } from './insert-new-ticket.ts'
import { createTicketVia } from './ticket-test-helpers.ts'

describe.each(testDialects())('ticket numbers on %s', (dialect) => {
  it('carry on after the numbers the account already used (an upgraded or imported database)', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    await deps.db.updateTable('accounts').set({ next_ticket_number: 41 }).where('id', '=', account.accountId).execute()

    expect((await createTicketVia(app, account.agent.headers)).number).toBe(41)
    expect((await createTicketVia(app, account.agent.headers)).number).toBe(42)
  })
})

describe.each(testDialects().filter((d) => d === 'postgres'))('ticket numbers on %s under concurrency', (dialect) => {
  it('a creation not yet committed does not hold up the next one in the same account', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const { customer } = await createTicketVia(app, account.agent.headers) // the account's first ticket makes its sequence

    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    let inserted!: () => void
    const reached = new Promise<void>((resolve) => (inserted = resolve))
    const slow = deps.transact(async (trx) => {
      const created = await insertNewTicket(trx, dialect, {
        accountId: account.accountId, subject: '長い取引', channel: 'phone', priority: 'normal', category: null, tags: [],
        assigneeId: null, teamId: null, inboxId: null, customFields: {}, customerId: customer.id,
        message: { bodyText: 'まだコミットしていません', bodyHtml: null, externalId: null, metadata: {} },
        actor: { kind: 'agent', id: account.agent.id }, at: new Date().toISOString(), customerRows: { events: [], searchDocuments: [] },
      })
      inserted()
      await released

      return created!.ticket.number
    })
    await reached

    // A counter row locked until the slow transaction commits would make this wait for it.
    const next = await Promise.race([
      createTicketVia(app, account.agent.headers).then((t) => t.number),
      new Promise<string>((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5000)),
    ])
    release()
    expect(next).toBe(3)
    expect(await slow).toBe(2)
  })
})
