import { z } from 'zod'
import { defineJob } from '../../jobs/job-definition.ts'
import { processRawEmail } from './process-raw-email.ts'
import { SEND_ACK_JOB } from './process-raw-email.ts'
import { listUnprocessedRawEmails } from './raw-email.repo.ts'
import { sendAcknowledgement } from './send-acknowledgement.ts'

export const sendAckJob = defineJob({
  type: SEND_ACK_JOB,
  payload: z.object({ rawEmailId: z.string() }),
  run: (deps, payload, context) => sendAcknowledgement(deps, payload.rawEmailId, context),
})

export const PROCESS_PENDING_EVERY_MS = 60_000

/**
 * Finishes raw messages that were stored but never processed (the node died right
 * after answering 250). Older than a minute, so it never races the node that is
 * processing a message right now.
 */
export const processPendingEmailsJob = defineJob({
  type: 'email.process_pending',
  payload: z.unknown(),
  async run(deps) {
    const before = new Date(deps.clock.now().getTime() - 60_000).toISOString()
    for (const raw of await listUnprocessedRawEmails(deps.db, before, 200)) {
      const inbox = await deps.db.selectFrom('inboxes').selectAll().where('id', '=', raw.inbox_id).executeTakeFirst()
      if (inbox) await processRawEmail(deps, inbox, raw)
    }
  },
})
