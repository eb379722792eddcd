import { z } from 'zod'

/** API shapes of email inboxes (one inbox = one channel instance with its addresses and settings). */
export const INBOX_LIMITS = { addresses: 50, name: 100, signature: 4_000, template: 10_000 } as const

const emailAddress = z.string().trim().toLowerCase().pipe(z.email().max(254))

const smtpRelay = z
  .object({
    host: z.string().trim().min(1).max(255),
    port: z.number().int().min(1).max(65535).default(587),
    /** true: TLS from the start (465); false: STARTTLS when offered. */
    secure: z.boolean().default(false),
    user: z.string().max(255).optional(),
    password: z.string().max(1024).optional(),
  })
  .strict()

const imapSource = z
  .object({
    host: z.string().trim().min(1).max(255),
    port: z.number().int().min(1).max(65535).default(993),
    secure: z.boolean().default(true),
    user: z.string().min(1).max(255),
    password: z.string().max(1024),
    mailbox: z.string().min(1).max(255).default('INBOX'),
    /** Move processed mail here (else it is only flagged \Seen). */
    moveTo: z.string().min(1).max(255).optional(),
  })
  .strict()

const ackTemplate = z
  .object({
    subject: z.string().min(1).max(500),
    body: z.string().min(1).max(INBOX_LIMITS.template),
  })
  .strict()

export const inboxSettings = z
  .object({
    fromName: z.string().trim().max(200).optional(),
    signature: z.string().max(INBOX_LIMITS.signature).optional(),
    /** Outgoing charset; ISO-2022-JP for recipients on old Japanese mail systems. */
    charset: z.enum(['utf-8', 'iso-2022-jp']).default('utf-8'),
    smtp: smtpRelay.optional(),
    imap: imapSource.optional(),
    /** Send an acknowledgement to the customer when mail opens a new ticket. */
    ackEnabled: z.boolean().default(false),
    ackTemplates: z.object({ ja: ackTemplate.optional(), en: ackTemplate.optional() }).strict().optional(),
    /** Mails per sender per minute before further mail is refused as `throttled`. */
    throttlePerMinute: z.number().int().min(1).max(10_000).default(20),
    maxAttachmentBytes: z.number().int().min(1).max(50 * 1024 * 1024).default(25 * 1024 * 1024),
    allowRemoteImages: z.boolean().default(false),
  })
  .strict()
export type InboxSettings = z.infer<typeof inboxSettings>

export const createInboxInput = z
  .object({
    name: z.string().trim().min(1).max(INBOX_LIMITS.name),
    channel: z.literal('email'),
    addresses: z.array(emailAddress).min(1).max(INBOX_LIMITS.addresses),
    settings: inboxSettings.optional(),
  })
  .strict()
export type CreateInboxInput = z.infer<typeof createInboxInput>

export const updateInboxInput = z
  .object({
    name: z.string().trim().min(1).max(INBOX_LIMITS.name).optional(),
    addresses: z.array(emailAddress).min(1).max(INBOX_LIMITS.addresses).optional(),
    settings: inboxSettings.optional(),
    active: z.boolean().optional(),
  })
  .strict()
export type UpdateInboxInput = z.infer<typeof updateInboxInput>

/** Settings as shown to clients: passwords are never sent back, only whether one is set. */
export interface InboxSettingsView extends Omit<InboxSettings, 'smtp' | 'imap'> {
  smtp?: Omit<NonNullable<InboxSettings['smtp']>, 'password'> & { passwordSet: boolean }
  imap?: Omit<NonNullable<InboxSettings['imap']>, 'password'> & { passwordSet: boolean }
}

export interface InboxView {
  id: string
  name: string
  channel: 'email'
  addresses: string[]
  settings: InboxSettingsView
  active: boolean
  createdAt: string
  updatedAt: string
}

export const RAW_EMAIL_OUTCOMES = ['ticket_created', 'appended', 'bounce', 'auto_reply', 'duplicate', 'refused'] as const
export type RawEmailOutcomeView = (typeof RAW_EMAIL_OUTCOMES)[number]

/** What became of one raw message handed to an inbox. */
export interface RawEmailResult {
  outcome: RawEmailOutcomeView
  ticketId?: string
  messageId?: string
  reason?: string
}
