import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { KbCategoryView, KbLocale } from '@madoguchi/shared'
import { kbLocale } from '@madoguchi/shared'
import { helpCenterSettingsOf } from '../accounts/account-view.ts'
import { helpCenterAccount } from './help-center-account.ts'
import type { AccountRow } from '../accounts/account.table.ts'
import type { Deps } from '../deps.ts'
import { enforceRateLimit } from '../http/rate-limit.ts'
import { AppError } from '../lib/app-error.ts'
import { listKbCategories } from '../knowledge/manage-kb-categories.ts'
import { countKbView, getPublishedArticle, listPublishedArticles, recordKbFeedback } from '../knowledge/published-articles.ts'
import { searchHelpCenter } from '../knowledge/search-help-center.ts'
import { sendKbImage } from '../knowledge/kb-images.ts'
import type { ContactChannels } from './contact-pages.ts'
import { contactBody, messageBody, thanksBody } from './contact-pages.ts'
import { issueFormToken, verifyFormToken } from './form-token.ts'
import type { SafeHtml } from './html.ts'
import { articleBody, categoryBody, categoryName, homeBody, notFoundBody, searchBody } from './help-pages.ts'
import { t } from './help-strings.ts'
import { documentHelpCenterRoutes } from './help-center.docs.ts'
import { helpPath, layout } from './layout.ts'
import { sitemapXml } from './sitemap.ts'
import { readContactFields, submitContactForm } from './submit-contact-form.ts'

/** Form posts are small; anything larger is not a person typing. */
const FORM_BODY_LIMIT = 32 * 1024
// Every post counts (typos included), so the allowance leaves room for a person correcting a form.
const CONTACT_RATE = { limit: 10, windowMs: 15 * 60_000 }
const FEEDBACK_RATE = { limit: 30, windowMs: 15 * 60_000 }
const COMMENT_MAX = 2_000
// No script runs on these pages at all; inline styles only; forms post back here only.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

type Params = { locale: string; id?: string }
type Form = Record<string, unknown>

/**
 * The public help center: server-rendered HTML, no JavaScript, per-language URLs.
 * Its own encapsulated plugin (access 'public' on every route) with its own form
 * parser, so the API keeps accepting JSON only. Each page belongs to the account
 * whose help-center host is the request's host (several companies on one install);
 * any other host shows the install's first account (a single-tenant install has one).
 */
