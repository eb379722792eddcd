import sanitizeHtml from 'sanitize-html'

/**
 * A strict allow-list: text formatting, lists, quotes, tables and links — no
 * scripts, styles, forms or iframes. Images only when they point at our own
 * attachment downloads (inline `cid:` images rewritten by the email parser):
 * remote images would tell senders when and where a message was read.
 */
const OWN_ATTACHMENT_SRC = /^\/api\/v1\/attachments\/[0-9a-f-]{36}(\?inline=1)?$/
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'div', 'span', 'b', 'strong', 'i', 'em', 'u', 's', 'small', 'sub', 'sup', 'mark',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'hr',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'a', 'img',
  ],
  allowedAttributes: { a: ['href', 'title'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ['href', 'cite'],
  disallowedTagsMode: 'discard',
  exclusiveFilter: (frame) => frame.tag === 'img' && !OWN_ATTACHMENT_SRC.test(frame.attribs.src ?? ''),
  // Links open outside the app and cannot reach back into it.
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }) },
}
// transformTags adds rel/target after filtering, so they must be allowed too.
OPTIONS.allowedAttributes = { ...OPTIONS.allowedAttributes, a: ['href', 'title', 'rel', 'target'], img: ['src', 'alt', 'width', 'height'] }

/**
 * An inbox that allows remote images (its `allowRemoteImages` setting, off by default):
 * http(s) images are kept too, as the email parser kept them.
 */
const WITH_REMOTE_IMAGES: sanitizeHtml.IOptions = {
  ...OPTIONS,
  allowedSchemesByTag: { img: ['http', 'https'] },
  exclusiveFilter: (frame) => frame.tag === 'img' && !OWN_ATTACHMENT_SRC.test(frame.attribs.src ?? '') && !/^https?:\/\//i.test(frame.attribs.src ?? ''),
}

/** Sanitized HTML safe to render in the agent app, or null when nothing is left. */
export function sanitizeMessageHtml(html: string | null | undefined, options: { remoteImages?: boolean } = {}): string | null {
  if (html == null || html.trim() === '') return null
  const clean = sanitizeHtml(html, options.remoteImages ? WITH_REMOTE_IMAGES : OPTIONS).trim()

  return clean === '' ? null : clean
}
