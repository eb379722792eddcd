import { z } from 'zod'
import { eventView } from './events.ts'
import { customerRef, customerSummary } from './customers.ts'
import { TICKET_STATUSES, channel, ticketCategory, ticketPriority, ticketStatus } from './domain.ts'
import { SLA_METRICS, SLA_STATES } from './sla.ts'

/** Limits that keep one ticket's data bounded (and the list rows small). */
export const TICKET_LIMITS = {
  subject: 500,
  /** Characters of message text; HTML may be a few times larger than its text. */
  bodyText: 100_000,
  bodyHtml: 400_000,
  tags: 20,
  tagLength: 50,
  customFields: 50,
  customFieldKey: 64,
  customFieldString: 1_000,
  pageSizeMax: 100,
  pageSizeDefault: 25,
} as const

const id = z.string().min(1).max(100)

/**
 * `updated` and `created`: newest first; `priority`: urgent first, then most recently
 * updated; `number`: highest number first.
 */
export const TICKET_SORTS = ['updated', 'created', 'priority', 'number'] as const
export type TicketSort = (typeof TICKET_SORTS)[number]
/** View counts are exact up to here; past it the answer is "10,000+". */
export const TICKET_COUNT_CAP = 10_000


/** Normalized tag: NFKC, trimmed, inner whitespace collapsed, Latin lower-cased. */
export function normalizeTag(tag: string): string {
  return tag.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()
}

const tag = z
  .string()
  .transform(normalizeTag)
  .pipe(z.string().min(1).max(TICKET_LIMITS.tagLength))
const tags = z
  .array(tag)
  .max(TICKET_LIMITS.tags)
  .transform((list) => [...new Set(list)])

const customFieldKey = z
  .string()
  .min(1)
  .max(TICKET_LIMITS.customFieldKey)
  .regex(/^[\p{L}\p{N}_.-]+$/u, 'letters, digits, "_", "." and "-" only')
  .refine((key) => key !== '__proto__', { message: 'reserved name' })
const customFieldValue = z.union([
  z.string().max(TICKET_LIMITS.customFieldString),
  z.number(),
  z.boolean(),
  z.null(),
])
export type CustomFieldValue = z.infer<typeof customFieldValue>
/** Flat on purpose: custom fields are filters and columns, not documents. */
const customFields = z
  .record(customFieldKey, customFieldValue)
  .refine((o) => Object.keys(o).length <= TICKET_LIMITS.customFields, { message: `at most ${TICKET_LIMITS.customFields} fields` })

const messageBody = z.string().min(1).max(TICKET_LIMITS.bodyText)
const messageHtml = z.string().max(TICKET_LIMITS.bodyHtml)

export const createTicketInput = z
  .object({
    subject: z.string().trim().min(1).max(TICKET_LIMITS.subject),
    /** `{id}`, `{crn}` or `{email?, phone?, name?, language?}` (creates the customer when new). */
    customer: customerRef,
    channel,
    message: z.object({ body: messageBody, html: messageHtml.optional() }).strict(),
    priority: ticketPriority.optional(),
    category: ticketCategory.nullable().optional(),
    tags: tags.optional(),
    assigneeId: id.nullable().optional(),
    teamId: id.nullable().optional(),
    customFields: customFields.optional(),
  })
  .strict()
export type CreateTicketInput = z.infer<typeof createTicketInput>

export const updateTicketInput = z
  .object({
    subject: z.string().trim().min(1).max(TICKET_LIMITS.subject).optional(),
    status: ticketStatus.optional(),
    priority: ticketPriority.optional(),
    category: ticketCategory.nullable().optional(),
    assigneeId: id.nullable().optional(),
    teamId: id.nullable().optional(),
    /** Replaces the whole set. */
    tags: tags.optional(),
    /** Merged into the existing fields; `null` deletes a field. */
    customFields: customFields.optional(),
  })
  .strict()
export type UpdateTicketInput = z.infer<typeof updateTicketInput>

/** Query strings give one value or many (`status=new&status=open` or `status=new,open`). */
const manyOf = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(',')).filter((s) => s !== '')),
    z.array(item).min(1).max(TICKET_STATUSES.length).optional(),
  )

export const cursorParam = z.string().min(1).max(500).regex(/^[A-Za-z0-9_-]+$/, 'not a cursor')
const limit = z.coerce.number().int().min(1).max(TICKET_LIMITS.pageSizeMax).default(TICKET_LIMITS.pageSizeDefault)

