import { readStored, writeStored } from '../../lib/storage.ts'
import type { KbLocale, KbVisibility } from './kb-api.ts'

/**
 * Unsaved editor text, kept in localStorage on every keystroke (as the reply
 * composer does), so a reload or a crash never loses an article being written.
 * `baseRevision` is the server revision the text started from: when the server has
 * moved on since, the editor says so instead of silently overwriting.
 */
export interface TextDraft {
  title: string
  body: string
  baseRevision: number | null
}

/** Settings of an article not created yet (an existing one saves them at once). */
export interface NewArticleSettings {
  categoryId: string
  visibility: KbVisibility
  isFaq: boolean
  tags: string
}

const textKey = (articleId: string | null, locale: KbLocale) => `kb-draft.${articleId ?? 'new'}.${locale}`
const settingsKey = 'kb-draft.new.settings'

export const readTextDraft = (articleId: string | null, locale: KbLocale): TextDraft | null => readStored<TextDraft | null>(textKey(articleId, locale), null)
export const writeTextDraft = (articleId: string | null, locale: KbLocale, draft: TextDraft | null): void => writeStored(textKey(articleId, locale), draft)

export const readNewSettings = (): NewArticleSettings | null => readStored<NewArticleSettings | null>(settingsKey, null)
export const writeNewSettings = (settings: NewArticleSettings | null): void => writeStored(settingsKey, settings)

/** "a, b ,c" → ['a', 'b', 'c'] (the server normalizes case and width). */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,、，]/).map((t) => t.trim()).filter(Boolean))]
}
