import type { KbLocale } from '@madoguchi/shared'
import type { SafeHtml } from './html.ts'
import { html } from './html.ts'
import type { HelpStringKey } from './help-strings.ts'
import { t } from './help-strings.ts'
import type { ContactErrors, ContactFields } from './submit-contact-form.ts'
import { CONTACT_LIMITS } from './submit-contact-form.ts'
import { helpPath } from './layout.ts'

/** Channels shown on the contact page, from the account's `settings.helpCenter` (all optional). */
export interface ContactChannels {
  email?: string
  phone?: string
  hours?: Partial<Record<KbLocale, string>>
}

export interface ContactFormState {
  fields: ContactFields
  errors: ContactErrors
  /** A problem with the whole form (expired token). */
  formError?: HelpStringKey
}

const EMPTY: ContactFormState = { fields: { name: '', email: '', subject: '', message: '' }, errors: {} }

function errorOf(locale: KbLocale, state: ContactFormState, name: keyof ContactFields): SafeHtml {
  const key = state.errors[name]

  return key ? html`<p class="error" id="err-${name}">${t(locale, key)}</p>` : html``
}

function input(locale: KbLocale, state: ContactFormState, name: 'name' | 'email' | 'subject', label: HelpStringKey, type: string, required: boolean): SafeHtml {
  const invalid = state.errors[name] !== undefined

  return html`<div class="field"><label for="c-${name}">${t(locale, label)}${required ? html` <span class="meta">(${t(locale, 'required')})</span>` : ''}</label>
<input id="c-${name}" name="${name}" type="${type}" value="${state.fields[name]}" maxlength="${CONTACT_LIMITS[name]}"${required ? html` required` : ''}${invalid ? html` aria-invalid="true" aria-describedby="err-${name}"` : ''} autocomplete="${name === 'subject' ? 'off' : name}">
${errorOf(locale, state, name)}</div>`
}

export function contactBody(locale: KbLocale, channels: ContactChannels, token: string, state: ContactFormState = EMPTY): SafeHtml {
  const hasErrors = Object.keys(state.errors).length > 0 || state.formError !== undefined
  const messageInvalid = state.errors.message !== undefined

  return html`<h1>${t(locale, 'contactUs')}</h1>
<section aria-labelledby="h-ch"><h2 id="h-ch">${t(locale, 'channels')}</h2>
<dl>
${channels.email ? html`<dt>${t(locale, 'email')}</dt><dd><a href="mailto:${channels.email}">${channels.email}</a></dd>` : ''}
${channels.phone ? html`<dt>${t(locale, 'phone')}</dt><dd><a href="tel:${channels.phone.replace(/[^0-9+]/g, '')}">${channels.phone}</a></dd>` : ''}
<dt>${t(locale, 'hours')}</dt><dd>${channels.hours?.[locale] ?? t(locale, 'defaultHours')}</dd>
</dl></section>
<section aria-labelledby="h-form"><h2 id="h-form">${t(locale, 'formTitle')}</h2>
${hasErrors ? html`<p class="error" role="alert">${t(locale, state.formError ?? 'formErrors')}</p>` : ''}
<form method="post" action="${helpPath(locale, '/contact')}">
<input type="hidden" name="token" value="${token}">
<div class="hp" aria-hidden="true"><label for="c-website">${t(locale, 'honeypot')}</label><input id="c-website" name="website" tabindex="-1" autocomplete="off"></div>
${input(locale, state, 'name', 'name', 'text', false)}
${input(locale, state, 'email', 'emailAddress', 'email', true)}
${input(locale, state, 'subject', 'subject', 'text', false)}
<div class="field"><label for="c-message">${t(locale, 'message')} <span class="meta">(${t(locale, 'required')})</span></label>
<textarea id="c-message" name="message" maxlength="${CONTACT_LIMITS.message}" required${messageInvalid ? html` aria-invalid="true" aria-describedby="err-message"` : ''}>${state.fields.message}</textarea>
${errorOf(locale, state, 'message')}</div>
<p><button type="submit">${t(locale, 'submit')}</button></p>
</form></section>`
}

export function thanksBody(locale: KbLocale, ticketNumber: number | null): SafeHtml {
  return html`<h1>${t(locale, 'thanksTitle')}</h1>
<div role="status">${ticketNumber === null ? '' : html`<p>${t(locale, 'ticketNumber')}: <strong class="ticket-number">#${ticketNumber}</strong></p>`}
<p>${t(locale, 'thanksBody')}</p></div>
<p><a href="${helpPath(locale)}">${t(locale, 'home')}</a></p>`
}

export function messageBody(locale: KbLocale, title: HelpStringKey, text: HelpStringKey): SafeHtml {
  return html`<h1>${t(locale, title)}</h1><p role="alert">${t(locale, text)}</p><p><a href="${helpPath(locale)}">${t(locale, 'home')}</a></p>`
}
