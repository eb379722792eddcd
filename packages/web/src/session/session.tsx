import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import type { ReactNode } from 'react'
import { api, setCsrfToken, setUnauthorizedHandler } from '../api/client.ts'
import type { MeView } from '../api/types.ts'
import { applyLocale, storedLocale } from '../i18n/i18n.ts'

interface Session {
  me: MeView | null
  /** True until the first /me answer: avoids flashing the sign-in form. */
  loading: boolean
  signIn(email: string, password: string): Promise<void>
  signOut(): Promise<void>
  setMe(me: MeView): void
}

const SessionContext = createContext<Session | null>(null)

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<MeView | null>(null)
  const [loading, setLoading] = useState(true)

  const setMe = useCallback((next: MeView | null) => {
    setMeState(next)
    setCsrfToken(next?.csrfToken)
    // A language chosen on this browser wins over the profile until it is saved there.
    if (next) void applyLocale(storedLocale() ?? next.locale)
  }, [])

  useEffect(() => {
    setUnauthorizedHandler(() => setMe(null))
    api
      .get<MeView>('/api/v1/me', { quiet401: true })
      .then(setMe, () => setMe(null))
      .finally(() => setLoading(false))

    return () => setUnauthorizedHandler(null)
  }, [setMe])

  const signIn = useCallback(async (email: string, password: string) => {
    const result = await api.post<{ agent: MeView; csrfToken: string }>('/api/v1/auth/login', { email, password }, { quiet401: true })
    setMe({ ...result.agent, csrfToken: result.csrfToken })
  }, [setMe])

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/v1/auth/logout', {}, { quiet401: true })
    } finally {
      setMe(null)
    }
  }, [setMe])

  const value = useMemo(() => ({ me, loading, signIn, signOut, setMe }), [me, loading, signIn, signOut, setMe])

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside SessionProvider')

  return session
}

/** The signed-in agent; only for screens behind the sign-in gate. */
export function useMe(): MeView {
  const { me } = useSession()
  if (!me) throw new Error('useMe without a session')

  return me
}
