import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.ts'
import type { MeView } from '../../api/types.ts'
import { chooseLocale } from '../../i18n/i18n.ts'
import type { AppLocale } from '../../i18n/i18n.ts'
import { useSession } from '../../session/session.tsx'

/** ja / en. Remembered in this browser at once and, when signed in, on the agent's profile. */
export function LanguageSwitch({ persist = true }: { persist?: boolean }) {
  const { t, i18n } = useTranslation()
  const { me, setMe } = useSession()

  const change = async (locale: AppLocale) => {
    await chooseLocale(locale)
    if (persist && me && me.locale !== locale) {
      try {
        const updated = await api.patch<MeView>('/api/v1/me', { locale })
        setMe({ ...updated, csrfToken: updated.csrfToken ?? me.csrfToken })
      } catch {
        // The choice still holds in this browser; the profile catches up next time.
      }
    }
  }

  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('common.language')}</span>
      <select value={i18n.language === 'en' ? 'en' : 'ja'} onChange={(e) => void change(e.target.value as AppLocale)} data-testid="language-switch">
        <option value="ja">日本語</option>
        <option value="en">English</option>
      </select>
    </label>
  )
}
