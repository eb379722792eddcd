import MarkdownIt from 'markdown-it'
import sanitizeHtml from 'sanitize-html'

// html: false — raw HTML in an article is shown as text, never run; linkify for pasted URLs.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false })

/**
 * markdown-it already refuses javascript: links and escapes raw HTML; sanitizing its
 * output as well means a future option or plugin cannot open a hole by itself.
 */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'em', 'strong', 's', 'del',
    'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title'], th: ['style'], td: ['style'], ol: ['start'] },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
}

/** Article Markdown → HTML safe to put into a page as is. */
export function renderMarkdown(markdown: string): string {
  return sanitizeHtml(md.render(markdown), { ...SANITIZE, allowedAttributes: { ...SANITIZE.allowedAttributes, a: ['href', 'title', 'rel'] } })
}
