import { createCustomerInput } from '@madoguchi/shared'
import type { ContactInput } from '@madoguchi/shared'
import { createAgent } from '../agents/create-agent.ts'
import { createCustomer } from '../customers/create-customer.ts'
import { lookupCustomer } from '../customers/lookup-customer.ts'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { appendInboundMessage } from '../tickets/append-inbound-message.ts'
import { createTicket } from '../tickets/create-ticket.ts'
import { listTickets } from '../tickets/list-tickets.ts'
import { postTicketMessage } from '../tickets/post-ticket-message.ts'
import { markDemoHistoryDelivered } from './mark-demo-history-delivered.ts'
import { updateTicket } from '../tickets/update-ticket.ts'
import type { DemoCustomer } from './demo-customers.ts'
import { DEMO_CUSTOMERS } from './demo-customers.ts'
import { DEMO_AGENTS, demoAgentEmail } from './demo-staff.ts'
import type { DemoTicket } from './demo-ticket.ts'
import { DEMO_TICKETS_EN } from './demo-tickets-en.ts'
import { DEMO_TICKETS_JA } from './demo-tickets-ja.ts'
import type { DemoStaff } from './seed-demo-staff.ts'
import { seedDemoStaff, systemPrincipal } from './seed-demo-staff.ts'
import { seedDemoEscalations, seedDemoSetup } from './seed-demo-setup.ts'

export interface SeedDemoResult {
  /** False when the account already had tickets: nothing was written. */
  seeded: boolean
  teams: number
  agents: number
  customers: number
  tickets: number
}

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * Loads the demo account: teams, agents of every role, the set-up an admin would do
 * (hours, SLA targets, a macro, a rule, help-center articles), ~40 Japanese and
 * English customers, ~60 tickets with their threads and two open escalations, all through the real use cases (so
 * numbers, CRNs, events and clocks are what the product would make). An account
 * that already has tickets is left alone, so this is safe to call on every start.
 */
export async function seedDemo(deps: Deps, { accountId }: { accountId: string }): Promise<SeedDemoResult> {
  const nothing: SeedDemoResult = { seeded: false, teams: 0, agents: 0, customers: 0, tickets: 0 }
  const actor = await demoActor(deps, accountId)
  if ((await listTickets(deps, actor, { limit: 1 })).items.length > 0) return nothing

  const staff = await seedDemoStaff(deps, actor)
  await seedDemoSetup(deps, actor)
  const customerIds = new Map<string, string>()
  for (const customer of DEMO_CUSTOMERS) customerIds.set(customer.key, await seedCustomer(deps, actor, customer))

  const now = deps.clock.now().getTime()
  // Oldest first, so ticket numbers grow with time as they would have.
  const tickets = [...DEMO_TICKETS_JA, ...DEMO_TICKETS_EN]
    .map((ticket, i) => ({ ticket, startMs: now - ticket.daysAgo * DAY - (1 + ((i * 37) % 9)) * HOUR }))
    .sort((a, b) => a.startMs - b.startMs)
  const ticketIdsBySubject = new Map<string, string>()
  for (const { ticket, startMs } of tickets) ticketIdsBySubject.set(ticket.subject, await seedTicket(deps, staff, customerIds, ticket, startMs, now))
  await markDemoHistoryDelivered(deps, accountId)
  await seedDemoEscalations(deps, staff, ticketIdsBySubject)

  return { seeded: true, teams: Object.keys(staff.teamIds).length, agents: DEMO_AGENTS.length, customers: customerIds.size, tickets: tickets.length }
}

/**
 * Who the demo's admin actions are recorded as: the account's first active admin
 * (made by `start` / `create-admin`); on an account without one, the demo admin
 * is created first (with a random password nobody sees) and acts instead.
 */
