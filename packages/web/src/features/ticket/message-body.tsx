import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MessageView } from '../../api/types.ts'
import { useMe } from '../../session/session.tsx'
import { ParseWarnings } from './parse-warnings.tsx'

/** What the email channel stores about a mail's parts (channels/email/process-raw-email.ts). */
interface EmailParts {
  newPart?: unknown
  hasQuote?: unknown
  signature?: unknown
  warnings?: unknown
}

/**
 * A message's content. Emails open on what the customer wrote this time (the new
 * part the server split off), with the quoted history and signature folded and the
 * full message one click away; the original .eml is a download for staff (partners
 * may not fetch originals). Everything else shows its text as before.
 */
export function MessageBody({ message, authorName }: { message: MessageView; authorName: string }) {
  const { t } = useTranslation()
  const me = useMe()
  const [full, setFull] = useState(false)
  const email = (message.metadata.email ?? null) as EmailParts | null
  const newPart = typeof email?.newPart === 'string' && email.newPart.trim() !== '' ? email.newPart : null
  const hasQuote = email?.hasQuote === true
  const hasSignature = typeof email?.signature === 'string' && email.signature !== ''
  const foldable = newPart !== null && (hasQuote || hasSignature)
  const rawEmailId = typeof message.metadata.rawEmailId === 'string' ? message.metadata.rawEmailId : null

  const content =
    foldable && !full ? <div className="message-body" data-testid="message-new-part">{newPart}</div>
    : message.html ? <EmailHtml html={message.html} title={t('emailView.htmlTitle', { name: authorName })} />
    // Text, not HTML: the plain body is always present and cannot carry markup.
    : <div className="message-body">{message.body}</div>

  return (
    <>
      {content}
      <ParseWarnings warnings={email?.warnings} />
      {(foldable || rawEmailId) && (
        <div className="message-tools">
          {foldable && (
            <button type="button" className="button-small" aria-expanded={full} onClick={() => setFull((f) => !f)} data-testid="toggle-full-message">
              {full ? t('emailView.showNewPart') : t('emailView.showFull')}
            </button>
          )}
          {foldable && !full && (
            <span className="muted small">
              {hasQuote && hasSignature ? t('emailView.foldedBoth') : hasQuote ? t('emailView.foldedQuote') : t('emailView.foldedSignature')}
            </span>
          )}
          {rawEmailId && me.role !== 'partner' && (
            <a className="small" href={`/api/v1/raw-emails/${encodeURIComponent(rawEmailId)}`} download data-testid="download-original">
              {t('emailView.original')}
            </a>
          )}
        </div>
      )}
    </>
  )
}

/** Inline images of a mail are our own attachment downloads (cid: rewritten on receipt); nothing else loads. */
const OWN_IMAGE = /^\/api\/v1\/attachments\/[0-9a-f-]{36}(\?inline=1)?$/
const DROPPED = 'script,style,link,meta,base,iframe,frame,object,embed,form,input,button,textarea,select,svg,math,template'
const SHADOW_CSS =
  ':host{display:block;font:14px/1.6 system-ui,sans-serif;overflow-wrap:anywhere}' +
  'img{max-width:100%;height:auto}table{max-width:100%}' +
  'blockquote{margin:4px 0 4px 4px;padding-left:8px;border-left:3px solid var(--line,#d6dbe1);color:var(--muted,#52606d)}'

/**
 * The HTML again through an allow-list in the browser — the server already
 * sanitized it (sanitize-html), and the app's CSP refuses inline handlers and
 * remote images; this is the third wall, so that one mistake is never enough.
 */
function safeFragment(html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(html, 'text/html')
  for (const element of parsed.body.querySelectorAll(DROPPED)) element.remove()
  for (const element of parsed.body.querySelectorAll('*')) {
    for (const { name } of [...element.attributes]) {
      if (/^on/i.test(name) || ['style', 'srcset', 'formaction', 'xlink:href'].includes(name.toLowerCase())) element.removeAttribute(name)
    }
    if (element instanceof HTMLAnchorElement) {
      if (!/^(https?:|mailto:|tel:)/i.test(element.getAttribute('href') ?? '')) element.removeAttribute('href')
      element.target = '_blank'
      element.rel = 'noopener noreferrer nofollow'
    }
    if (element instanceof HTMLImageElement && !OWN_IMAGE.test(element.getAttribute('src') ?? '')) element.remove()
  }
  const fragment = document.createDocumentFragment()
  fragment.append(...Array.from(parsed.body.childNodes, (node) => document.importNode(node, true)))

  return fragment
}

/**
 * The mail's sanitized HTML in a shadow root: its markup keeps its formatting but
 * cannot restyle the app (and the app's styles do not bend the mail).
 */
function EmailHtml({ html, title }: { html: string; title: string }) {
  const host = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = host.current
    if (!element) return
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' })
    const style = document.createElement('style')
    style.textContent = SHADOW_CSS
    root.replaceChildren(style, safeFragment(html))
  }, [html])

  return <div ref={host} className="message-html" role="group" aria-label={title} data-testid="message-html" />
}