export async function helpCenterRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  documentHelpCenterRoutes()
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_request, body, done) => {
    const form: Form = {}
    for (const [key, value] of new URLSearchParams(body as string)) if (!(key in form)) form[key] = value
    done(null, form)
  })
  const config = { access: 'public' as const }
  const base = deps.config.publicUrl.replace(/\/+$/, '')

  const account = (request: FastifyRequest): Promise<AccountRow | undefined> => helpCenterAccount(deps, request.hostname)
  const send = (reply: FastifyReply, status: number, locale: KbLocale, acc: AccountRow | undefined, title: string, body: SafeHtml, paths: Partial<Record<KbLocale, string>>, extra: { query?: string; noindex?: boolean } = {}) =>
    reply.status(status).header('content-type', 'text/html; charset=utf-8').header('content-security-policy', CSP)
      .send(layout({ locale, title, accountName: acc?.name ?? '', publicUrl: base, paths, body, ...extra }))
  const notFound = (reply: FastifyReply, locale: KbLocale, acc: AccountRow | undefined) => send(reply, 404, locale, acc, t(locale, 'notFound'), notFoundBody(locale), {}, { noindex: true })
  const localeOf = (param: string): KbLocale | null => (kbLocale.safeParse(param).success ? (param as KbLocale) : null)
  const both = (rest: string) => ({ ja: helpPath('ja', rest), en: helpPath('en', rest) })
  const rateLimited = async (reply: FastifyReply, bucket: string, rule: { limit: number; windowMs: number }): Promise<boolean> => {
    try {
      await enforceRateLimit(deps, bucket, rule)

      return false
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'request.rate_limited') throw error
      reply.header('retry-after', String((error.details as { retryAfterSeconds: number }).retryAfterSeconds))

      return true
    }
  }
  /** Another site's page posting into ours: browsers say where a post comes from. */
  const crossSite = (request: FastifyRequest): boolean => {
    const origin = request.headers.origin
    if (origin === undefined) return false
    try {
      return new URL(origin).host !== request.headers.host
    } catch {
      return true
    }
  }

  app.get('/', { config }, async (request, reply) => {
    const wanted = (request.headers['accept-language'] ?? '').toLowerCase()
    const locale: KbLocale = /^\s*en\b/.test(wanted) || (wanted.includes('en') && !wanted.includes('ja')) ? 'en' : 'ja'

    return reply.redirect(helpPath(locale), 302)
  })

  // Any other /help path is a help center 404 page, not the agent app's fallback.
  app.get<{ Params: { '*': string } }>('/*', { config }, async (request, reply) => {
    const first = request.params['*'].split('/')[0] ?? ''

    return notFound(reply, localeOf(first) ?? 'ja', await account(request))
  })

  app.get<{ Params: { id: string } }>('/images/:id', { config }, async (request, reply) => sendKbImage(deps, (await account(request))?.id, request.params.id, reply))

  app.get('/sitemap.xml', { config }, async (request, reply) => {
    const acc = await account(request)
    const xml = acc ? await sitemapXml(deps, acc.id, base) : await sitemapXml(deps, null, base)

    return reply.header('content-type', 'application/xml; charset=utf-8').send(xml)
  })

  app.get<{ Params: Params }>('/:locale', { config }, async (request, reply) => {
    const locale = localeOf(request.params.locale)
    const acc = await account(request)
    if (!locale || !acc) return notFound(reply, locale ?? 'ja', acc)
    const categories = await listKbCategories(deps, acc.id)
    const faq = await listPublishedArticles(deps, acc.id, locale, { faqOnly: true, popular: true, limit: 10 })
    const popular = await listPublishedArticles(deps, acc.id, locale, { popular: true, limit: 10 })

    return send(reply, 200, locale, acc, t(locale, 'home'), homeBody(locale, categories, faq, popular), both(''))
  })

  app.get<{ Params: Params }>('/:locale/categories/:id', { config }, async (request, reply) => {
    const locale = localeOf(request.params.locale)
    const acc = await account(request)
    const category = acc && (await listKbCategories(deps, acc.id)).find((c) => c.id === request.params.id)
    if (!locale || !acc || !category) return notFound(reply, locale ?? 'ja', acc)
    const ids = [category.id, ...category.sections.map((s) => s.id)]
    const articles = await listPublishedArticles(deps, acc.id, locale, { categoryIds: ids, limit: 500 })
    const bySection = new Map<string, typeof articles>()
    for (const a of articles) bySection.set(a.categoryId, [...(bySection.get(a.categoryId) ?? []), a])
    const body = categoryBody(locale, category, bySection.get(category.id) ?? [], bySection)

    return send(reply, 200, locale, acc, categoryName(category, locale), body, both(`/categories/${category.id}`))
  })

  app.get<{ Params: Params; Querystring: { feedback?: string } }>('/:locale/articles/:id', { config }, async (request, reply) => {
    const locale = localeOf(request.params.locale)
    const acc = await account(request)
    const article = locale && acc ? await getPublishedArticle(deps, acc.id, request.params.id!, locale) : null
    if (!locale || !acc || !article) return notFound(reply, locale ?? 'ja', acc)
    await countKbView(deps, article.translation.id)
    const categories = await listKbCategories(deps, acc.id)
    const category = findCategory(categories, article.group.category_id)
    const token = await issueFormToken(deps, acc.id, `feedback:${article.translation.id}`)
    const paths = Object.fromEntries(article.locales.map((l) => [l, helpPath(l, `/articles/${article.group.id}`)]))
    const body = articleBody(locale, article, category, token, request.query.feedback === 'thanks')

    return send(reply, 200, locale, acc, article.translation.published_title ?? '', body, paths)
  })

  app.post<{ Params: Params; Body: Form }>('/:locale/articles/:id/feedback', { config }, async (request, reply) => {
    const locale = localeOf(request.params.locale)
    const acc = await account(request)
    const article = locale && acc ? await getPublishedArticle(deps, acc.id, request.params.id!, locale) : null
    if (!locale || !acc || !article) return notFound(reply, locale ?? 'ja', acc)
    const back = `${helpPath(locale, `/articles/${article.group.id}`)}?feedback=thanks#h-fb`
    if (await rateLimited(reply, `help-feedback:ip:${request.ip}`, FEEDBACK_RATE)) return send(reply, 429, locale, acc, t(locale, 'rateLimited'), messageBody(locale, 'rateLimited', 'rateLimited'), {}, { noindex: true })
    const form = request.body ?? {}
    const helpful = form.helpful === 'yes' ? true : form.helpful === 'no' ? false : null
    const valid = !crossSite(request) && helpful !== null && (await verifyFormToken(deps, acc.id, `feedback:${article.translation.id}`, form.token))
    // A filled honeypot is a bot: it is thanked like anyone, and nothing is stored.
    if (valid && !form.website) {
      const comment = typeof form.comment === 'string' ? [...form.comment.trim()].slice(0, COMMENT_MAX).join('') : ''
      await recordKbFeedback(deps, acc.id, article.translation.id, helpful!, !helpful && comment ? comment : null)
    }

    return reply.redirect(back, 303)
  })

  app.get<{ Params: Params; Querystring: { q?: string } }>('/:locale/search', { config }, async (request, reply) => {
    const locale = localeOf(request.params.locale)
    const acc = await account(request)
    if (!locale || !acc) return notFound(reply, locale ?? 'ja', acc)
    const q = typeof request.query.q === 'string' ? [...request.query.q.trim()].slice(0, 200).join('') : ''
    const hits = q ? await searchHelpCenter(deps, acc.id, locale, q, 20) : []
    const title = q ? t(locale, 'resultsFor', { q }) : t(locale, 'search')

    return send(reply, 200, locale, acc, title, searchBody(locale, q, hits), {}, { query: q, noindex: true })
  })

  app.get<{ Params: Params }>('/:locale/contact', { config }, async (request, reply) => {
    const locale = localeOf(request.params.locale)
    const acc = await account(request)
    if (!locale || !acc) return notFound(reply, locale ?? 'ja', acc)
    const token = await issueFormToken(deps, acc.id, 'contact')

    return send(reply.header('cache-control', 'no-store'), 200, locale, acc, t(locale, 'contactUs'), contactBody(locale, channelsOf(acc), token), both('/contact'))
  })

  app.post<{ Params: Params; Body: Form }>('/:locale/contact', { config }, async (request, reply) => {
    const locale = localeOf(request.params.locale)
    const acc = await account(request)
    if (!locale || !acc) return notFound(reply, locale ?? 'ja', acc)
    reply.header('cache-control', 'no-store')
    if (await rateLimited(reply, `help-contact:ip:${request.ip}`, CONTACT_RATE)) return send(reply, 429, locale, acc, t(locale, 'rateLimited'), messageBody(locale, 'contactUs', 'rateLimited'), {}, { noindex: true })
    const form = request.body ?? {}
    if (form.website) return send(reply, 200, locale, acc, t(locale, 'thanksTitle'), thanksBody(locale, null), {}, { noindex: true })
    const { fields, errors } = readContactFields(form)
    const token = await issueFormToken(deps, acc.id, 'contact')
    if (crossSite(request) || !(await verifyFormToken(deps, acc.id, 'contact', form.token))) {
      return send(reply, 403, locale, acc, t(locale, 'contactUs'), contactBody(locale, channelsOf(acc), token, { fields, errors, formError: 'expiredForm' }), {}, { noindex: true })
    }
    if (Object.keys(errors).length > 0) {
      return send(reply, 422, locale, acc, t(locale, 'contactUs'), contactBody(locale, channelsOf(acc), token, { fields, errors }), {}, { noindex: true })
    }
    const number = await submitContactForm(deps, acc.id, locale, fields)

    return send(reply, 200, locale, acc, t(locale, 'thanksTitle'), thanksBody(locale, number), {}, { noindex: true })
  })
}

/** The category page an article belongs under. */
function findCategory(categories: readonly KbCategoryView[], id: string): KbCategoryView | null {
  // An article in a section is shown under the section's category (sections have no page of their own).
  return categories.find((c) => c.id === id || c.sections.some((s) => s.id === id)) ?? null
}

function channelsOf(account: AccountRow): ContactChannels {
  const settings = helpCenterSettingsOf(account)
  const text = (v: string | null): string | undefined => v ?? undefined

  return { email: text(settings.email), phone: text(settings.phone), hours: { ja: text(settings.hours.ja), en: text(settings.hours.en) } }
}
