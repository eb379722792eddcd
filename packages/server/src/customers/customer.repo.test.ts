import { describe, expect, it } from 'vitest'
import { generateCrn } from '../lib/crn.ts'
import { newId } from '../lib/ids.ts'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import { insertCustomer } from './customer.repo.ts'
import { resolveCustomerForTicket } from './resolve-customer-for-ticket.ts'

/** A byte source that replays `sequences` one call at a time. */
function scripted(...sequences: number[][]) {
  let call = 0

  return (size: number) => Uint8Array.from(sequences[Math.min(call++, sequences.length - 1)]!.slice(0, size))
}

describe.each(testDialects())('customer storage on %s', (dialect) => {
  it('draws another CRN when the first one is taken in the account', async () => {
    const { deps, account } = await startTestApp(dialect)
    const same = [1, 2, 3, 4, 5, 6, 7]
    const other = [7, 6, 5, 4, 3, 2, 1]
    const now = new Date().toISOString()
    const row = () => ({ id: newId(), account_id: account.accountId, display_name: 'X', created_at: now, updated_at: now })
    const first = await deps.db.transaction().execute((trx) => insertCustomer(trx, row(), scripted(same)))
    expect(first.crn).toBe(generateCrn(scripted(same)))
    const second = await deps.db.transaction().execute((trx) => insertCustomer(trx, row(), scripted(same, same, other)))
    expect(second.crn).toBe(generateCrn(scripted(other)))
    await expect(deps.db.transaction().execute((trx) => insertCustomer(trx, row(), scripted(same)))).rejects.toThrow(/no free CRN/)
  })

  it('resolves two concurrent first contacts from the same new email to one customer', async () => {
    const { deps, account } = await startTestApp(dialect)
    const resolveOnce = () =>
      deps.db.transaction().execute((trx) =>
        resolveCustomerForTicket(trx, deps, account.accountId, { email: 'race@example.com', name: 'Race' }, { kind: 'system' }))
    const results = await Promise.all([resolveOnce(), resolveOnce(), resolveOnce()])
    expect(new Set(results.map((r) => r.customer.id)).size).toBe(1)
    expect(results.filter((r) => r.created)).toHaveLength(1)
    expect(await deps.db.selectFrom('customers').select('id').execute()).toHaveLength(1)
    // The losers' half-made customers leave no customer.created behind.
    expect(results.flatMap((r) => r.pending.events).filter((e) => e.type === 'customer.created')).toHaveLength(1)
  })
})
