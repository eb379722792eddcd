import { KB_LOCALES } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { listKbCategories } from '../knowledge/manage-kb-categories.ts'
import { listSitemapEntries } from '../knowledge/published-articles.ts'
import { escapeHtml } from './html.ts'
import { helpPath } from './layout.ts'

/** The sitemap protocol allows 50,000 URLs per file. */
const MAX_ARTICLE_URLS = 45_000

/**
 * Home, category and article pages in every language, each URL with its
 * hreflang alternates (xhtml:link), so search engines pair the translations.
 */
export async function sitemapXml(deps: Deps, accountId: string | null, base: string): Promise<string> {
  const urls: { loc: string; alternates: string[]; lastmod?: string }[] = []
  const add = (rest: string, locales: readonly string[], lastmod?: string): void => {
    for (const l of locales) urls.push({ loc: `${base}/help/${l}${rest}`, alternates: locales.map((a) => `${a}|${base}/help/${a}${rest}`), lastmod })
  }
  if (accountId) {
    add('', KB_LOCALES)
    for (const c of await listKbCategories(deps, accountId)) add(`/categories/${c.id}`, KB_LOCALES)
    const entries = await listSitemapEntries(deps, accountId, MAX_ARTICLE_URLS)
    const byGroup = new Map<string, typeof entries>()
    for (const e of entries) byGroup.set(e.groupId, [...(byGroup.get(e.groupId) ?? []), e])
    for (const [groupId, translations] of byGroup) {
      const locales = translations.map((e) => e.locale)
      for (const e of translations) {
        const loc = `${base}${helpPath(e.locale, `/articles/${groupId}`)}`
        urls.push({ loc, lastmod: e.updatedAt.slice(0, 10), alternates: locales.map((a) => `${a}|${base}${helpPath(a, `/articles/${groupId}`)}`) })
      }
    }
  }
  const x = escapeHtml
  const body = urls.map((u) => {
    const links = u.alternates.map((a) => {
      const [lang, href] = a.split('|') as [string, string]

      return `<xhtml:link rel="alternate" hreflang="${x(lang)}" href="${x(href)}"/>`
    })

    return `<url><loc>${x(u.loc)}</loc>${u.lastmod ? `<lastmod>${x(u.lastmod)}</lastmod>` : ''}${links.join('')}</url>`
  })

  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${body.join('\n')}\n</urlset>\n`
}
