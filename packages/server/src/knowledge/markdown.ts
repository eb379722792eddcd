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

/**
 * The words of an article without Markdown syntax (`##`, `**`, link targets), for
 * the search index and its snippets: readers search for words, not markup.
 */
export function markdownToText(markdown: string): string {
  const lines: string[] = []
  for (const token of md.parse(markdown, {})) {
    if (token.type === 'inline') {
      lines.push((token.children ?? []).map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : c.type === 'image' ? c.content : '')).join(''))
    } else if (token.type === 'fence' || token.type === 'code_block') {
      lines.push(token.content.trimEnd())
    }
  }

  return lines.filter((l) => l.trim() !== '').join('\n')
}
