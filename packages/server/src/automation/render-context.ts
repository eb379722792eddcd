import type { Executor } from '../db/database.ts'
import type { TicketRow } from '../tickets/ticket.table.ts'
import type { PlaceholderSource } from './fill-placeholders.ts'

/**
 * What placeholders need about a ticket: its customer and the agent writing (or
 * the assignee). Two primary-key reads of the customers and agents tables.
 */
export async function loadRenderContext(db: Executor, ticket: TicketRow, agentId: string | null): Promise<PlaceholderSource & { language: string | null }> {
  const customer = await db
    .selectFrom('customers')
    .select(['display_name', 'preferred_name', 'family_name', 'given_name', 'honorific', 'crn', 'organization', 'language'])
    .where('account_id', '=', ticket.account_id)
    .where('id', '=', ticket.customer_id)
    .executeTakeFirst()
  const agent = agentId
    ? await db.selectFrom('agents').select(['name', 'email']).where('account_id', '=', ticket.account_id).where('id', '=', agentId).executeTakeFirst()
    : undefined

  return { customer, agent, ticket: { number: Number(ticket.number), subject: ticket.subject, status: ticket.status }, language: customer?.language ?? null }
}

/** Japanese unless the customer's language says English (the account is Japanese-first). */
export function replyLocale(language: string | null, asked?: 'ja' | 'en'): 'ja' | 'en' {
  if (asked) return asked

  return language?.toLowerCase().startsWith('en') ? 'en' : 'ja'
}
