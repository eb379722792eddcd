import type { KbCategoryView, KbLocale } from '@madoguchi/shared'
import type { PublishedArticle, PublishedSummary } from '../knowledge/published-articles.ts'
import type { HelpSearchHit } from '../knowledge/search-help-center.ts'
import type { SafeHtml } from './html.ts'
import { html, trusted } from './html.ts'
import { t } from './help-strings.ts'
import { helpPath } from './layout.ts'

export function categoryName(c: Pick<KbCategoryView, 'nameJa' | 'nameEn'>, locale: KbLocale): string {
  return locale === 'ja' ? c.nameJa : c.nameEn
}

function articleList(locale: KbLocale, articles: readonly PublishedSummary[]): SafeHtml {
  if (articles.length === 0) return html`<p>${t(locale, 'noArticles')}</p>`

  return html`<ul class="articles">${articles.map((a) => html`<li><a href="${helpPath(locale, `/articles/${a.groupId}`)}">${a.title}</a></li>`)}</ul>`
}

export function homeBody(locale: KbLocale, categories: readonly KbCategoryView[], faq: readonly PublishedSummary[], popular: readonly PublishedSummary[]): SafeHtml {
  return html`<h1>${t(locale, 'helpCenter')}</h1>
<section aria-labelledby="h-cat"><h2 id="h-cat">${t(locale, 'categories')}</h2>
${categories.length === 0 ? html`<p>${t(locale, 'noArticles')}</p>` : html`<ul>${categories.map((c) => html`<li><a href="${helpPath(locale, `/categories/${c.id}`)}">${categoryName(c, locale)}</a>${(locale === 'ja' ? c.descriptionJa : c.descriptionEn) ? html` — <span class="meta">${locale === 'ja' ? c.descriptionJa : c.descriptionEn}</span>` : ''}</li>`)}</ul>`}
</section>
${faq.length > 0 ? html`<section aria-labelledby="h-faq"><h2 id="h-faq">${t(locale, 'faq')}</h2>${articleList(locale, faq)}</section>` : ''}
<section aria-labelledby="h-pop"><h2 id="h-pop">${t(locale, 'popular')}</h2>${articleList(locale, popular)}</section>
${contactBox(locale)}`
}

export function contactBox(locale: KbLocale): SafeHtml {
  return html`<aside class="box" aria-labelledby="h-contact"><h2 id="h-contact">${t(locale, 'contactUs')}</h2><p>${t(locale, 'stillNeedHelp')}</p><p><a class="contact-link" href="${helpPath(locale, '/contact')}">${t(locale, 'contactUs')}</a></p></aside>`
}

function breadcrumb(locale: KbLocale, trail: readonly { href?: string; label: string }[]): SafeHtml {
  return html`<nav aria-label="${t(locale, 'breadcrumb')}"><ol class="meta" style="list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem">${trail.map((c, i) => html`<li>${i > 0 ? '› ' : ''}${c.href ? html`<a href="${c.href}">${c.label}</a>` : html`<span aria-current="page">${c.label}</span>`}</li>`)}</ol></nav>`
}

export function categoryBody(locale: KbLocale, category: KbCategoryView, direct: readonly PublishedSummary[], bySection: ReadonlyMap<string, PublishedSummary[]>): SafeHtml {
  const description = locale === 'ja' ? category.descriptionJa : category.descriptionEn

  return html`${breadcrumb(locale, [{ href: helpPath(locale), label: t(locale, 'home') }, { label: categoryName(category, locale) }])}
<h1>${categoryName(category, locale)}</h1>${description ? html`<p>${description}</p>` : ''}
${direct.length > 0 || category.sections.length === 0 ? articleList(locale, direct) : ''}
${category.sections.map((s) => html`<section aria-labelledby="s-${s.id}"><h2 id="s-${s.id}">${categoryName(s, locale)}</h2>${articleList(locale, bySection.get(s.id) ?? [])}</section>`)}
${contactBox(locale)}`
}

export function articleBody(
  locale: KbLocale, article: PublishedArticle, category: KbCategoryView | null, feedbackToken: string, thanks: boolean,
): SafeHtml {
  const { translation } = article
  const action = helpPath(locale, `/articles/${article.group.id}/feedback`)
  const trail = [{ href: helpPath(locale), label: t(locale, 'home') }]
  if (category) trail.push({ href: helpPath(locale, `/categories/${category.id}`), label: categoryName(category, locale) })

  return html`${breadcrumb(locale, [...trail, { label: translation.published_title ?? '' }])}
<article aria-labelledby="title">
<h1 id="title">${translation.published_title ?? ''}</h1>
<p class="meta">${t(locale, 'updated')}: <time datetime="${translation.published_at ?? ''}">${(translation.published_at ?? '').slice(0, 10)}</time></p>
${trusted(translation.published_html ?? '')}
</article>
${article.related.length > 0 ? html`<section aria-labelledby="h-rel"><h2 id="h-rel">${t(locale, 'related')}</h2>${articleList(locale, article.related)}</section>` : ''}
<section class="box" aria-labelledby="h-fb">
<h2 id="h-fb">${t(locale, 'wasHelpful')}</h2>
${thanks ? html`<p role="status">${t(locale, 'thanksFeedback')}</p>` : html`<form method="post" action="${action}">
<input type="hidden" name="token" value="${feedbackToken}">
<div class="hp" aria-hidden="true"><label for="fb-website">${t(locale, 'honeypot')}</label><input id="fb-website" name="website" tabindex="-1" autocomplete="off"></div>
<label for="fb-comment">${t(locale, 'commentLabel')}</label>
<textarea id="fb-comment" name="comment" maxlength="2000"></textarea>
<p><button type="submit" name="helpful" value="yes">${t(locale, 'yes')}</button> <button type="submit" name="helpful" value="no" class="secondary">${t(locale, 'no')}</button></p>
</form>`}
</section>
${contactBox(locale)}`
}

export function searchBody(locale: KbLocale, q: string, hits: readonly HelpSearchHit[]): SafeHtml {
  return html`<h1>${q ? t(locale, 'resultsFor', { q }) : t(locale, 'search')}</h1>
${q && hits.length === 0 ? html`<p role="status">${t(locale, 'noResults')}</p>` : ''}
<ol class="articles">${hits.map((h) => html`<li><a href="${helpPath(locale, `/articles/${h.groupId}`)}">${h.title}</a><p class="meta">${trusted(h.snippetHtml)}</p></li>`)}</ol>
${contactBox(locale)}`
}

export function notFoundBody(locale: KbLocale): SafeHtml {
  return html`<h1>${t(locale, 'notFound')}</h1><p>${t(locale, 'notFoundBody')}</p><p><a href="${helpPath(locale)}">${t(locale, 'home')}</a></p>`
}
