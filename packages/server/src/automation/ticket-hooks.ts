import type { RealtimeEvent, TriggerEvent } from '@madoguchi/shared'
import type { AccountConfig } from '../accounts/account-config.ts'
import { accountConfig } from '../accounts/account-config.ts'
import type { Trx } from '../db/database.ts'
import type { Deps } from '../deps.ts'
import { syncTicketSla } from '../sla/sync-ticket-sla.ts'
import { routeTicket } from '../routing/route-ticket.ts'
import { runTriggers } from './run-triggers.ts'
import type { TicketRow } from '../tickets/ticket.table.ts'

/**
 * The one door through which the tickets use cases tell issue 7's features
 * (SLA clocks, routing, triggers) about a change, inside the change's own
 * transaction. Each call returns the ticket as it is afterwards (routing or a
 * trigger may have assigned it). Realtime messages caused here are held until
 * the caller's transaction has committed and the caller calls `publish()`.
 */
export interface TicketHooks {
  /** `configVersion`: the account's, when the caller already read it in this transaction. */
  created(trx: Trx, ticket: TicketRow, configVersion?: string): Promise<TicketRow>
  /** Fields or status changed through PATCH. */
  changed(trx: Trx, before: TicketRow, after: TicketRow): Promise<TicketRow>
  /** An agent's reply was stored (not a note). */
  replied(trx: Trx, before: TicketRow, after: TicketRow): Promise<TicketRow>
  /** A customer's message was added to an existing ticket. */
  inbound(trx: Trx, before: TicketRow, after: TicketRow): Promise<TicketRow>
  publish(): void
}

export function ticketHooks(deps: Deps): TicketHooks {
  const pending: RealtimeEvent[] = []
  let accountId = ''
  // SLA policies, triggers and calendars: cached per account config version (one read per change instead of several).
  const configOf = (trx: Trx, ticket: TicketRow, version?: string) => accountConfig(deps.db, trx, ticket.account_id, version)
  const triggers = (trx: Trx, ticket: TicketRow, events: TriggerEvent[], at: string, config: AccountConfig) => {
    // One outside change = one run: a trigger fires at most once across its events.
    const run = { at, depth: 0, fired: new Set<string>(), pending, config }
    accountId = ticket.account_id

    return events.reduce<Promise<TicketRow>>(async (t, event) => runTriggers(trx, deps, await t, event, run), Promise.resolve(ticket))
  }

  return {
    async created(trx, ticket, configVersion) {
      const config = configOf(trx, ticket, configVersion)
      // Routing first: the category's team may bring the SLA policy's conditions into play.
      const routed = await routeTicket(trx, ticket, { at: ticket.created_at, dialect: deps.dialect })
      await syncTicketSla(trx, routed.ticket, { kind: 'created' }, ticket.created_at, config)

      return triggers(trx, routed.ticket, ['ticket.created'], ticket.created_at, config)
    },
    async changed(trx, before, after) {
      const config = configOf(trx, after)
      await syncTicketSla(trx, after, { kind: 'updated', before }, after.updated_at, config)
      // Handed to another team without an assignee: that team's auto-assignment takes it.
      let current = after
      if (after.team_id !== before.team_id && after.team_id !== null && after.assignee_id === null) {
        current = (await routeTicket(trx, after, { at: after.updated_at, dialect: deps.dialect })).ticket
      }

      return triggers(trx, current, before.status === after.status ? ['ticket.updated'] : ['status.changed', 'ticket.updated'], after.updated_at, config)
    },
    async replied(trx, before, after) {
      await syncTicketSla(trx, after, { kind: 'reply', before }, after.updated_at, configOf(trx, after))

      return after
    },
    async inbound(trx, before, after) {
      const config = configOf(trx, after)
      await syncTicketSla(trx, after, { kind: 'inbound', before }, after.updated_at, config)

      return triggers(trx, after, before.status === after.status ? ['message.received'] : ['message.received', 'status.changed'], after.updated_at, config)
    },
    publish() {
      for (const event of pending.splice(0)) deps.realtime.publish(accountId, event)
    },
  }
}
