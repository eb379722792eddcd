import { z } from 'zod'

/** One entry of the change log of a ticket or a customer: who, what, before → after, when. */
export const eventView = z.object({
  id: z.string(),
  /** e.g. `ticket.status_changed`, `customer.updated`, `customer.merged`. */
  type: z.string(),
  actor: z.object({ kind: z.enum(['agent', 'customer', 'system', 'bot']), id: z.string().nullable() }),
  /** The API field that changed, when the event is about one field. */
  field: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  createdAt: z.string(),
})
export type EventView = z.infer<typeof eventView>
