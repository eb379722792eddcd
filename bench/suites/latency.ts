import { TICKET_CATEGORIES, TICKET_PRIORITIES, TICKET_STATUSES } from '@madoguchi/shared'
import { CHANNEL_WEIGHTS, TAG_WEIGHTS } from '../generator/vocabulary.ts'
import type { LargeDataSet } from '../generate-data.ts'
import { createClient } from '../lib/http-client.ts'
import type { BenchOptions } from '../lib/options.ts'
import { spawnServer } from '../lib/spawn-server.ts'
import { percentile, pick, seededRandom } from '../lib/stats.ts'
import { sampleFilterValues } from './samples.ts'

export interface LatencyFigure {
  name: string
  kind: 'list' | 'lookup'
  p50: number
  p99: number
  max: number
  samples: number
  /** Server process CPU per request (ms): what the request costs, whatever else runs on the machine. */
  cpuMs: number
  /** Requests that did not answer 200 (must be 0). */
  failures: number
  /** Slowest requests' paths, to profile what missed. */
  slowest: string[]
}

const HOUR = 3_600_000
const CASE_BUDGET_MS = 30_000

/**
 * Sequential requests on one keep-alive connection against the large data set:
 * `GET /api/v1/tickets` with each single filter (values drawn from the data: every
 * status, agent, team and tag — common and rare —, random customers, time windows),
 * and `GET /api/v1/customers/lookup` by CRN, e-mail and phone (typed as 090-…).
 */
export async function measureLatency(data: LargeDataSet, options: BenchOptions): Promise<LatencyFigure[]> {
  const values = await sampleFilterValues(data.bench.db, data.accountId, Math.min(options.samples, 300))
  const rand = seededRandom(3)
  const now = Date.now()
  const withValue = (name: string, value: string) => `/api/v1/tickets?${name}=${encodeURIComponent(value)}`
  const cases: Array<{ name: string; kind: LatencyFigure['kind']; path: () => string | null }> = [
    { name: 'GET /tickets (no filter)', kind: 'list', path: () => '/api/v1/tickets' },
    { name: 'GET /tickets?status=', kind: 'list', path: () => withValue('status', pick(rand, TICKET_STATUSES)) },
    { name: 'GET /tickets?assigneeId=', kind: 'list', path: () => withValue('assigneeId', rand() < 0.1 ? 'none' : pick(rand, values.agentIds)) },
    { name: 'GET /tickets?teamId=', kind: 'list', path: () => withValue('teamId', pick(rand, values.teamIds)) },
    { name: 'GET /tickets?tag=', kind: 'list', path: () => withValue('tag', pick(rand, TAG_WEIGHTS)[0]) },
    { name: 'GET /tickets?customerId=', kind: 'list', path: () => withValue('customerId', pick(rand, values.customerIds)) },
    { name: 'GET /tickets?channel=', kind: 'list', path: () => withValue('channel', pick(rand, CHANNEL_WEIGHTS)[0]) },
    { name: 'GET /tickets?priority=', kind: 'list', path: () => withValue('priority', pick(rand, TICKET_PRIORITIES)) },
    { name: 'GET /tickets?category=', kind: 'list', path: () => withValue('category', pick(rand, TICKET_CATEGORIES)) },
    { name: 'GET /tickets?updatedSince=', kind: 'list', path: () => withValue('updatedSince', new Date(now - Math.floor(1 + rand() * 24 * 365) * HOUR).toISOString()) },
    { name: 'GET /customers/lookup?crn=', kind: 'lookup', path: () => `/api/v1/customers/lookup?crn=${pick(rand, values.lookups).crn}` },
    { name: 'GET /customers/lookup?email=', kind: 'lookup', path: () => lookupPath('email', pick(rand, values.lookups).email) },
    { name: 'GET /customers/lookup?phone=', kind: 'lookup', path: () => lookupPath('phone', pick(rand, values.lookups).phone) },
  ]
  const server = await spawnServer({ kind: 'app', database: data.bench.config })
  const client = createClient(server.url, { authorization: `Bearer ${data.token}` })
  try {
    // Warm the process (JIT, prepared plans, OS page cache) the way a running server is.
    for (const c of cases) for (let i = 0; i < 20; i++) if ((await getPath(client, c.path())) > 1_000) break
    const figures: LatencyFigure[] = []
    for (const c of cases) {
      const timings: Array<{ ms: number; path: string }> = []
      let failures = 0
      // A case far off its target would take hours at full sample count: cap its time.
      const deadline = performance.now() + CASE_BUDGET_MS
      const cpuBefore = await server.cpuMicros()
      for (let i = 0; i < options.samples && performance.now() < deadline; i++) {
        const path = c.path()
        if (path === null) continue
        const res = await client.get(path)
        if (res.status !== 200) failures++
        timings.push({ ms: res.ms, path })
      }
      const cpuMs = ((await server.cpuMicros()) - cpuBefore) / 1000 / Math.max(1, timings.length)
      const ms = timings.map((t) => t.ms)
      figures.push({
        name: c.name, kind: c.kind, p50: percentile(ms, 50), p99: percentile(ms, 99), max: Math.max(...ms), samples: ms.length, cpuMs, failures,
        slowest: [...timings].sort((a, b) => b.ms - a.ms).slice(0, 3).map((t) => `${t.ms.toFixed(1)} ms ${decodeURIComponent(t.path)}`),
      })
    }

    return figures
  } finally {
    client.close()
    await server.stop()
  }
}

function lookupPath(kind: 'email' | 'phone', value: string | null): string | null {
  return value === null ? null : `/api/v1/customers/lookup?${kind}=${encodeURIComponent(value)}`
}

/** Milliseconds the request took (0 when there was nothing to ask). */
async function getPath(client: ReturnType<typeof createClient>, path: string | null): Promise<number> {
  return path === null ? 0 : (await client.get(path)).ms
}
