import { describe, expect, it } from 'vitest'
import { startAuthTestApp } from '../auth/auth-test-helpers.ts'
import { testDialects } from '../test/dialects.ts'

describe.each(testDialects())('teams on %s', (dialect) => {
  it('creates, renames and lists teams; names are unique per account; every change is audited', async () => {
    const { app, deps, account } = await startAuthTestApp(dialect)
    const post = (payload: object) => app.inject({ method: 'POST', url: '/api/v1/teams', headers: account.supervisor.headers, payload })
    const created = await post({ name: '返品窓口', description: 'Returns', isPartner: false })
    expect(created.statusCode).toBe(201)
    const team = created.json()
    expect(team).toMatchObject({ name: '返品窓口', description: 'Returns', isPartner: false })

    const dup = await post({ name: 'Support' })
    expect([dup.statusCode, dup.json().error.code]).toEqual([409, 'team.name_taken'])
    const patch = (payload: object) => app.inject({ method: 'PATCH', url: `/api/v1/teams/${team.id}`, headers: account.admin.headers, payload })
    expect((await patch({ name: 'Partner BPO' })).statusCode).toBe(409)
    const renamed = await patch({ name: '返品・交換窓口', isPartner: true, description: null })
    expect(renamed.json()).toMatchObject({ name: '返品・交換窓口', isPartner: true, description: null })
    expect((await patch({ name: '返品・交換窓口' })).statusCode).toBe(200)
    expect((await app.inject({ method: 'PATCH', url: '/api/v1/teams/0190a000-0000-7000-8000-000000000000', headers: account.admin.headers, payload: { name: 'x' } })).statusCode).toBe(404)
    expect((await post({ name: '' })).statusCode).toBe(422)
    expect((await post({ name: 'x', members: [] })).statusCode).toBe(422)

    const names = (await app.inject({ url: '/api/v1/teams', headers: account.agent.headers })).json().items.map((t: { name: string }) => t.name)
    expect(names).toEqual(['Partner BPO', 'Support', '返品・交換窓口'])
    const partnerSees = (await app.inject({ url: '/api/v1/teams', headers: account.partner.headers })).json().items.map((t: { id: string }) => t.id)
    expect(partnerSees).toEqual([account.partnerTeamId])

    const audit = await deps.db.selectFrom('audit_log').select(['action', 'actor_id', 'details']).orderBy('id').execute()
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([['team.created', account.supervisor.id], ['team.updated', account.admin.id]])
    expect(JSON.parse(audit[1]!.details).changes.name).toEqual({ from: '返品窓口', to: '返品・交換窓口' })
  })
})
