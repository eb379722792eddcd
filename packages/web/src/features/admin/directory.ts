import { useEffect, useState } from 'react'
import { directory } from '../../api/endpoints.ts'
import type { AgentView, TeamView } from '../../api/types.ts'

export interface Directory {
  agents: AgentView[]
  teams: TeamView[]
}

const EMPTY: Directory = { agents: [], teams: [] }

// Agents and teams change rarely and every screen needs their names: fetch once
// per page load and share. Admin screens call `refreshDirectory()` after edits.
let cached: Promise<Directory> | null = null
const listeners = new Set<(d: Directory) => void>()

function load(): Promise<Directory> {
  if (!cached) {
    // A partner may not be allowed to list everyone: names then fall back to ids.
    cached = Promise.all([directory.agents().catch(() => []), directory.teams().catch(() => [])]).then(([agents, teams]) => ({ agents, teams }))
    void cached.then((d) => listeners.forEach((l) => l(d)))
  }

  return cached
}

export function refreshDirectory(): void {
  cached = null
  void load()
}

/** Forget everything on sign-out (the next agent may see a different account). */
export function clearDirectory(): void {
  cached = null
}

export function useDirectory(): Directory {
  const [value, setValue] = useState<Directory>(EMPTY)
  useEffect(() => {
    listeners.add(setValue)
    void load().then(setValue)

    return () => {
      listeners.delete(setValue)
    }
  }, [])

  return value
}

export function agentName(d: Directory, id: string | null | undefined): string | null {
  if (!id) return null

  return d.agents.find((a) => a.id === id)?.name ?? id.slice(-6)
}

export function teamName(d: Directory, id: string | null | undefined): string | null {
  if (!id) return null

  return d.teams.find((team) => team.id === id)?.name ?? id.slice(-6)
}
