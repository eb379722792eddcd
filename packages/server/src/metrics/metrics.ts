import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { Db } from '../db/database.ts'
import type { JobObserver } from '../jobs/run-jobs.ts'

/**
 * The Prometheus metrics of one app, in their own Registry (never prom-client's
 * global one), so that a test process can build many apps side by side.
 */
export interface AppMetrics {
  registry: Registry
  httpDuration: Histogram<'route' | 'method' | 'status_code'>
  /** Feeds the job counters; hand it to the job runner of the same process. */
  jobObserver: JobObserver
  /** Reports queue depth by status from this database at scrape time. */
  watchJobQueue(db: Db): void
}

export interface MetricsOptions {
  /**
   * Process metrics (CPU, memory, event-loop lag, GC). Off for throwaway apps in
   * tests: each collection starts event-loop and GC observers that live as long as the process.
   */
  processMetrics?: boolean
}

export function createMetrics(options: MetricsOptions = {}): AppMetrics {
  const registry = new Registry()
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'madoguchi_' })

  const httpDuration = new Histogram({
    name: 'madoguchi_http_request_duration_seconds',
    help: 'HTTP request duration by route pattern, method and status',
    labelNames: ['route', 'method', 'status_code'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  })
  const jobsFinished = new Counter({
    name: 'madoguchi_jobs_finished_total',
    help: 'Job attempts finished by this process, by type and outcome (done, retry, dead)',
    labelNames: ['type', 'outcome'] as const,
    registers: [registry],
  })
  const jobDuration = new Histogram({
    name: 'madoguchi_job_duration_seconds',
    help: 'Duration of job attempts run by this process',
    labelNames: ['type'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
    registers: [registry],
  })
  let queueDb: Db | undefined
  new Gauge({
    name: 'madoguchi_jobs',
    help: 'Jobs in the queue (all nodes, all accounts) by status',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      if (!queueDb) return
      this.reset()
      const rows = await queueDb
        .selectFrom('jobs')
        .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
        .where('status', 'in', ['pending', 'running', 'failed', 'dead'])
        .groupBy('status')
        .execute()
      for (const status of ['pending', 'running', 'failed', 'dead']) {
        this.set({ status }, Number(rows.find((r) => r.status === status)?.count ?? 0))
      }
    },
  })

  return {
    registry,
    httpDuration,
    jobObserver: {
      jobFinished(type, outcome, seconds) {
        jobsFinished.inc({ type, outcome })
        jobDuration.observe({ type }, seconds)
      },
    },
    watchJobQueue(db) {
      queueDb = db
    },
  }
}
