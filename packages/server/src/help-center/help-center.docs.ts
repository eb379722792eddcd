import { z } from 'zod'
import { kbLocale } from '@madoguchi/shared'
import type { RouteDoc } from '../http/openapi-registry.ts'
import { documentRoute } from '../http/openapi-registry.ts'

const base = { prefix: '/help', tags: ['Help center'], access: 'public' as const, produces: 'text/html' }
const locale = z.object({ locale: kbLocale })
const article = locale.extend({ id: z.string().describe('Article id (the same in every language)') })
const form = 'An HTML form post (application/x-www-form-urlencoded) carrying the signed `token` of the page it came from; a filled `website` field (honeypot) is dropped.'

const DOCS: RouteDoc[] = [
  { ...base, method: 'GET', path: '/', summary: 'Redirects to /help/ja or /help/en by Accept-Language', produces: undefined },
  { ...base, method: 'GET', path: '/*', summary: 'Any other help center path: an HTML 404 page in the path\'s language' },
  { ...base, method: 'GET', path: '/images/:id', params: z.object({ id: z.string() }), summary: 'An image uploaded for articles (PNG, JPEG, GIF or WebP; cached as immutable)', produces: 'image/*', errors: ['kb.image_not_found'] },
  { ...base, method: 'GET', path: '/sitemap.xml', summary: 'Sitemap of the help center pages with hreflang alternates', produces: 'application/xml' },
  { ...base, method: 'GET', path: '/:locale', params: locale, summary: 'Help center home: categories, FAQ and popular articles' },
  { ...base, method: 'GET', path: '/:locale/categories/:id', params: locale.extend({ id: z.string() }), summary: 'A category with its sections and their published articles' },
  { ...base, method: 'GET', path: '/:locale/articles/:id', params: article, summary: 'A published public article (counts a view)' },
  { ...base, method: 'POST', path: '/:locale/articles/:id/feedback', params: article, summary: '"Was this helpful?" (`helpful=yes|no`, optional `comment`); redirects back (303)', description: form, produces: undefined, status: 303 },
  { ...base, method: 'GET', path: '/:locale/search', params: locale, query: z.object({ q: z.string().max(200).optional() }), summary: 'Search published public articles of this language, with highlighted excerpts' },
  { ...base, method: 'GET', path: '/:locale/contact', params: locale, summary: 'Ways to reach a person (channels, opening hours) and the contact form' },
  {
    ...base, method: 'POST', path: '/:locale/contact', params: locale, summary: 'Send the contact form: creates a web_form ticket and confirms its number',
    description: `${form} Fields: name, email (required), subject, message (required, ≤ 5,000 characters). At most 10 posts per 15 minutes per client address (429 after).`,
    errors: ['request.rate_limited'],
  },
]

export function documentHelpCenterRoutes(): void {
  for (const doc of DOCS) documentRoute(doc)
}
