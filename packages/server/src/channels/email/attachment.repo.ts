import type { Executor } from '../../db/database.ts'
import type { AttachmentRow, NewAttachmentRow } from './email.table.ts'

export async function findAttachment(db: Executor, accountId: string, id: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('attachments').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst()
}

export async function insertAttachments(db: Executor, rows: NewAttachmentRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('attachments').values(rows).execute()
}

/** Attachments of a stored raw message now belong to the ticket message made from it. */
export async function linkAttachments(db: Executor, rawEmailId: string, messageId: string, ticketId: string): Promise<void> {
  await db.updateTable('attachments').set({ message_id: messageId, ticket_id: ticketId }).where('raw_email_id', '=', rawEmailId).execute()
}

export async function listAttachmentsOfRaw(db: Executor, rawEmailId: string): Promise<Array<Pick<AttachmentRow, 'id' | 'content_id' | 'filename' | 'content_type' | 'size' | 'inline' | 'refused_reason'>>> {
  return db.selectFrom('attachments').select(['id', 'content_id', 'filename', 'content_type', 'size', 'inline', 'refused_reason']).where('raw_email_id', '=', rawEmailId).orderBy('id').execute()
}
