import type { KbLocale } from '@madoguchi/shared'
import { KB_LOCALES } from '@madoguchi/shared'
import type { SafeHtml } from './html.ts'
import { html } from './html.ts'
import { t } from './help-strings.ts'

// Small, mobile-first, high-contrast (text 16:1, links 7:1 on white), visible focus.
const CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.7 system-ui,-apple-system,"Hiragino Sans","Noto Sans JP",Meiryo,sans-serif;color:#1a1a1a;background:#fff}
a{color:#0a4fa8}a:focus,button:focus,input:focus,textarea:focus{outline:3px solid #f2a900;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px}
header,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding-top:1rem}
header .site{font-weight:700;font-size:1.2rem;margin-right:auto;text-decoration:none;color:#1a1a1a}
.contact-link{background:#0a4fa8;color:#fff;padding:.35rem .8rem;border-radius:6px;text-decoration:none}
form.search{display:flex;gap:.5rem;margin:1rem 0}form.search input{flex:1;min-width:0}
input,textarea,button{font:inherit;padding:.5rem;border:1px solid #6b6b6b;border-radius:6px}textarea{width:100%;min-height:8rem}
button{background:#0a4fa8;color:#fff;border-color:#0a4fa8;cursor:pointer}button.secondary{background:#fff;color:#0a4fa8}
label{display:block;font-weight:600;margin-top:1rem}.field input{width:100%}.error{color:#b00020;font-weight:600}
.sr,.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
mark{background:#ffe58a;color:inherit}ul.articles{padding-left:1.2rem}.meta{color:#555;font-size:.9rem}
article img{max-width:100%;height:auto}pre{overflow:auto;background:#f4f4f4;padding:.75rem}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3rem}
.box{border:1px solid #ccc;border-radius:8px;padding:1rem;margin:1.5rem 0}footer{margin-top:3rem;padding-bottom:2rem;color:#555;font-size:.9rem}`

export interface PageOptions {
  locale: KbLocale
  title: string
  accountName: string
  publicUrl: string
  /** Path of this page in each locale it exists in (hreflang alternates; the first is canonical for this locale). */
  paths: Partial<Record<KbLocale, string>>
  body: SafeHtml
  query?: string
  noindex?: boolean
}

export function helpPath(locale: KbLocale, rest = ''): string {
  return `/help/${locale}${rest}`
}

export function layout(page: PageOptions): string {
  const { locale } = page
  const other = KB_LOCALES.find((l) => l !== locale)!
  const otherPath = page.paths[other] ?? helpPath(other)
  const alternates = KB_LOCALES.filter((l) => page.paths[l]).map((l) => html`<link rel="alternate" hreflang="${l}" href="${page.publicUrl}${page.paths[l]!}">`)
  const canonical = page.paths[locale]

  return `<!doctype html>${html`<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} | ${page.accountName} ${t(locale, 'helpCenter')}</title>
${canonical ? html`<link rel="canonical" href="${page.publicUrl}${canonical}">` : ''}
${alternates}
${page.paths.ja ? html`<link rel="alternate" hreflang="x-default" href="${page.publicUrl}${page.paths.ja}">` : ''}
${page.noindex ? html`<meta name="robots" content="noindex">` : ''}
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#main">${t(locale, 'skip')}</a>
<header>
<a class="site" href="${helpPath(locale)}">${page.accountName} ${t(locale, 'helpCenter')}</a>
<nav aria-label="${t(locale, 'language')}"><a href="${otherPath}" hreflang="${other}" lang="${other}">${t(locale, 'otherLanguage')}</a></nav>
<a class="contact-link" href="${helpPath(locale, '/contact')}">${t(locale, 'contactUs')}</a>
</header>
<main id="main">
<form class="search" role="search" action="${helpPath(locale, '/search')}" method="get">
<label for="q" class="sr">${t(locale, 'searchLabel')}</label>
<input id="q" type="search" name="q" value="${page.query ?? ''}" placeholder="${t(locale, 'searchPlaceholder')}" aria-label="${t(locale, 'searchLabel')}" maxlength="200">
<button type="submit">${t(locale, 'search')}</button>
</form>
${page.body}
</main>
<footer><p>${t(locale, 'stillNeedHelp')} <a href="${helpPath(locale, '/contact')}">${t(locale, 'contactUs')}</a></p><p>${t(locale, 'footerNote')}</p></footer>
</body>
</html>`}`
}
