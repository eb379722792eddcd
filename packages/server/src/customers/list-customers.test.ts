import { describe, expect, it, onTestFinished } from 'vitest'
import type { CustomerListView } from '@madoguchi/shared'
import { buildApp } from '../app.ts'
import { testDialects } from '../test/dialects.ts'
import { statementCounter } from '../test/statement-counter.ts'
import { startTestApp } from '../test/test-app.ts'
import { createCustomerVia, insertTicketFor } from './customer-test-helpers.ts'
import { searchPrefixes } from './list-customers.ts'

describe('searchPrefixes', () => {
  it('folds width and case and tries both kana scripts', () => {
    expect(searchPrefixes('ﾔﾏﾀﾞ')).toEqual(['ヤマダ', 'やまだ'])
    expect(searchPrefixes('やまだ')).toEqual(['やまだ', 'ヤマダ'])
    expect(searchPrefixes(' ＳＭＩＴＨ ')).toEqual(['smith'])
  })
})

describe.each(testDialects())('customer list on %s', (dialect) => {
  it('pages through every customer exactly once, newest change first', async () => {
    const { app, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const ids: string[] = []
    for (let i = 0; i < 12; i++) ids.push((await createCustomerVia(app, h, { displayName: `Customer ${i}` })).id)
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const res = await app.inject({ url: `/api/v1/customers?limit=5${cursor ? `&cursor=${cursor}` : ''}`, headers: h })
      expect(res.statusCode, res.body).toBe(200)
      const page = res.json() as CustomerListView
      seen.push(...page.items.map((c) => c.id))
      cursor = page.nextCursor
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    expect(seen).toEqual([...ids].reverse())
  })

  it('filters by VIP, handle with care, update time and name/kana/organization prefix', async () => {
    const { app, account } = await startTestApp(dialect)
    const h = account.agent.headers
    const yamada = await createCustomerVia(app, h, { familyName: '山田', givenName: '太郎', familyNameKana: 'ヤマダ', isVip: true, vipReason: 'x' })
    const smith = await createCustomerVia(app, h, { familyName: 'Smith', givenName: 'Jane', language: 'en', handleWithCare: true, careReason: 'y' })
    const acme = await createCustomerVia(app, h, { displayName: 'Office 100%_off', organization: 'ＡＣＭＥ Corp' })
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5))
    await pause() // so that nothing above shares the millisecond of \`since\`
    const since = new Date().toISOString()
    await pause()
    await app.inject({ method: 'PATCH', url: `/api/v1/customers/${smith.id}`, headers: h, payload: { notes: 'touched' } })
    const ids = async (query: string) => {
      const res = await app.inject({ url: `/api/v1/customers?${query}`, headers: h })
      expect(res.statusCode, `${query}: ${res.body}`).toBe(200)

      return (res.json() as CustomerListView).items.map((c) => c.id)
    }
    expect(await ids('vip=true')).toEqual([yamada.id])
    expect(await ids('vip=false')).toEqual([smith.id, acme.id])
    expect(await ids('handleWithCare=1')).toEqual([smith.id])
    expect(await ids(`updatedSince=${encodeURIComponent(since)}`)).toEqual([smith.id])
    expect(await ids(`q=${encodeURIComponent('やま')}`)).toEqual([yamada.id]) // hiragana finds katakana furigana
    expect(await ids(`q=${encodeURIComponent('山田')}`)).toEqual([yamada.id])
    expect(await ids('q=smi')).toEqual([smith.id])
    expect(await ids('q=JANE')).toEqual([smith.id]) // display name "Jane Smith"
    expect(await ids('q=acme')).toEqual([acme.id]) // organization, full-width folded
    expect(await ids(`q=${encodeURIComponent('Office 100%')}`)).toEqual([acme.id])
    expect(await ids(`q=${encodeURIComponent('%')}`)).toEqual([]) // LIKE wildcards are literal
    expect(await ids('q=zzz')).toEqual([])
  })

  it('refuses bad query parameters with 422', async () => {
    const { app, account } = await startTestApp(dialect)
    for (const query of ['limit=0', 'limit=1000', 'vip=maybe', 'updatedSince=yesterday', 'cursor=%25%25', 'cursor=bm9wZQ', 'sort=name']) {
      const res = await app.inject({ url: `/api/v1/customers?${query}`, headers: account.agent.headers })
      expect(res.statusCode, query).toBe(422)
    }
  })

  it('makes the same small number of queries for a page of 5 and a page of 100', async () => {
    const { deps, app, account } = await startTestApp(dialect)
    for (let i = 0; i < 105; i++) {
      const c = await createCustomerVia(app, account.agent.headers, {
        displayName: `Bulk ${i}`, contacts: [{ kind: 'email', value: `bulk${i}@example.com` }, { kind: 'phone', value: `090-1000-${String(1000 + i)}` }],
      })
      if (i % 2 === 0) await insertTicketFor(deps, account.accountId, c.id, account.partnerTeamId)
    }
    const counter = statementCounter()
    const counted = await buildApp({ ...deps, db: deps.db.withPlugin(counter) })
    onTestFinished(() => counted.close())
    const queriesFor = async (url: string, headers: Record<string, string>) => {
      await counted.inject({ url, headers }) // warm-up: token last-used stamp
      counter.count = 0
      const res = await counted.inject({ url, headers })
      expect(res.statusCode, res.body).toBe(200)
      expect((res.json() as CustomerListView).items.length).toBe(url.includes('limit=5') ? 5 : 53 + (headers === account.agent.headers ? 47 : 0))
      expect((res.json() as CustomerListView).items.every((c) => c.contacts.length === 2)).toBe(true)

      return counter.count
    }
    for (const headers of [account.agent.headers, account.partner.headers]) {
      const small = await queriesFor('/api/v1/customers?limit=5', headers)
      expect(await queriesFor('/api/v1/customers?limit=100', headers)).toBe(small)
      expect(await queriesFor('/api/v1/customers?limit=100&q=bulk', headers)).toBe(small)
    }
  })
})
