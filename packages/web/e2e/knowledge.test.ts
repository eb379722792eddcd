import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { E2EServer } from './harness.ts'
import { createTicket, launchBrowser, newContext, seriousA11yViolations, signIn, startServer } from './harness.ts'

let server: E2EServer
let browser: Browser
let page: Page
let articleId = ''
const pageErrors: string[] = []

interface Translation { locale: string; title: string; body: string; status: string; revision: number; publishedRevision: number | null }
interface Article { id: string; categoryId: string; visibility: string; isFaq: boolean; translations: Translation[] }
interface Revision { number: number; body: string; restoredFrom: number | null }

const getArticle = (id: string) => server.api<Article>(server.account.agent, 'GET', `/api/v1/kb/articles/${id}`)
const translation = async (locale: string) => (await getArticle(articleId)).translations.find((t) => t.locale === locale)
const BODY_1 = '## 返品の手順\n\n商品到着後 **30日以内** に返品を受け付けます。'
const BODY_2 = `${BODY_1}\n\n送料はお客様のご負担です。`
const BODY_3 = `${BODY_1}\n\n返品送料は当社が負担します。`
// A 1×1 PNG for the image upload.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
/** BODY_2 with the uploaded image, as published in revision 2. */
let published2 = ''

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  await server.api(server.account.admin, 'POST', '/api/v1/kb/categories', { nameJa: 'ご注文', nameEn: 'Orders' })
  const context = await newContext(browser, server)
  page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(String(error)))
  await signIn(page, server.account.agent.email, server.password)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('knowledge base', () => {
  it('starts empty, and the list has no serious accessibility violations', async () => {
    await page.getByRole('link', { name: 'ナレッジベース' }).click()
    await page.getByText('記事はまだありません。').waitFor()
    expect(await seriousA11yViolations(page)).toEqual([])
  })

  it('adds a section to a category and renames it from the sidebar', async () => {
    const sidebar = page.getByRole('navigation', { name: 'カテゴリ' })
    await sidebar.getByText('新しいカテゴリ・セクション').click()
    await sidebar.getByLabel('名前（日本語）').first().fill('返品・交換')
    await sidebar.getByLabel('名前（英語）').first().fill('Returns')
    await sidebar.getByLabel('親カテゴリ').selectOption({ label: 'ご注文' })
    await sidebar.getByRole('button', { name: '作成' }).click()
    await sidebar.getByRole('link', { name: '返品・交換' }).waitFor()
    await sidebar.getByText('カテゴリ・セクションの名前を変更').click()
    await sidebar.getByLabel('カテゴリ・セクション').selectOption({ label: 'ご注文 › 返品・交換' })
    await sidebar.getByLabel('名前（英語）').last().fill('Returns and exchanges')
    await sidebar.getByRole('button', { name: '保存' }).click()
    await sidebar.getByText('保存しました。').waitFor()
    const { categories } = await server.api<{ categories: { nameJa: string; sections: { nameEn: string }[] }[] }>(server.account.agent, 'GET', '/api/v1/kb/categories')
    expect(categories.map((c) => [c.nameJa, c.sections.map((x) => x.nameEn)])).toEqual([['ご注文', ['Returns and exchanges']]])
  })

  it('writes an article in Japanese with a live, sanitized preview, saved as a draft', async () => {
    await page.getByTestId('kb-new').click()
    await page.getByTestId('kb-title').fill('返品の方法')
    await page.getByTestId('kb-body').fill(`${BODY_1}\n\n<script>window.hacked = 1</script>`)
    const preview = page.getByTestId('kb-preview')
    await preview.locator('strong', { hasText: '30日以内' }).waitFor()
    await preview.locator('h2', { hasText: '返品の手順' }).waitFor()
    // Raw HTML is shown as text, never run.
    await expect.poll(() => preview.textContent()).toContain('<script>')
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined()
    await page.getByTestId('kb-body').fill(BODY_1)
    await page.getByRole('button', { name: '下書き保存' }).click()
    await page.waitForURL(/\/kb\/articles\/[0-9a-f-]+\?locale=ja$/)
    articleId = /articles\/([0-9a-f-]+)/.exec(page.url())![1]!
    await expect.poll(async () => (await translation('ja'))?.status).toBe('draft')
    expect(await page.getByTestId('kb-tab-ja').textContent()).toContain('下書き')
  })

  it('keeps unsaved text across a reload, then publishes it and shows it at /help', async () => {
    await page.getByTestId('kb-body').fill(BODY_2)
    await page.getByText('未保存の変更があります').waitFor()
    await page.reload()
    await page.getByText('未保存の変更を復元しました').waitFor()
    expect(await page.getByTestId('kb-body').inputValue()).toBe(BODY_2)
    // An image, uploaded and inserted at the cursor (the end of the text).
    await page.getByTestId('kb-body').press('Control+End')
    await page.getByTestId('kb-image-input').setInputFiles({ name: '返品ラベル.png', mimeType: 'image/png', buffer: PNG })
    await expect.poll(() => page.getByTestId('kb-body').inputValue()).toMatch(/!\[返品ラベル\]\(\/help\/images\/[0-9a-f-]+\)\n$/)
    await page.getByTestId('kb-preview').locator('img[alt=返品ラベル]').waitFor()
    published2 = await page.getByTestId('kb-body').inputValue()
    await page.getByRole('button', { name: '保存して公開' }).click()
    await page.getByText('リビジョン 2 を公開しました。').waitFor()
    expect(await translation('ja')).toMatchObject({ status: 'published', revision: 2, publishedRevision: 2, body: published2 })

    const help = await page.context().newPage()
    await help.goto(`/help/ja/articles/${articleId}`)
    expect(await help.locator('h1').textContent()).toBe('返品の方法')
    expect(await help.locator('article strong').textContent()).toBe('30日以内')
    const image = help.locator('article img[alt=返品ラベル]')
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1)
    // A "no" with a comment becomes feedback the author sees in the editor.
    await help.locator('#fb-comment').fill('送料について詳しく書いてください')
    await help.locator('button[value=no]').click()
    await help.waitForURL(/feedback=thanks/)
    await help.close()
    await page.reload()
    const feedback = page.getByTestId('kb-feedback')
    await feedback.getByText('送料について詳しく書いてください').waitFor()
    expect(await feedback.locator('tbody tr').first().textContent()).toContain('1')
  })

  it('creates the English translation linked to the same article', async () => {
    await page.getByTestId('kb-tab-en').click()
    await page.getByText('英語版はまだありません。').waitFor()
    await page.getByTestId('kb-create-translation').click()
    // The Japanese text is there for reference while translating.
    await page.locator('.kb-reference').getByText('返品の方法').waitFor()
    await page.getByTestId('kb-title').fill('How to return an item')
    await page.getByTestId('kb-body').fill('Returns are accepted within **30 days** of delivery.')
    await page.getByRole('button', { name: '保存して公開' }).click()
    await page.getByText('リビジョン 1 を公開しました。').waitFor()
    const article = await getArticle(articleId)
    expect(article.translations.map((t) => [t.locale, t.status])).toEqual([['ja', 'published'], ['en', 'published']])
    expect(await page.getByTestId('kb-tab-en').textContent()).toContain('公開中')
    await page.getByTestId('kb-tab-ja').click()
    expect(await page.getByTestId('kb-title').inputValue()).toBe('返品の方法')
  })

  it('edits, shows the diff between revisions, and restores an older revision', async () => {
    await page.getByTestId('kb-body').fill(BODY_3)
    await page.getByTestId('kb-body').press('Control+s')
    await page.getByText('リビジョン 3 として保存しました（下書き）。').waitFor()
    expect(await translation('ja')).toMatchObject({ status: 'changed', revision: 3, publishedRevision: 2 })

    const history = page.getByTestId('kb-history')
    await expect.poll(() => history.getByTestId('kb-revision').count()).toBe(3)
    await history.getByTestId('kb-revision').first().getByRole('button', { name: 'この版の変更' }).click()
    const diff = page.getByTestId('kb-diff')
    await diff.locator('.kb-diff-removed', { hasText: '送料はお客様のご負担です。' }).waitFor()
    await diff.locator('.kb-diff-added', { hasText: '返品送料は当社が負担します。' }).waitFor()
    expect(await seriousA11yViolations(page)).toEqual([])

    // Restore revision 2 (two steps: a restore is not an accident).
    const second = history.getByTestId('kb-revision').filter({ hasText: 'リビジョン 2' })
    await second.getByRole('button', { name: '復元' }).click()
    await second.getByRole('button', { name: 'リビジョン 2 を復元する' }).click()
    await page.getByText('リビジョン 2 をリビジョン 4 として復元しました。').waitFor()
    await expect.poll(() => page.getByTestId('kb-body').inputValue()).toBe(published2)
    expect(await translation('ja')).toMatchObject({ revision: 4, publishedRevision: 4, status: 'published', body: published2 })
    const revisions = await server.api<{ revisions: Revision[] }>(server.account.agent, 'GET', `/api/v1/kb/articles/${articleId}/translations/ja/revisions`)
    expect(revisions.revisions[0]).toMatchObject({ number: 4, restoredFrom: 2, body: published2 })
    await history.getByText('リビジョン 2 から復元').waitFor()
  })

  it('saves an existing article’s settings on their own, and says so until they change again', async () => {
    const settings = page.locator('.kb-settings')
    const status = settings.getByRole('status')
    await settings.getByLabel('FAQ（よくある質問に表示）').check()
    await settings.getByRole('button', { name: '設定を保存' }).click()
    await expect.poll(() => status.textContent()).toBe('保存しました。')
    expect((await getArticle(articleId)).isFaq).toBe(true)

    await settings.getByLabel('FAQ（よくある質問に表示）').uncheck()
    expect(await status.textContent()).toBe('')
    await settings.getByRole('button', { name: '設定を保存' }).click()
    await expect.poll(() => status.textContent()).toBe('保存しました。')
    expect((await getArticle(articleId)).isFaq).toBe(false)
  })

  it('finds the article in the list by words and filters', async () => {
    await page.goto('/kb')
    await page.getByTestId('kb-search').fill('返品')
    await page.waitForURL(/q=/)
    await expect.poll(() => page.getByTestId('kb-row').count()).toBe(1)
    await page.getByLabel('公開範囲').selectOption('internal')
    await page.getByText('該当する記事はありません。').waitFor()
    await page.getByLabel('公開範囲').selectOption('public')
    await page.getByTestId('kb-row').getByText('返品の方法').waitFor()
  })

  it('suggests the article on a matching ticket and inserts its help-center link into a reply', async () => {
    await server.api(server.account.admin, 'POST', '/api/v1/kb/articles', {
      categoryId: (await getArticle(articleId)).categoryId,
      visibility: 'internal',
      translations: { ja: { title: '返品受付の社内手順', body: '返品の受付は倉庫チームに連絡する。', publish: true } },
    })
    const ticket = await createTicket(server, {
      subject: '返品の方法を教えてください',
      customer: { email: `henpin-${Date.now()}@example.jp`, name: '木村 優子', language: 'ja' },
      message: { body: '届いた商品を返品したいのですが、返品の方法を教えてください。' },
    })
    await page.goto(`/tickets/${ticket.id}`)
    const panel = page.getByTestId('kb-suggestions')
    const mine = panel.getByTestId('kb-suggestion').filter({ hasText: '返品の方法' })
    await mine.waitFor()
    // The internal wiki page offers its text only, with a warning.
    const wiki = panel.getByTestId('kb-suggestion').filter({ hasText: '返品受付の社内手順' })
    await wiki.getByText('社内記事: お客様向けのリンクはありません').waitFor()
    expect(await wiki.getByRole('button', { name: /リンク/ }).count()).toBe(0)
    expect(await wiki.getByRole('button', { name: /の本文を返信に挿入/ }).count()).toBe(1)

    // By keyboard: focus the button and press Enter.
    await mine.getByRole('button', { name: '「返品の方法」へのリンクを返信に挿入' }).focus()
    await page.keyboard.press('Enter')
    const composer = page.getByTestId('composer')
    await expect.poll(() => composer.inputValue()).toContain(`/help/ja/articles/${articleId}`)
    expect(await composer.inputValue()).toMatch(/^返品の方法\nhttps?:\/\//)
    // Inserted for editing, not sent.
    const before = await server.api<{ items: { body: string }[] }>(server.account.agent, 'GET', `/api/v1/tickets/${ticket.id}/messages`)
    expect(before.items.some((m) => m.body.includes('/help/ja/articles/'))).toBe(false)
    await composer.press('Control+Enter')
    await expect.poll(async () => {
      const after = await server.api<{ items: { kind: string; body: string }[] }>(server.account.agent, 'GET', `/api/v1/tickets/${ticket.id}/messages`)

      return after.items.filter((m) => m.kind === 'outbound' && m.body.includes(`/help/ja/articles/${articleId}`)).length
    }).toBe(1)

    await wiki.getByRole('button', { name: /の本文を返信に挿入/ }).click()
    await expect.poll(() => composer.inputValue()).toBe('返品の受付は倉庫チームに連絡する。')
    expect(await seriousA11yViolations(page)).toEqual([])
  })

  it('lets partners read articles but not edit them', async () => {
    const context = await newContext(browser, server)
    const partner = await context.newPage()
    await signIn(partner, server.account.partner.email, server.password)
    await partner.goto(`/kb/articles/${articleId}?locale=ja`)
    await partner.getByText('記事は閲覧のみできます').waitFor()
    expect(await partner.getByTestId('kb-title').inputValue()).toBe('返品の方法')
    expect(await partner.getByTestId('kb-title').getAttribute('readonly')).not.toBeNull()
    expect(await partner.getByRole('button', { name: /下書き保存|保存して公開|削除|復元/ }).count()).toBe(0)
    await partner.goto('/kb')
    await partner.getByTestId('kb-row').first().waitFor()
    expect(await partner.getByTestId('kb-new').count()).toBe(0)
    await context.close()
  })

  it('deletes an article after a confirmation', async () => {
    const doomed = await server.api<Article>(server.account.agent, 'POST', '/api/v1/kb/articles', {
      categoryId: (await getArticle(articleId)).categoryId, translations: { ja: { title: '古いキャンペーン', body: '終了しました。' } },
    })
    await page.goto(`/kb/articles/${doomed.id}?locale=ja`)
    await page.getByRole('button', { name: 'この記事を削除…' }).click()
    await page.getByRole('button', { name: '完全に削除する' }).click()
    await page.waitForURL(/\/kb$/)
    await page.getByTestId('kb-row').first().waitFor()
    expect(await page.getByTestId('kb-row').filter({ hasText: '古いキャンペーン' }).count()).toBe(0)
    const res = await fetch(`${server.url}/api/v1/kb/articles/${doomed.id}`, { headers: server.account.agent.headers })
    expect(res.status).toBe(404)
  })

  it('has no serious accessibility violations in the editor, and no page errors', async () => {
    await page.goto(`/kb/articles/${articleId}?locale=en`)
    await page.getByTestId('kb-preview').waitFor()
    expect(await seriousA11yViolations(page)).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
