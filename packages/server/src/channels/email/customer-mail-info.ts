import type { Executor } from '../../db/database.ts'

export interface CustomerMailInfo {
  name: string
  crn: string
  language: string | null
  /** Primary, non-bouncing address first; null when the customer has none. */
  email: string | null
  /** The chosen address bounced before (automatic mail is not sent to it). */
  bouncing: boolean
}

/** What a mail to a customer needs to know about them. */
export async function customerMailInfo(db: Executor, accountId: string, customerId: string): Promise<CustomerMailInfo> {
  const customer = await db.selectFrom('customers').select(['display_name', 'preferred_name', 'crn', 'language'])
    .where('account_id', '=', accountId).where('id', '=', customerId).executeTakeFirstOrThrow()
  const contacts = await db.selectFrom('customer_contacts').select(['value', 'is_primary', 'bouncing_at'])
    .where('account_id', '=', accountId).where('customer_id', '=', customerId).where('kind', '=', 'email').execute()
  contacts.sort((a, b) => Number(a.bouncing_at !== null) - Number(b.bouncing_at !== null) || Number(b.is_primary) - Number(a.is_primary))

  return { name: customer.preferred_name ?? customer.display_name, crn: customer.crn, language: customer.language, email: contacts[0]?.value ?? null, bouncing: Boolean(contacts[0]?.bouncing_at) }
}
