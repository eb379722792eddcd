import { lazy, Suspense, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { SessionProvider, useSession } from './session/session.tsx'
import { RealtimeProvider } from './realtime/realtime-context.tsx'
import { matchPath, navigate, useLocation } from './lib/router.tsx'
import { Loading, EmptyState } from './ui/feedback.tsx'
import { SignInPage } from './features/auth/sign-in-page.tsx'
import { AppHeader } from './features/shell/app-header.tsx'
import { InboxPage } from './features/inbox/inbox-page.tsx'
import { TicketPage } from './features/ticket/ticket-page.tsx'
import { CustomerPage } from './features/customer/customer-page.tsx'
import { AdminPage } from './features/admin/admin-page.tsx'
import { ShortcutHelp } from './features/shell/shortcut-help.tsx'
import { MySettingsPage } from './features/settings/my-settings-page.tsx'
import { EscalationQueuePage } from './features/escalation/escalation-queue-page.tsx'

// The knowledge base is its own chunk: agents open it far less often than the inbox.
const KnowledgePage = lazy(() => import('./features/knowledge/knowledge-page.tsx').then((m) => ({ default: m.KnowledgePage })))

export function App() {
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  )
}

function Gate() {
  const { me, loading } = useSession()
  if (loading) return <Loading />
  if (!me) return <SignInPage />

  return (
    // keyed by agent: a different sign-in gets a fresh socket and fresh state.
    <RealtimeProvider key={me.id}>
      <Shell />
    </RealtimeProvider>
  )
}

function Shell() {
  const { t } = useTranslation()
  const { path } = useLocation()

  useEffect(() => {
    if (path === '/' || path === '/inbox' || path === '/login') navigate('/inbox/mine', { replace: true })
  }, [path])

  let page = null
  let params: Record<string, string> | null
  if ((params = matchPath('/inbox/:view', path))) page = <InboxPage view={params.view ?? 'mine'} />
  else if ((params = matchPath('/tickets/:id', path))) page = <TicketPage key={params.id} ticketId={params.id ?? ''} />
  else if ((params = matchPath('/customers/:id', path))) page = <CustomerPage key={params.id} customerId={params.id ?? ''} />
  else if (path === '/escalations') page = <EscalationQueuePage />
  else if (path === '/kb' || path.startsWith('/kb/')) page = <Suspense fallback={<Loading />}><KnowledgePage /></Suspense>
  else if (path === '/me/settings') page = <MySettingsPage />
  else if ((params = matchPath('/admin/:section', path))) page = <AdminPage section={params.section ?? 'agents'} />
  else if (path !== '/' && path !== '/inbox' && path !== '/login') page = <EmptyState title={t('common.notFound')} />

  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <AppHeader />
      <main id="main" tabIndex={-1}>
        {page}
      </main>
      <ShortcutHelp />
    </>
  )
}
