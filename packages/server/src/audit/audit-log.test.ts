import { describe, expect, it } from 'vitest'
import { startAuthTestApp } from '../auth/auth-test-helpers.ts'
import { seedTestAccount } from '../test/fixtures.ts'
import { testDialects } from '../test/dialects.ts'

describe.each(testDialects())('audit log on %s', (dialect) => {
  it('lists admin actions newest first, by cursor pages, filtered, with the actor name, only of this account', async () => {
    const { app, deps, account } = await startAuthTestApp(dialect)
    const other = await seedTestAccount(deps, 'Other Co')
    await app.inject({ method: 'POST', url: '/api/v1/teams', headers: other.admin.headers, payload: { name: 'elsewhere' } })
    for (const name of ['A', 'B', 'C']) {
      await app.inject({ method: 'POST', url: '/api/v1/teams', headers: account.supervisor.headers, payload: { name } })
    }
    await app.inject({ method: 'PATCH', url: '/api/v1/account', headers: account.admin.headers, payload: { name: 'Renamed' } })

    const seen: { action: string; details: { name?: string } }[] = []
    let cursor: string | null = null
    do {
      const url: string = `/api/v1/audit-log?limit=2${cursor ? `&cursor=${cursor}` : ''}`
      const res = await app.inject({ url, headers: account.admin.headers })
      expect(res.statusCode).toBe(200)
      const body = res.json() as { items: typeof seen; nextCursor: string | null }
      seen.push(...body.items)
      cursor = body.nextCursor
    } while (cursor)
    expect(seen.map((e) => [e.action, e.details.name])).toEqual([
      ['account.updated', undefined], ['team.created', 'C'], ['team.created', 'B'], ['team.created', 'A'],
    ])
    expect(seen[1]).toMatchObject({ actorId: account.supervisor.id, actorName: 'Test supervisor', targetType: 'team', ip: '127.0.0.1' })

    const filtered = await app.inject({ url: `/api/v1/audit-log?action=account.updated`, headers: account.admin.headers })
    expect(filtered.json().items).toHaveLength(1)
    const byActor = await app.inject({ url: `/api/v1/audit-log?actorId=${account.supervisor.id}`, headers: account.admin.headers })
    expect(byActor.json().items).toHaveLength(3)
    expect((await app.inject({ url: '/api/v1/audit-log?cursor=!!', headers: account.admin.headers })).statusCode).toBe(422)
    expect((await app.inject({ url: '/api/v1/audit-log?limit=1000', headers: account.admin.headers })).statusCode).toBe(422)
    expect((await app.inject({ url: '/api/v1/audit-log?foo=1', headers: account.admin.headers })).statusCode).toBe(422)
  })
})
