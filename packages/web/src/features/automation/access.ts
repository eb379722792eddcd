import type { Role } from '../../api/types.ts'

/** Mirrors the server's `config.access`: the server still decides, this only spares people buttons that would fail. */
export type SettingsAccess = 'admin' | 'supervisor' | 'staff'

export function allows(access: SettingsAccess, role: Role): boolean {
  if (access === 'admin') return role === 'admin'
  if (access === 'supervisor') return role === 'admin' || role === 'supervisor'

  return role !== 'partner'
}

/** Rules, SLA policies, calendars (writing) and routing: supervisors and admins. */
export const canManage = (role: Role): boolean => allows('supervisor', role)
