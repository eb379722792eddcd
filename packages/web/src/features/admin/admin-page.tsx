import { useTranslation } from 'react-i18next'
import { Link } from '../../lib/router.tsx'
import { useMe } from '../../session/session.tsx'
import { EmptyState } from '../../ui/feedback.tsx'
import { AgentsAdmin } from './agents-admin.tsx'
import { TeamsAdmin } from './teams-admin.tsx'
import { AccountAdmin } from './account-admin.tsx'

const SECTIONS = ['agents', 'teams', 'account'] as const

export function AdminPage({ section }: { section: string }) {
  const { t } = useTranslation()
  const me = useMe()
  if (me.role !== 'admin') return <EmptyState title={t('admin.adminsOnly')} />

  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={t('admin.title')}>
        <h1 className="page-title">{t('admin.title')}</h1>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s}>
              <Link to={`/admin/${s}`} aria-current={section === s ? 'page' : undefined}>
                {t(`admin.${s}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section className="admin-main">
        {section === 'agents' && <AgentsAdmin />}
        {section === 'teams' && <TeamsAdmin />}
        {section === 'account' && <AccountAdmin />}
        {!(SECTIONS as readonly string[]).includes(section) && <EmptyState title={t('common.notFound')} />}
      </section>
    </div>
  )
}
