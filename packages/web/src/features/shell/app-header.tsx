import { useTranslation } from 'react-i18next'
import { Link, useLocation } from '../../lib/router.tsx'
import { useSession, useMe } from '../../session/session.tsx'
import { useConnectionState } from '../../realtime/realtime-context.tsx'
import { SearchBox } from '../search/search-box.tsx'
import { LanguageSwitch } from './language-switch.tsx'
import { clearDirectory } from '../admin/directory.ts'
import { firstSettingsSection } from '../admin/admin-page.tsx'
import { openShortcutHelp } from './shortcut-help.tsx'
import { NotificationBell } from '../notifications/notification-bell.tsx'

export function AppHeader() {
  const { t } = useTranslation()
  const me = useMe()
  const { signOut } = useSession()
  const { path } = useLocation()
  const connection = useConnectionState()
  const settingsSection = firstSettingsSection(me.role)

  return (
    <header className="app-header">
      <Link to="/inbox/mine" className="brand">
        <span className="brand-mark" aria-hidden="true">窓</span>
        <span>Madoguchi</span>
      </Link>
      <nav aria-label={t('nav.main')} className="main-nav">
        <Link to="/inbox/mine" aria-current={path.startsWith('/inbox') ? 'page' : undefined}>
          {t('nav.inbox')}
        </Link>
        {(me.role === 'supervisor' || me.role === 'admin') && (
          <Link to="/escalations" aria-current={path.startsWith('/escalations') ? 'page' : undefined}>
            {t('escalation.queueNav')}
          </Link>
        )}
        <Link to="/kb" aria-current={path.startsWith('/kb') ? 'page' : undefined}>
          {t('nav.knowledge')}
        </Link>
        {settingsSection && (
          <Link to={`/admin/${settingsSection}`} aria-current={path.startsWith('/admin') ? 'page' : undefined}>
            {me.role === 'admin' ? t('nav.admin') : t('nav.settings')}
          </Link>
        )}
      </nav>
      <SearchBox />
      <div className="header-tools">
        {connection !== 'open' && (
          <span className="connection-badge" role="status" data-testid="connection-state">
            {connection === 'connecting' ? t('realtime.connecting') : t('realtime.reconnecting')}
          </span>
        )}
        <NotificationBell />
        <button type="button" className="button-quiet" onClick={openShortcutHelp} aria-keyshortcuts="?">
          {t('shortcuts.button')}
        </button>
        <LanguageSwitch />
        <span className="whoami" data-testid="whoami" title={`${me.name} · ${t(`roles.${me.role}`)} · ${me.accountName}`}>
          {me.name} <span className="muted">· {t(`roles.${me.role}`)} · {me.accountName}</span>
        </span>
        <Link to="/me/settings" className="button-quiet my-settings-link" aria-current={path === '/me/settings' ? 'page' : undefined}>
          {t('mySettings.nav')}
        </Link>
        <button
          type="button"
          className="button-quiet"
          onClick={() => {
            clearDirectory()
            void signOut()
          }}
        >
          {t('nav.signOut')}
        </button>
      </div>
    </header>
  )
}
