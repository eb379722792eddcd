import type { Kysely } from 'kysely'
import { PostgresAdapter } from 'kysely'

/**
 * Email channel: inboxes and their addresses, every accepted raw message, the
 * attachments taken from them, and the delivery state of outgoing mail.
 *
 * Raw messages and attachments up to 256 KB are stored in the database (`content`),
 * so that "committed" means "durable and replicated with the database" and a second
 * app node can read them; larger ones are written to a content-addressed file
 * (`storage_key`, under MADOGUCHI_DATA_DIR/blobs) and fsync'd before the row commits.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob'

  await db.schema
    .createTable('inboxes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('addresses', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    // Keys the reply-address tokens (support+t42k…@); never leaves the server.
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('inboxes_account_idx').on('inboxes').columns(['account_id', 'id']).execute()

  // One address belongs to one inbox across all accounts: the SMTP server routes by it.
  await db.schema
    .createTable('inbox_addresses')
    .addColumn('address', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('inbox_id', 'text', (c) => c.notNull().references('inboxes.id'))
    .execute()
  await db.schema.createIndex('inbox_addresses_inbox_idx').on('inbox_addresses').column('inbox_id').execute()

  await db.schema
    .createTable('raw_emails')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('inbox_id', 'text', (c) => c.notNull().references('inboxes.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    // `mid:<Message-ID>` or `sha:<sha256>` when the message has none: same key, same message.
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('message_id_header', 'text')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', bytes)
    .addColumn('storage_key', 'text')
    .addColumn('envelope_from', 'text')
    .addColumn('envelope_to', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('sender', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('parse_warnings', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('ticket_id', 'text')
    .addColumn('message_id', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('processed_at', 'text')
    .execute()
  await db.schema.createIndex('raw_emails_dedupe_uq').on('raw_emails').columns(['inbox_id', 'dedupe_key']).unique().execute()
  await db.schema.createIndex('raw_emails_account_idx').on('raw_emails').columns(['account_id', 'id']).execute()
  await db.schema.createIndex('raw_emails_pending_idx').on('raw_emails').columns(['outcome', 'received_at']).execute()

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('raw_email_id', 'text')
    .addColumn('message_id', 'text')
    .addColumn('ticket_id', 'text')
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', bytes)
    .addColumn('storage_key', 'text')
    .addColumn('content_id', 'text')
    .addColumn('inline', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('refused_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('attachments_message_idx').on('attachments').columns(['account_id', 'message_id']).execute()
  await db.schema.createIndex('attachments_raw_idx').on('attachments').column('raw_email_id').execute()

  await db.schema
    .createTable('email_outbound')
    .addColumn('message_id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('inbox_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('rfc_message_id', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('failed_at', 'text')
    .addColumn('bounce_raw_email_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('email_outbound_rfc_uq').on('email_outbound').columns(['account_id', 'rfc_message_id']).unique().execute()
  await db.schema.createIndex('email_outbound_ticket_idx').on('email_outbound').columns(['account_id', 'ticket_id']).execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['email_outbound', 'attachments', 'raw_emails', 'inbox_addresses', 'inboxes']) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