async function demoActor(deps: Deps, accountId: string): Promise<Principal> {
  // A plain read: no use case lists agents without already having a principal.
  const admin = await deps.db
    .selectFrom('agents')
    .select(['id', 'name'])
    .where('account_id', '=', accountId)
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst()
  if (admin) return systemPrincipal(accountId, admin.id, admin.name)
  const demoAdmin = DEMO_AGENTS.find((a) => a.role === 'admin')!
  const { agent } = await createAgent(deps, { accountId, agentId: null }, {
    email: demoAgentEmail(demoAdmin.key), name: demoAdmin.name, role: 'admin', teamIds: [], languages: demoAdmin.languages,
    skills: demoAdmin.skills, tier: demoAdmin.tier, capacity: 10, timeZone: demoAdmin.timeZone, locale: demoAdmin.locale,
  })

  return systemPrincipal(accountId, agent.id, agent.name)
}

async function seedCustomer(deps: Deps, actor: Principal, c: DemoCustomer): Promise<string> {
  const contacts: ContactInput[] = [
    ...(c.emails ?? []).map((value, i) => ({ kind: 'email' as const, value, isPrimary: i === 0 })),
    ...(c.phones ?? []).map((value, i) => ({ kind: 'phone' as const, value, isPrimary: i === 0 })),
  ]
  const first = contacts[0]!
  try {
    // Already there from an interrupted earlier seed.
    return (await lookupCustomer(deps, actor, first.kind === 'email' ? { email: first.value } : { phone: first.value })).id
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'customer.not_found')) throw error
  }
  const input = createCustomerInput.parse({
    familyName: c.familyName, givenName: c.givenName, familyNameKana: c.familyNameKana, givenNameKana: c.givenNameKana,
    displayName: c.language === 'ja' ? `${c.familyName} ${c.givenName}` : `${c.givenName} ${c.familyName}`,
    preferredName: c.preferredName, organization: c.organization, language: c.language, birthday: c.birthday,
    isVip: c.vipReason !== undefined, vipReason: c.vipReason, handleWithCare: c.careReason !== undefined, careReason: c.careReason,
    marketingConsent: c.marketingConsent ?? false, lifetimeValue: c.lifetimeValue, isInternal: c.isInternal ?? false,
    contacts,
  })

  return (await createCustomer(deps, { accountId: actor.accountId, actor: { kind: 'agent', id: actor.agentId }, input })).id
}

/** Deps whose clock reads `ms`: the demo's history happened over the past weeks. */
function at(deps: Deps, ms: number): Deps {
  return { ...deps, clock: { now: () => new Date(ms) } }
}

async function seedTicket(deps: Deps, staff: DemoStaff, customerIds: Map<string, string>, t: DemoTicket, startMs: number, nowMs: number): Promise<string> {
  const creator = staff.agents[t.assignee ?? (t.team === 'partner' ? 'matsuda' : 'kimura')]
  const customerId = customerIds.get(t.customer)
  if (!customerId) throw new Error(`demo ticket "${t.subject}" names unknown customer ${t.customer}`)
  const [opening, ...rest] = t.thread
  if (opening?.kind !== 'in') throw new Error(`demo ticket "${t.subject}" must open with the customer's message`)
  // Spread the thread between the start and now, a few hours apart at most.
  const step = Math.min(3 * HOUR, (nowMs - startMs) / (t.thread.length + 1))
  const created = await createTicket(at(deps, startMs), creator, {
    subject: t.subject,
    customer: { id: customerId },
    channel: t.channel,
    message: { body: opening.body },
    priority: t.priority,
    category: t.category,
    tags: t.tags,
    assigneeId: t.assignee ? staff.agents[t.assignee].agentId : null,
    teamId: staff.teamIds[t.team],
  })
  const ref = { id: created.id }
  let clock = startMs
  for (const message of rest) {
    clock += step
    if (message.kind === 'in') {
      await appendInboundMessage(at(deps, clock), { accountId: creator.accountId, ticketId: created.id, channel: t.channel, bodyText: message.body, authorCustomerId: customerId })
    } else {
      const author = staff.agents[message.by ?? t.assignee ?? 'kimura']
      await postTicketMessage(at(deps, clock), author, ref, { kind: message.kind === 'out' ? 'reply' : 'note', body: message.body })
    }
  }
  // A no-op when the thread already left the ticket in that status.
  await updateTicket(at(deps, clock + step / 2), creator, ref, { status: t.status })

  return created.id
}
