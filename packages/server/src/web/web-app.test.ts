import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { buildApp } from '../app.ts'
import { testDialects } from '../test/dialects.ts'
import { createTestDeps } from '../test/test-deps.ts'

/** A fake build output: index.html, one hashed asset, a favicon. */
function fakeDist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'madoguchi-dist-'))
  fs.mkdirSync(path.join(dir, 'assets'))
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Madoguchi</title><script type="module" src="/assets/index-abc123.js"></script>')
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("app")')
  fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }))

  return dir
}

async function start(dialect: 'sqlite' | 'postgres', webDistDir: string) {
  const deps = await createTestDeps(dialect)
  const app = await buildApp(deps, { webDistDir })
  onTestFinished(async () => {
    await app.close()
    await deps.cleanup()
  })

  return app
}

describe.each(testDialects())('web app serving on %s', (dialect) => {
  it('serves index.html at / and for client routes, never cached, with a CSP', async () => {
    const app = await start(dialect, fakeDist())
    for (const url of ['/', '/inbox/mine', '/tickets/0190f1c2-aaaa-7bbb-8ccc-123456789abc?compose=reply']) {
      const res = await app.inject(url)
      expect(res.statusCode, url).toBe(200)
      expect(res.headers['content-type']).toMatch(/^text\/html/)
      expect(res.headers['cache-control']).toBe('no-cache')
      expect(res.headers['content-security-policy']).toContain("script-src 'self'")
      expect(res.body).toContain('/assets/index-abc123.js')
    }
  })

  it('serves hashed assets with a long immutable cache, and 404s for missing ones', async () => {
    const app = await start(dialect, fakeDist())
    const asset = await app.inject('/assets/index-abc123.js')
    expect(asset.statusCode).toBe(200)
    expect(asset.headers['content-type']).toMatch(/javascript/)
    expect(asset.headers['cache-control']).toMatch(/max-age=31536000/)
    expect(asset.headers['cache-control']).toMatch(/immutable/)
    const missing = await app.inject('/assets/index-gone.js')
    expect(missing.statusCode).toBe(404)
    expect(missing.headers['content-type']).toMatch(/json/)
  })

  it('serves top-level files briefly cached, and refuses paths outside the build folder', async () => {
    const app = await start(dialect, fakeDist())
    const icon = await app.inject('/favicon.svg')
    expect(icon.statusCode).toBe(200)
    expect(icon.headers['cache-control']).toBe('public, max-age=3600')
    expect((await app.inject('/robots.txt')).statusCode).toBe(404)
    expect((await app.inject('/..%2f..%2fpackage.json')).statusCode).toBe(404)
  })

  it('keeps JSON 404s for unknown API paths', async () => {
    const app = await start(dialect, fakeDist())
    const res = await app.inject({ url: '/api/v1/nope', headers: { 'accept-language': 'en' } })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ error: { code: 'request.not_found', message: 'No such endpoint.' } })
  })

  it('answers a page that says how to build when the app is not built', async () => {
    const app = await start(dialect, path.join(os.tmpdir(), 'madoguchi-no-such-dist'))
    const res = await app.inject('/inbox/mine')
    expect(res.statusCode).toBe(503)
    expect(res.body).toContain('npm run build -w @madoguchi/web')
    expect((await app.inject('/healthz')).statusCode).toBe(200)
  })
})
