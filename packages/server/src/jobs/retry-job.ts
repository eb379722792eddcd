import type { JobView } from '@madoguchi/shared'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { findJob, requeueJob } from './job.repo.ts'
import { toJobView } from './job-view.ts'

/** An admin sends a dead (or waiting-to-retry) job back to the queue now, with fresh attempts. */
export async function retryJob(deps: Deps, principal: Principal, jobId: string, ip: string | null): Promise<JobView> {
  return deps.transact(async (trx) => {
    const now = deps.clock.now().toISOString()
    const requeued = await requeueJob(trx, principal.accountId, jobId, now)
    if (!requeued) {
      const existing = await findJob(trx, principal.accountId, jobId)
      throw existing ? new AppError('job.not_retryable', { status: existing.status }) : new AppError('job.not_found')
    }
    await recordAudit(trx, {
      accountId: principal.accountId,
      actorId: principal.agentId,
      action: 'job.retried',
      targetType: 'job',
      targetId: jobId,
      details: { type: requeued.type },
      ip,
      at: now,
    })

    return toJobView(requeued)
  })
}
