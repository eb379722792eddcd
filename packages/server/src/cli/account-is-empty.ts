import type { Db } from '../db/database.ts'

/**
 * True when nobody has used the account yet: no tickets, no customers, and no agent
 * besides its first admin. Demo data goes only into such an account, so a real
 * account started once with MADOGUCHI_DEMO=0 never gets demo tickets later.
 */
export async function accountIsEmpty(db: Db, accountId: string): Promise<boolean> {
  const [tickets, customers, agents] = await Promise.all([
    db.selectFrom('tickets').select('id').where('account_id', '=', accountId).limit(1).execute(),
    db.selectFrom('customers').select('id').where('account_id', '=', accountId).limit(1).execute(),
    db.selectFrom('agents').select('id').where('account_id', '=', accountId).limit(2).execute(),
  ])

  return tickets.length === 0 && customers.length === 0 && agents.length <= 1
}
