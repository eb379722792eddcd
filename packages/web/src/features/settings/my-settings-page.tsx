import { useTranslation } from 'react-i18next'
import { ApiTokens } from './api-tokens.tsx'

/** Settings that belong to the signed-in agent alone (every role, partners included). */
export function MySettingsPage() {
  const { t } = useTranslation()

  return (
    <div className="my-settings">
      <h1 className="page-title">{t('mySettings.title')}</h1>
      <ApiTokens />
    </div>
  )
}
