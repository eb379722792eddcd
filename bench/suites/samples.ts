import type { Db } from '../../packages/server/src/db/database.ts'
import { seededRandom } from '../lib/stats.ts'

/** Real values from the large data set to filter and look up by. */
export interface FilterValues {
  agentIds: string[]
  teamIds: string[]
  customerIds: string[]
  lookups: Array<{ crn: string; email: string | null; phone: string | null }>
}

/** Picks `count` customers (with their contacts) and the agents and teams of the account. */
export async function sampleFilterValues(db: Db, accountId: string, count: number): Promise<FilterValues> {
  const rand = seededRandom(99)
  const agents = await db.selectFrom('agents').select('id').where('account_id', '=', accountId).where('role', '!=', 'partner').execute()
  const teams = await db.selectFrom('teams').select('id').where('account_id', '=', accountId).execute()
  const total = Number((await db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow()).n)
  const customerIds: string[] = []
  const lookups: FilterValues['lookups'] = []
  for (let i = 0; i < count; i++) {
    const row = await db
      .selectFrom('customers')
      .select(['id', 'crn'])
      .where('account_id', '=', accountId)
      .orderBy('id')
      .limit(1)
      .offset(Math.floor(rand() * total))
      .executeTakeFirstOrThrow()
    const contacts = await db.selectFrom('customer_contacts').select(['kind', 'value']).where('customer_id', '=', row.id).execute()
    customerIds.push(row.id)
    const phone = contacts.find((c) => c.kind === 'phone')?.value ?? null
    lookups.push({
      crn: row.crn,
      email: contacts.find((c) => c.kind === 'email')?.value ?? null,
      // As an agent types it from a call: national format with hyphens (090-1234-5678).
      phone: phone ? `0${phone.slice(3, 5)}-${phone.slice(5, 9)}-${phone.slice(9)}` : null,
    })
  }

  return { agentIds: agents.map((a) => a.id), teamIds: teams.map((t) => t.id), customerIds, lookups }
}
