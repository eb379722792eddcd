// The subset of autocannon's API the benchmarks use (it ships no types).
declare module 'autocannon' {
  interface Histogram {
    average: number
    mean: number
    p50: number
    p90: number
    p99: number
    max: number
    total: number
  }
  interface RequestSpec {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
    setupRequest?: (request: RequestSpec, context: Record<string, unknown>) => RequestSpec
  }
  interface Options {
    url: string
    method?: string
    headers?: Record<string, string>
    body?: string
    duration?: number
    amount?: number
    connections?: number
    pipelining?: number
    requests?: RequestSpec[]
    idReplacement?: boolean
  }
  interface Result {
    requests: Histogram
    latency: Histogram
    errors: number
    timeouts: number
    non2xx: number
    '2xx': number
    duration: number
    statusCodeStats?: Record<string, { count: number }>
  }
  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
