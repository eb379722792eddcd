import type { z } from 'zod'
import type { MacroAction, createMacroInput, macroView, renderedMacroView, updateMacroInput } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { parseJson, toJson } from '../db/json.ts'
import { AppError } from '../lib/app-error.ts'
import { isId, newId } from '../lib/ids.ts'
import { loadVisibleTicket, parseTicketRef } from '../tickets/ticket-access.ts'
import type { MacroRow } from './automation.table.ts'
import { fillPlaceholders, placeholderValues } from './fill-placeholders.ts'
import { loadRenderContext, replyLocale } from './render-context.ts'

type MacroView = z.infer<typeof macroView>

function toMacroView(row: MacroRow): MacroView {
  return { id: row.id, name: row.name, bodyJa: row.body_ja, bodyEn: row.body_en, shared: row.owner_agent_id === null, ownerAgentId: row.owner_agent_id,
    actions: parseJson<MacroAction[]>(row.actions, []), createdAt: row.created_at, updatedAt: row.updated_at }
}

/** Shared macros and the caller's own personal ones (another agent's personal macros stay private). */
async function loadUsableMacro(deps: Deps, principal: Principal, id: string): Promise<MacroRow> {
  const row = isId(id) ? await deps.db.selectFrom('macros').selectAll().where('account_id', '=', principal.accountId).where('id', '=', id).executeTakeFirst() : undefined
  if (!row || (row.owner_agent_id !== null && row.owner_agent_id !== principal.agentId)) throw new AppError('macro.not_found')

  return row
}

export async function listMacros(deps: Deps, principal: Principal): Promise<{ items: MacroView[] }> {
  const rows = await deps.db
    .selectFrom('macros')
    .selectAll()
    .where('account_id', '=', principal.accountId)
    .where((eb) => eb.or([eb('owner_agent_id', 'is', null), eb('owner_agent_id', '=', principal.agentId)]))
    .orderBy('name')
    .orderBy('id')
    .limit(500)
    .execute()

  return { items: rows.map(toMacroView) }
}

/** Anyone on staff keeps personal macros; shared ones are a supervisor's to write. */
export async function createMacro(deps: Deps, principal: Principal, input: z.infer<typeof createMacroInput>): Promise<MacroView> {
  if (input.shared && principal.role !== 'admin' && principal.role !== 'supervisor') throw new AppError('auth.forbidden')
  const at = deps.clock.now().toISOString()
  const row = await deps.db.insertInto('macros').values({
    id: newId(), account_id: principal.accountId, owner_agent_id: input.shared ? null : principal.agentId, name: input.name,
    body_ja: input.bodyJa ?? null, body_en: input.bodyEn ?? null, actions: toJson(input.actions), created_at: at, updated_at: at,
  }).returningAll().executeTakeFirstOrThrow()

  return toMacroView(row)
}

export async function updateMacro(deps: Deps, principal: Principal, id: string, input: z.infer<typeof updateMacroInput>): Promise<MacroView> {
  const row = await loadUsableMacro(deps, principal, id)
  if (row.owner_agent_id === null && principal.role !== 'admin' && principal.role !== 'supervisor') throw new AppError('auth.forbidden')
  const set: Partial<MacroRow> = { updated_at: deps.clock.now().toISOString() }
  if (input.name !== undefined) set.name = input.name
  if (input.bodyJa !== undefined) set.body_ja = input.bodyJa
  if (input.bodyEn !== undefined) set.body_en = input.bodyEn
  if (input.actions !== undefined) set.actions = toJson(input.actions)
  const updated = await deps.db.updateTable('macros').set(set).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow()

  return toMacroView(updated)
}

export async function deleteMacro(deps: Deps, principal: Principal, id: string): Promise<void> {
  const row = await loadUsableMacro(deps, principal, id)
  if (row.owner_agent_id === null && principal.role !== 'admin' && principal.role !== 'supervisor') throw new AppError('auth.forbidden')
  await deps.db.deleteFrom('macros').where('id', '=', row.id).execute()
}

/**
 * `POST /macros/:id/render`: the macro's text for a ticket, placeholders filled
 * (the caller is the agent), in the customer's language unless asked otherwise.
 * Returned for the agent to edit in the composer: nothing is sent from here.
 */
export async function renderMacro(deps: Deps, principal: Principal, id: string, input: { ticketId: string; locale?: 'ja' | 'en' }): Promise<z.infer<typeof renderedMacroView>> {
  const macro = await loadUsableMacro(deps, principal, id)
  const ticket = await loadVisibleTicket(deps.db, principal, parseTicketRef(input.ticketId))
  const context = await loadRenderContext(deps.db, ticket, principal.agentId)
  let locale = replyLocale(context.language, input.locale)
  if ((locale === 'ja' ? macro.body_ja : macro.body_en) === null) locale = locale === 'ja' ? 'en' : 'ja'
  const template = (locale === 'ja' ? macro.body_ja : macro.body_en) ?? ''

  return { ...fillPlaceholders(template, placeholderValues(context)), locale, actions: parseJson<MacroAction[]>(macro.actions, []) }
}
