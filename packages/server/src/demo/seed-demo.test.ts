import { describe, expect, it } from 'vitest'
import { lookupCustomer } from '../customers/lookup-customer.ts'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import { DEMO_CUSTOMERS } from './demo-customers.ts'
import { DEMO_AGENTS } from './demo-staff.ts'
import { DEMO_TICKETS_EN } from './demo-tickets-en.ts'
import { DEMO_TICKETS_JA } from './demo-tickets-ja.ts'
import { seedDemo } from './seed-demo.ts'

const DEMO_TICKET_COUNT = DEMO_TICKETS_JA.length + DEMO_TICKETS_EN.length

describe.each(testDialects())('seedDemo on %s', (dialect) => {
  it('loads teams, agents, customers and tickets with threads, visible through the API', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const result = await seedDemo(deps, { accountId: account.accountId })
    expect(result).toMatchObject({ seeded: true, agents: DEMO_AGENTS.length, customers: DEMO_CUSTOMERS.length, tickets: DEMO_TICKET_COUNT })

    const headers = account.admin.headers
    const all = []
    let cursor: string | null = null
    do {
      const page = await app.inject({ url: `/api/v1/tickets?limit=100${cursor ? `&cursor=${cursor}` : ''}`, headers })
      expect(page.statusCode).toBe(200)
      const body = page.json() as { items: Array<{ id: string; number: number; status: string; channel: string; subject: string }>; nextCursor: string | null }
      all.push(...body.items)
      cursor = body.nextCursor
    } while (cursor)
    expect(all).toHaveLength(DEMO_TICKET_COUNT)
    expect(new Set(all.map((t) => t.channel))).toEqual(new Set(['email', 'chat', 'line', 'phone', 'web_form', 'walk_in']))
    expect(new Set(all.map((t) => t.status))).toEqual(new Set(['new', 'open', 'pending', 'on_hold', 'solved', 'closed']))

    // Each ticket ends in the status the demo script says, with its whole thread.
    const script = [...DEMO_TICKETS_JA, ...DEMO_TICKETS_EN]
    const delayed = all.find((t) => t.subject === '注文した商品が届きません')!
    expect(delayed.status).toBe('open')
    const messages = await app.inject({ url: `/api/v1/tickets/${delayed.id}/messages`, headers })
    const thread = (messages.json() as { items: Array<{ kind: string; deliveryStatus: string | null }> }).items
    expect(thread.map((m) => m.kind)).toEqual(['inbound', 'note', 'outbound'])
    // Demo replies are history: shown as sent, with nothing left queued to fail.
    expect(thread[2]!.deliveryStatus).toBe('sent')
    const queued = await deps.db.selectFrom('jobs').select('id').where('account_id', '=', account.accountId).where('type', '=', 'message.deliver').execute()
    expect(queued).toHaveLength(0)
    for (const ticket of all) expect(ticket.status).toBe(script.find((s) => s.subject === ticket.subject)!.status)

    // Japanese customers are found however their number is typed, with furigana and flags.
    const viewer = { accountId: account.accountId, role: 'agent' as const, teamIds: [] }
    expect(await lookupCustomer(deps, viewer, { phone: '03 3123 4567' })).toMatchObject({ familyName: '鈴木', familyNameKana: 'すずき', preferredName: '鈴木様', handleWithCare: true })
  })

  it('sets the account up as an admin would: hours, SLA targets on tickets, a macro, a rule, help-center articles, escalations', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    await seedDemo(deps, { accountId: account.accountId })
    const get = async (url: string) => (await app.inject({ url, headers: account.admin.headers })).json()
    expect((await get('/api/v1/sla-policies')).items.map((p: { name: string }) => p.name)).toEqual(['VIP のお客様', '標準'])
    expect((await get('/api/v1/macros')).items).toHaveLength(1)
    expect((await get('/api/v1/automation/rules')).items).toHaveLength(1)
    const open = (await get('/api/v1/escalations?status=open')).items
    expect(open.map((e: { reason: string }) => e.reason).sort()).toEqual(['beyond_authority', 'complaint'])
    // Open tickets carry SLA clocks, so the list shows due times and "breaching next" has rows.
    expect((await get('/api/v1/sla/breaching-next')).items.length).toBeGreaterThan(0)
    const help = await app.inject('/help/ja')
    expect(help.body).toContain('返品・交換について')
    expect(help.body).not.toContain('返金の権限と承認フロー')
  })

  it('gives demo agents no usable password: only the first admin can sign in', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    await seedDemo(deps, { accountId: account.accountId })
    const agents = await deps.db.selectFrom('agents').select(['email', 'password_hash']).where('email', 'like', '%@madoguchi-demo.example.jp').execute()
    expect(agents).toHaveLength(DEMO_AGENTS.length)
    for (const guess of ['demo', 'password', 'madoguchi', 'demo1234']) {
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: agents[0]!.email, password: guess } })
      expect(login.statusCode).toBeGreaterThanOrEqual(400)
    }
  })

  it('does nothing on an account that already has tickets', async () => {
    const { deps, account } = await startTestApp(dialect)
    await seedDemo(deps, { accountId: account.accountId })
    const count = async () => Number((await deps.db.selectFrom('tickets').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    const before = await count()
    expect(await seedDemo(deps, { accountId: account.accountId })).toMatchObject({ seeded: false })
    expect(await count()).toBe(before)
  })
})
