import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en.ts'
import { ja } from './ja.ts'
import { readStored, writeStored } from '../lib/storage.ts'

export type AppLocale = 'ja' | 'en'

export function storedLocale(): AppLocale | null {
  const value = readStored<string | null>('locale', null)

  return value === 'ja' || value === 'en' ? value : null
}

function browserLocale(): AppLocale {
  return navigator.language?.toLowerCase().startsWith('ja') ? 'ja' : 'en'
}

/** Both languages are bundled: they are small, and switching must be instant. */
export const i18n = i18next.createInstance()
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, ja: { translation: ja } },
  lng: storedLocale() ?? browserLocale(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
})
document.documentElement.lang = i18n.language

export async function applyLocale(locale: AppLocale): Promise<void> {
  document.documentElement.lang = locale
  if (i18n.language !== locale) await i18n.changeLanguage(locale)
}

/** The switch in the header: remembered on this browser at once, on the profile by the caller. */
export async function chooseLocale(locale: AppLocale): Promise<void> {
  writeStored('locale', locale)
  await applyLocale(locale)
}
