import { z } from 'zod'
import type { Channel } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { JobContext } from '../jobs/job-definition.ts'
import { defineJob } from '../jobs/job-definition.ts'
import { DELIVER_MESSAGE_JOB } from '../tickets/post-ticket-message.ts'
import { deliverEmailReply } from './email/deliver-email-reply.ts'

type Deliverer = (deps: Deps, messageId: string, context: JobContext) => Promise<void>

/**
 * One delivery job for every channel; each channel adds its sender here. Messages
 * of a channel without one stay `queued` (nothing to send them through yet).
 */
const DELIVERERS: Partial<Record<Channel, Deliverer>> = {
  email: deliverEmailReply,
}

export const deliverMessageJob = defineJob({
  type: DELIVER_MESSAGE_JOB,
  payload: z.object({ messageId: z.string() }),
  async run(deps, payload, context) {
    const message = await deps.db.selectFrom('messages').select(['channel']).where('id', '=', payload.messageId).executeTakeFirst()
    const deliver = message ? DELIVERERS[message.channel] : undefined
    if (deliver) await deliver(deps, payload.messageId, context)
  },
})
