import { lazy, Suspense } from 'react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from '../../lib/router.tsx'
import { useMe } from '../../session/session.tsx'
import { EmptyState, Loading } from '../../ui/feedback.tsx'
import { AgentsAdmin } from './agents-admin.tsx'
import { TeamsAdmin } from './teams-admin.tsx'
import { AccountAdmin } from './account-admin.tsx'
import { allows } from '../automation/access.ts'
import type { SettingsAccess } from '../automation/access.ts'

// The settings screens are their own chunks: opened now and then, by few, and the
// header imports this file (for its link) so everything here lands in the entry chunk.
const RulesAdmin = lazy(() => import('../automation/rules-admin.tsx').then((m) => ({ default: m.RulesAdmin })))
const RoutingAdmin = lazy(() => import('../automation/routing-admin.tsx').then((m) => ({ default: m.RoutingAdmin })))
const MacrosAdmin = lazy(() => import('../macros/macros-admin.tsx').then((m) => ({ default: m.MacrosAdmin })))
const SlaAdmin = lazy(() => import('../sla-admin/sla-admin.tsx').then((m) => ({ default: m.SlaAdmin })))
const CalendarsAdmin = lazy(() => import('../calendars/calendars-admin.tsx').then((m) => ({ default: m.CalendarsAdmin })))

/** Each section with who may open it (the same level as the API routes behind it). */
const SECTIONS: { id: string; access: SettingsAccess; label: string; render(): ReactNode }[] = [
  { id: 'agents', access: 'admin', label: 'admin.agents', render: () => <AgentsAdmin /> },
  { id: 'teams', access: 'admin', label: 'admin.teams', render: () => <TeamsAdmin /> },
  { id: 'account', access: 'admin', label: 'admin.account', render: () => <AccountAdmin /> },
  { id: 'automation', access: 'supervisor', label: 'settings.automation', render: () => <RulesAdmin /> },
  { id: 'macros', access: 'staff', label: 'settings.macros', render: () => <MacrosAdmin /> },
  { id: 'sla', access: 'supervisor', label: 'settings.sla', render: () => <SlaAdmin /> },
  { id: 'calendars', access: 'staff', label: 'settings.calendars', render: () => <CalendarsAdmin /> },
  { id: 'routing', access: 'supervisor', label: 'settings.routing', render: () => <RoutingAdmin /> },
]

/** Where the header's link leads: the first section this role may open. */
export function firstSettingsSection(role: Parameters<typeof allows>[1]): string | null {
  return SECTIONS.find((s) => allows(s.access, role))?.id ?? null
}

export function AdminPage({ section }: { section: string }) {
  const { t } = useTranslation()
  const me = useMe()
  const visible = SECTIONS.filter((s) => allows(s.access, me.role))
  const current = SECTIONS.find((s) => s.id === section)
  if (visible.length === 0) return <EmptyState title={t('settings.staffOnly')} />

  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={me.role === 'admin' ? t('admin.title') : t('settings.title')}>
        <h1 className="page-title">{me.role === 'admin' ? t('admin.title') : t('settings.title')}</h1>
        <ul>
          {visible.map((s) => (
            <li key={s.id}>
              <Link to={`/admin/${s.id}`} aria-current={section === s.id ? 'page' : undefined}>
                {t(s.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section className="admin-main">
        {!current && <EmptyState title={t('common.notFound')} />}
        {current && !allows(current.access, me.role) && <EmptyState title={t(`settings.only.${current.access}`)}>{t('settings.askAdmin')}</EmptyState>}
        {current && allows(current.access, me.role) && <Suspense fallback={<Loading />}>{current.render()}</Suspense>}
      </section>
    </div>
  )
}
