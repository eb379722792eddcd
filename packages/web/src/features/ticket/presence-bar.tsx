import { useTranslation } from 'react-i18next'
import type { Viewer } from '../../realtime/realtime-context.tsx'

/** "Sato is replying" before anyone writes a second answer to the same customer. */
export function PresenceBar({ viewers }: { viewers: Viewer[] }) {
  const { t } = useTranslation()
  if (viewers.length === 0) return <div className="presence" aria-live="polite" />
  const replying = viewers.filter((v) => v.replying)
  const viewing = viewers.filter((v) => !v.replying)

  return (
    <div className={`presence${replying.length ? ' presence-replying' : ''}`} aria-live="polite" data-testid="presence">
      {replying.length > 0 && <span>{t('presence.replying', { names: replying.map((v) => v.name).join(', '), count: replying.length })}</span>}
      {viewing.length > 0 && <span>{t('presence.viewing', { names: viewing.map((v) => v.name).join(', '), count: viewing.length })}</span>}
    </div>
  )
}
