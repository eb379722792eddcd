import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  createMacroInput, createRuleInput, dryRunInput, dryRunView, macroList, macroView, renderMacroInput, renderedMacroView, ruleList, ruleView, updateMacroInput, updateRuleInput,
} from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { documentRoute } from '../http/openapi-registry.ts'
import { principalOf } from '../http/principal.ts'
import { parseInput } from '../http/validate.ts'
import { dryRun } from './dry-run.ts'
import { createMacro, deleteMacro, listMacros, renderMacro, updateMacro } from './macros.ts'
import { createRule, deleteRule, listRules, updateRule } from './manage-rules.ts'

type ById = { Params: { id: string } }
const tags = ['Automation']
const idParams = z.object({ id: z.string() })

/** Triggers and time rules (supervisors), the dry run, and macros (shared or personal). */
export async function automationRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  documentRoute({ method: 'GET', path: '/automation/rules', tags, access: 'supervisor', response: ruleList, summary: 'Triggers and time rules, in order' })
  app.get('/automation/rules', { config: { access: 'supervisor' } }, async (request) => listRules(deps, principalOf(request)))

  documentRoute({
    method: 'POST', path: '/automation/rules', tags, access: 'supervisor', body: createRuleInput, response: ruleView, status: 201, summary: 'Create a trigger (on an event) or a time rule',
    description: 'Triggers run in `position` order inside the change that caused the event. Loop guard: actions of a trigger can set off triggers once more (depth 1) and never the same trigger twice for one event.',
  })
  app.post('/automation/rules', { config: { access: 'supervisor' } }, async (request, reply) => reply.status(201).send(await createRule(deps, principalOf(request), parseInput(createRuleInput, request.body))))

  documentRoute({ method: 'PATCH', path: '/automation/rules/:id', tags, access: 'supervisor', params: idParams, body: updateRuleInput, response: ruleView, summary: 'Change a rule', errors: ['automation.rule_not_found'] })
  app.patch<ById>('/automation/rules/:id', { config: { access: 'supervisor' } }, async (request) => updateRule(deps, principalOf(request), request.params.id, parseInput(updateRuleInput, request.body)))

  documentRoute({ method: 'DELETE', path: '/automation/rules/:id', tags, access: 'supervisor', params: idParams, status: 204, summary: 'Delete a rule', errors: ['automation.rule_not_found'] })
  app.delete<ById>('/automation/rules/:id', { config: { access: 'supervisor' } }, async (request, reply) => {
    await deleteRule(deps, principalOf(request), request.params.id)

    return reply.status(204).send()
  })

  documentRoute({
    method: 'POST', path: '/automation/dry-run', tags, access: 'staff', body: dryRunInput, response: dryRunView,
    summary: 'Which triggers an event would set off, in order, and why (each condition\'s result)',
    description: 'Give `ticketId` (the ticket as it is now) or a hypothetical `ticket`. Nothing is written.', errors: ['ticket.not_found'],
  })
  app.post('/automation/dry-run', { config: { access: 'staff' } }, async (request) => dryRun(deps, principalOf(request), parseInput(dryRunInput, request.body)))

  documentRoute({ method: 'GET', path: '/macros', tags, access: 'staff', response: macroList, summary: 'Shared macros and my personal ones' })
  app.get('/macros', { config: { access: 'staff' } }, async (request) => listMacros(deps, principalOf(request)))

  documentRoute({ method: 'POST', path: '/macros', tags, access: 'staff', body: createMacroInput, response: macroView, status: 201, summary: 'Create a macro (ja and/or en text with {{placeholders}})', description: '`shared: true` needs a supervisor. `actions` (set status, set priority, add tags) are offered with the rendered text, never applied by the server.', errors: ['auth.forbidden'] })
  app.post('/macros', { config: { access: 'staff' } }, async (request, reply) => reply.status(201).send(await createMacro(deps, principalOf(request), parseInput(createMacroInput, request.body))))

  documentRoute({ method: 'PATCH', path: '/macros/:id', tags, access: 'staff', params: idParams, body: updateMacroInput, response: macroView, summary: 'Change a macro', errors: ['macro.not_found', 'auth.forbidden'] })
  app.patch<ById>('/macros/:id', { config: { access: 'staff' } }, async (request) => updateMacro(deps, principalOf(request), request.params.id, parseInput(updateMacroInput, request.body)))

  documentRoute({ method: 'DELETE', path: '/macros/:id', tags, access: 'staff', params: idParams, status: 204, summary: 'Delete a macro', errors: ['macro.not_found', 'auth.forbidden'] })
  app.delete<ById>('/macros/:id', { config: { access: 'staff' } }, async (request, reply) => {
    await deleteMacro(deps, principalOf(request), request.params.id)

    return reply.status(204).send()
  })

  documentRoute({
    method: 'POST', path: '/macros/:id/render', tags, access: 'staff', params: idParams, body: renderMacroInput, response: renderedMacroView,
    summary: 'Fill a macro\'s placeholders for a ticket, for the agent to edit before sending', description: 'Never sends anything and applies none of the macro\'s `actions` (they are returned for the agent to apply, e.g. with `PATCH /tickets/:id`). `missing` lists placeholders without a value.',
    errors: ['macro.not_found', 'ticket.not_found'],
  })
  app.post<ById>('/macros/:id/render', { config: { access: 'staff' } }, async (request) => renderMacro(deps, principalOf(request), request.params.id, parseInput(renderMacroInput, request.body)))
}
