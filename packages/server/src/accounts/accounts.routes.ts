import type { FastifyInstance } from 'fastify'
import { accountView, updateAccountInput } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { documentRoute } from '../http/openapi-registry.ts'
import { principalOf } from '../http/principal.ts'
import { parseInput } from '../http/validate.ts'
import { getAccount } from './get-account.ts'
import { updateAccount } from './update-account.ts'

/** The caller's own account: anyone signed in may read it (name, language, zone); admins change it. */
export async function accountRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  documentRoute({ method: 'GET', path: '/account', tags: ['Account'], access: 'agent', response: accountView, summary: 'The caller\'s account' })
  app.get('/account', { config: { access: 'agent' } }, async (request) => getAccount(deps, principalOf(request)))

  documentRoute({
    method: 'PATCH', path: '/account', tags: ['Account'], access: 'admin', body: updateAccountInput, response: accountView,
    summary: 'Change account name, default language or time zone',
  })
  app.patch('/account', { config: { access: 'admin' } }, async (request) => {
    const input = parseInput(updateAccountInput, request.body)

    return updateAccount(deps, principalOf(request), input, request.ip ?? null)
  })
}
