import { describe, expect, it } from 'vitest'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'

describe.each(testDialects())('health on %s', (dialect) => {
  it('answers liveness and readiness when the database is up', async () => {
    const { app } = await startTestApp(dialect)
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' })
    const ready = await app.inject('/readyz')
    expect(ready.statusCode).toBe(200)
    expect(ready.json()).toMatchObject({ database: 'ok' })
  })

  it('reports not ready once the database is gone', async () => {
    const { app, deps } = await startTestApp(dialect)
    await deps.db.destroy()
    const ready = await app.inject('/readyz')
    expect(ready.statusCode).toBe(503)
  })

  it('answers unknown routes with a JSON error code, localized', async () => {
    const { app } = await startTestApp(dialect)
    const res = await app.inject({ url: '/api/v1/nope', headers: { 'accept-language': 'en' } })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ error: { code: 'request.not_found', message: 'No such endpoint.' } })
  })
})
