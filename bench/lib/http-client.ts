import http from 'node:http'

export interface Timed {
  status: number
  body: string
  ms: number
}

/**
 * One keep-alive connection, one request at a time: the latency a single user sees,
 * without the client's own overhead (node:http is lighter than fetch).
 */
export function createClient(baseUrl: string, headers: Record<string, string> = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const url = new URL(baseUrl)

  const request = (method: string, path: string, body?: unknown): Promise<Timed> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body)
      const started = performance.now()
      const req = http.request(
        {
          agent, host: url.hostname, port: url.port, method, path,
          headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }))
          res.on('error', reject)
        },
      )
      req.on('error', reject)
      req.end(payload)
    })

  return {
    get: (path: string) => request('GET', path),
    post: (path: string, body: unknown) => request('POST', path, body),
    close: () => agent.destroy(),
  }
}

export type Client = ReturnType<typeof createClient>
