import type { Channel, TicketCategory, TicketPriority, TicketStatus } from '@madoguchi/shared'
import type { DemoAgentKey, DemoTeamKey } from './demo-staff.ts'

/** One message of a demo thread: customer inbound, agent reply, or internal note. */
export interface DemoMessage {
  kind: 'in' | 'out' | 'note'
  body: string
  /** Author of an agent message; defaults to the ticket's assignee. */
  by?: DemoAgentKey
}

/** One demo conversation, described as data so the seeder stays small. */
export interface DemoTicket {
  /** Key into DEMO_CUSTOMERS. */
  customer: string
  channel: Channel
  subject: string
  category: TicketCategory
  priority: TicketPriority
  status: TicketStatus
  tags: string[]
  team: DemoTeamKey
  assignee?: DemoAgentKey
  /** How long ago the customer first wrote; orders the demo queue. */
  daysAgo: number
  thread: DemoMessage[]
}
