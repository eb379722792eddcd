import autocannon from 'autocannon'
import type { BenchOptions } from './options.ts'
import type { ServerHandle } from './spawn-server.ts'

export interface LoadSpec {
  url: string
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  /** Called for every request: lets each request carry a different body. */
  body?: () => string
}

export interface LoadResult {
  /** Server process CPU (user + system) per successful request, in ms; set by the caller. */
  cpuMsPerRequest?: number
  /** Successful (2xx) responses per second over the whole run. */
  okPerSec: number
  latencyP50: number
  latencyP99: number
  ok: number
  non2xx: number
  errors: number
  statusCodes: Record<string, number>
}

/** HTTP load with autocannon, same connections/pipelining/duration for every benchmark. */
export async function runLoad(spec: LoadSpec, options: Pick<BenchOptions, 'duration' | 'connections' | 'pipelining'>): Promise<LoadResult> {
  const makeBody = spec.body
  const result = await autocannon({
    url: spec.url,
    method: spec.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...spec.headers },
    duration: options.duration,
    connections: options.connections,
    pipelining: options.pipelining,
    ...(makeBody ? { requests: [{ setupRequest: (request) => ({ ...request, body: makeBody() }) }] } : {}),
  })
  const statusCodes: Record<string, number> = {}
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stat.count

  return {
    okPerSec: result['2xx'] / result.duration,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statusCodes,
  }
}

/** runLoad against a benchmark server, also measuring the server's CPU per request. */
export async function runServerLoad(server: ServerHandle, spec: LoadSpec, options: Pick<BenchOptions, 'duration' | 'connections' | 'pipelining'>): Promise<LoadResult> {
  const before = await server.cpuMicros()
  const result = await runLoad(spec, options)
  const used = (await server.cpuMicros()) - before

  return { ...result, cpuMsPerRequest: used / 1000 / Math.max(1, result.ok + result.non2xx) }
}
