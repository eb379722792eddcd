import sanitizeHtml from 'sanitize-html'

export interface SanitizeOptions {
  /** Show images from remote hosts (tracking pixels): off unless the inbox allows it. */
  allowRemoteImages?: boolean
}

const BASE_TAGS = sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'nav')

/**
 * Email HTML made safe to show in the agent app: no scripts, styles, forms, frames
 * or event handlers; links open in a new tab without referrer; images only from the
 * message itself (`cid:`, rewritten to attachment URLs when stored) unless remote
 * images are allowed. Inline `style` attributes are dropped as well: CSS can load
 * remote resources (tracking) and overlay the agent app.
 */
export function sanitizeEmailHtml(html: string, options: SanitizeOptions = {}): string {
  const imageSchemes = options.allowRemoteImages ? ['cid', 'https', 'http'] : ['cid']

  return sanitizeHtml(html, {
    allowedTags: [...BASE_TAGS, 'img', 'font', 'center'],
    allowedAttributes: {
      a: ['href', 'title', 'name', 'target', 'rel'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      td: ['colspan', 'rowspan', 'align', 'valign'],
      th: ['colspan', 'rowspan', 'align', 'valign'],
      table: ['border', 'cellpadding', 'cellspacing', 'width'],
      font: ['color', 'size'],
      '*': ['dir', 'lang'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: imageSchemes },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'title', 'head'],
    transformTags: {
      a: (tagName, attribs) => ({
        tagName,
        attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer nofollow' },
      }),
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  })
}

/** Points `cid:` images at the stored attachments; unknown content ids lose their src. */
export function rewriteCidImages(html: string, urlForCid: (cid: string) => string | undefined): string {
  return html.replace(/(<img\b[^>]*?\bsrc=")cid:([^"]+)(")/gi, (_all, before: string, cid: string, after: string) => {
    const url = urlForCid(decodeURIComponent(cid).replace(/^<|>$/g, ''))

    return url ? `${before}${url}${after}` : `${before}${after}`
  })
}
