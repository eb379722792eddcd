import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { cliTestEnv } from './cli-test-env.ts'

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../bin/madoguchi.mjs')

/** The real command in its own process, as `npm start` runs it (SQLite: the default install). */
describe('`madoguchi start` as a process', () => {
  it('loads the demo into the new account, serves, and exits 0 on SIGTERM after a graceful shutdown', async () => {
    const env = await cliTestEnv('sqlite', { MADOGUCHI_DEMO: '1', LANG: 'en_US.UTF-8' })
    const child = spawn(process.execPath, [BIN, 'start'], { env: { ...process.env, ...env, TEST_DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString() })
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    const deadline = Date.now() + 60_000
    while (!stdout.includes('Press Ctrl+C') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100))
    expect(stdout, stderr).toContain('Madoguchi is running')
    expect(stdout).toMatch(/Demo data loaded: \d+ tickets/)
    const url = /Open: (\S+)/.exec(stdout)![1]!
    const health = await fetch(`${url.replace('localhost', '127.0.0.1')}/readyz`)
    expect(health.status).toBe(200)

    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(stderr).toContain('SIGTERM received: shutting down')
  }, 90_000)
})