export const listTicketsQuery = z
  .object({
    status: manyOf(ticketStatus),
    /** An agent id, `me`, or `none` (unassigned). */
    assigneeId: id.optional(),
    /** A team id, or `mine` (every team of the caller). */
    teamId: id.optional(),
    tag: tag.optional(),
    customerId: id.optional(),
    channel: channel.optional(),
    priority: ticketPriority.optional(),
    category: ticketCategory.optional(),
    updatedSince: z.iso.datetime({ offset: true }).optional(),
    /** Subject prefix. */
    q: z.string().trim().min(1).max(200).optional(),
    /** Order of the list; every order pages by cursor with the ticket id as tie-breaker. */
    sort: z.enum(TICKET_SORTS).default('updated'),
    cursor: cursorParam.optional(),
    limit,
  })
  .strict()
export type ListTicketsQuery = z.infer<typeof listTicketsQuery>

/** The same filters as the list, without its paging and order. */
export const ticketCountQuery = listTicketsQuery.omit({ sort: true, cursor: true, limit: true })
export type TicketCountQuery = z.infer<typeof ticketCountQuery>

export const ticketCount = z.object({
  /** Exact up to TICKET_COUNT_CAP; at the cap `capped` says there are more. */
  count: z.number().int(),
  capped: z.boolean(),
})
export type TicketCount = z.infer<typeof ticketCount>

/** Views counted by one `POST /tickets/counts`: a sidebar holds the built-in views and the saved ones. */
export const TICKET_COUNTS_MAX = 30
/** The counts of several views in one request (the sidebar's), each with GET /tickets/count's filters. */
export const ticketCountsInput = z.object({ views: z.array(ticketCountQuery).min(1).max(TICKET_COUNTS_MAX) }).strict()
export type TicketCountsInput = z.infer<typeof ticketCountsInput>
export const ticketCounts = z.object({ counts: z.array(ticketCount).describe('In the order of `views`') })
export type TicketCounts = z.infer<typeof ticketCounts>

export const pageQuery = z.object({ cursor: cursorParam.optional(), limit }).strict()
export type PageQuery = z.infer<typeof pageQuery>

export const MESSAGE_POST_KINDS = ['reply', 'note'] as const
export const postMessageInput = z
  .object({
    /** `reply` goes to the customer; `note` is internal and never delivered. */
    kind: z.enum(MESSAGE_POST_KINDS),
    body: messageBody,
    html: messageHtml.optional(),
  })
  .strict()
export type PostMessageInput = z.infer<typeof postMessageInput>

// ---- views (what the API returns) ----

export const ticketCustomerSummary = customerSummary
export type TicketCustomerSummary = z.infer<typeof ticketCustomerSummary>

export const ticketView = z.object({
  id: z.string(),
  number: z.number().int(),
  subject: z.string(),
  status: ticketStatus,
  priority: ticketPriority,
  category: z.string().nullable(),
  channel,
  customer: ticketCustomerSummary,
  assigneeId: z.string().nullable(),
  teamId: z.string().nullable(),
  tags: z.array(z.string()),
  customFields: z.record(z.string(), customFieldValue),
  messageCount: z.number().int(),
  firstResponseAt: z.string().nullable(),
  waitingSince: z.string().nullable(),
  lastMessageAt: z.string().nullable(),
  solvedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** SLA badge for lists (issue 7): the running clock due first, and the worst state; null without clocks. */
  slaDueAt: z.string().nullable().optional(),
  slaState: z.enum(SLA_STATES).nullable().optional(),
  /** Which target the badge shows (first response / next response / resolution). */
  slaMetric: z.enum(SLA_METRICS).nullable().optional(),
  /** Every running clock is paused: the ticket waits on the customer. */
  slaPaused: z.boolean().optional(),
})
export type TicketView = z.infer<typeof ticketView>

export const createdTicketView = ticketView.extend({
  customer: ticketCustomerSummary.extend({ created: z.boolean() }),
})
export type CreatedTicketView = z.infer<typeof createdTicketView>

export const ticketPage = z.object({ items: z.array(ticketView), nextCursor: z.string().nullable() })
export type TicketPage = z.infer<typeof ticketPage>

export const messageView = z.object({
  id: z.string(),
  ticketId: z.string(),
  kind: z.enum(['inbound', 'outbound', 'note', 'system']),
  authorKind: z.enum(['customer', 'agent', 'bot', 'system']),
  authorAgentId: z.string().nullable(),
  authorCustomerId: z.string().nullable(),
  channel,
  body: z.string(),
  /** Sanitized HTML, safe to render. */
  html: z.string().nullable(),
  externalId: z.string().nullable(),
  deliveryStatus: z.string().nullable(),
  deliveryError: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
})
export type MessageView = z.infer<typeof messageView>

export const messagePage = z.object({ items: z.array(messageView), nextCursor: z.string().nullable() })
export type MessagePage = z.infer<typeof messagePage>

export const ticketEventView = eventView
export type TicketEventView = z.infer<typeof ticketEventView>

export const ticketEventPage = z.object({ items: z.array(ticketEventView), nextCursor: z.string().nullable() })
export type TicketEventPage = z.infer<typeof ticketEventPage>
