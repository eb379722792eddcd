/**
 * A real Madoguchi server for the browser tests in packages/web/e2e: fresh SQLite
 * database, the built agent app, one account with an agent of every role (each
 * with a password and an API token), listening on a random port.
 *
 * Run as its own process (`node --import tsx packages/server/src/web/e2e-server.ts`)
 * so the web package never imports server code. Prints one JSON line with the URL
 * and the credentials, then serves until SIGTERM.
 */
import { buildApp } from '../app.ts'
import { hashPassword } from '../auth/password.ts'
import { seedTestAccount } from '../test/fixtures.ts'
import { createTestDeps } from '../test/test-deps.ts'

export const E2E_PASSWORD = 'madoguchi-e2e-pass'

const NAMES = { admin: '管理 太郎', supervisor: 'Tanaka Ken', agent: '佐藤 花子', partner: 'Partner Pat' } as const

const deps = await createTestDeps('sqlite')
const app = await buildApp(deps)
const account = await seedTestAccount(deps, '窓口テスト株式会社')
const passwordHash = await hashPassword(E2E_PASSWORD)
for (const role of ['admin', 'supervisor', 'agent', 'partner'] as const) {
  await deps.db.updateTable('agents').set({ password_hash: passwordHash, name: NAMES[role] }).where('id', '=', account[role].id).execute()
}
await deps.db.updateTable('teams').set({ name: 'サポート窓口' }).where('id', '=', account.teamId).execute()

// A network outage on demand, for the reconnect/catch-up test: SIGUSR2 drops every
// agent socket and refuses new ones (as if the link were down); SIGUSR1 ends it.
let outage = false
app.addHook('onRequest', async (request, reply) => {
  if (outage && request.url.startsWith('/api/v1/realtime')) return reply.code(503).send()
})
process.on('SIGUSR2', () => {
  outage = true
  for (const socket of app.websocketServer.clients) socket.terminate()
})
process.on('SIGUSR1', () => {
  outage = false
})

const url = await app.listen({ port: 0, host: '127.0.0.1' })
process.stdout.write(`${JSON.stringify({ url, password: E2E_PASSWORD, names: NAMES, account })}\n`)

let stopping = false
async function stop(): Promise<void> {
  if (stopping) return
  stopping = true
  await app.close()
  await deps.cleanup()
  process.exit(0)
}
process.on('SIGTERM', () => void stop())
process.on('SIGINT', () => void stop())
// The test runner died without a goodbye: do not linger as an orphan.
process.stdin.on('end', () => void stop())
process.stdin.resume()
