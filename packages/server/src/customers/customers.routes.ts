import type { FastifyInstance, FastifyRequest } from 'fastify'
import {
  contactInput,
  createCustomerInput,
  customerEventListView,
  customerListView,
  customerLookupView,
  customerView,
  listCustomerEventsQuery,
  listCustomersQuery,
  lookupCustomerQuery,
  mergeCustomerInput,
  updateContactInput,
  updateCustomerInput,
} from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { documentRoute } from '../http/openapi-registry.ts'
import { principalOf } from '../http/principal.ts'
import { parseInput } from '../http/validate.ts'
import { AppError } from '../lib/app-error.ts'
import { isId } from '../lib/ids.ts'
import { addCustomerContacts } from './add-customer-contacts.ts'
import { changeCustomerContact } from './change-customer-contact.ts'
import { createCustomer } from './create-customer.ts'
import { getCustomer } from './get-customer.ts'
import { listCustomerEvents } from './list-customer-events.ts'
import { listCustomers } from './list-customers.ts'
import { lookupCustomer } from './lookup-customer.ts'
import { mergeCustomers } from './merge-customers.ts'
import { updateCustomer } from './update-customer.ts'

type IdParams = { Params: { id: string } }
type ContactParams = { Params: { id: string; contactId: string } }

/** Ids that are not ids cannot name a customer: 404, as for any unknown customer. */
function customerId(request: { params: { id: string } }): string {
  if (!isId(request.params.id)) throw new AppError('customer.not_found', { id: request.params.id })

  return request.params.id
}

function contactId(request: { params: { contactId: string } }): string {
  if (!isId(request.params.contactId)) throw new AppError('customer.contact_not_found', { id: request.params.contactId })

  return request.params.contactId
}

const agentActor = (request: FastifyRequest) => ({ kind: 'agent' as const, id: principalOf(request).agentId })

/**
 * Customers. Reading is open to every agent, partners included, but partners see only
 * customers who have a ticket in one of their teams (customer-visibility.ts); writing
 * is for staff (not partners); merging is for supervisors and admins.
 */
export async function customerRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const tags = ['Customers']

  documentRoute({
    method: 'POST', path: '/customers', tags, access: 'staff', body: createCustomerInput, response: customerView, status: 201,
    summary: 'Create a customer (a CRN is assigned)', errors: ['customer.contact_taken', 'customer.email_invalid', 'customer.phone_invalid'],
    description: 'A contact another customer already has is a 409 `customer.contact_taken` whose details name that customer.',
  })
  app.post('/customers', { config: { access: 'staff' } }, async (request, reply) => {
    const input = parseInput(createCustomerInput, request.body)
    const principal = principalOf(request)

    return reply.status(201).send(await createCustomer(deps, { accountId: principal.accountId, actor: agentActor(request), input }))
  })

  documentRoute({
    method: 'GET', path: '/customers', tags, access: 'agent', query: listCustomersQuery, response: customerListView,
    summary: 'List customers, most recently changed first',
    description: '`q` matches the start of the name, furigana (hiragana or katakana) or organization.',
  })
  app.get('/customers', { config: { access: 'agent' } }, async (request) =>
    listCustomers(deps, principalOf(request), parseInput(listCustomersQuery, request.query)))

  documentRoute({
    method: 'GET', path: '/customers/lookup', tags, access: 'agent', query: lookupCustomerQuery, response: customerLookupView,
    summary: 'Find a customer by CRN, email or phone (exactly one)',
    description: 'Any common phone format finds the customer. A mistyped CRN is refused (422 `customer.crn_invalid`), never matched to someone else; a merged customer\'s CRN resolves to the survivor, with `mergedFrom`.',
    errors: ['customer.not_found', 'customer.crn_invalid', 'customer.email_invalid', 'customer.phone_invalid'],
  })
  app.get('/customers/lookup', { config: { access: 'agent' } }, async (request) =>
    lookupCustomer(deps, principalOf(request), parseInput(lookupCustomerQuery, request.query)))

  documentRoute({
    method: 'GET', path: '/customers/:id', tags, access: 'agent', response: customerView, summary: 'Get a customer', errors: ['customer.not_found'],
  })
  app.get<IdParams>('/customers/:id', { config: { access: 'agent' } }, async (request) =>
    getCustomer(deps, principalOf(request), customerId(request)))

  documentRoute({
    method: 'PATCH', path: '/customers/:id', tags, access: 'staff', body: updateCustomerInput, response: customerView,
    summary: 'Change a customer (each changed field is recorded with before and after)',
    description: '`null` clears a field. Turning `isVip` or `handleWithCare` on needs its reason; turning it off clears the reason.',
    errors: ['customer.not_found', 'customer.already_merged'],
  })
  app.patch<IdParams>('/customers/:id', { config: { access: 'staff' } }, async (request) => {
    const input = parseInput(updateCustomerInput, request.body)
    const id = customerId(request)

    return updateCustomer(deps, { accountId: principalOf(request).accountId, customerId: id, actor: agentActor(request), input })
  })

  documentRoute({
    method: 'POST', path: '/customers/:id/contacts', tags, access: 'staff', body: contactInput, response: customerView, status: 201,
    summary: 'Add an email, phone, LINE id or external id to a customer',
    errors: ['customer.not_found', 'customer.already_merged', 'customer.contact_taken', 'customer.email_invalid', 'customer.phone_invalid'],
  })
  app.post<IdParams>('/customers/:id/contacts', { config: { access: 'staff' } }, async (request, reply) => {
    const contact = parseInput(contactInput, request.body)
    const id = customerId(request)
    const view = await addCustomerContacts(deps, { accountId: principalOf(request).accountId, customerId: id, actor: agentActor(request), contacts: [contact] })

    return reply.status(201).send(view)
  })

  documentRoute({
    method: 'PATCH', path: '/customers/:id/contacts/:contactId', tags, access: 'staff', body: updateContactInput, response: customerView,
    summary: 'Change a contact\'s label or make it the primary one of its kind', errors: ['customer.not_found', 'customer.contact_not_found'],
  })
  app.patch<ContactParams>('/customers/:id/contacts/:contactId', { config: { access: 'staff' } }, async (request) => {
    const input = parseInput(updateContactInput, request.body)

    return changeContact(deps, request, { op: 'update', input })
  })

  documentRoute({
    method: 'POST', path: '/customers/:id/contacts/:contactId/verify', tags, access: 'staff', response: customerView,
    summary: 'Mark a contact as verified (sets verifiedAt; verifying again keeps the first time)',
    errors: ['customer.not_found', 'customer.contact_not_found'],
  })
  app.post<ContactParams>('/customers/:id/contacts/:contactId/verify', { config: { access: 'staff' } }, async (request) =>
    changeContact(deps, request, { op: 'verify' }))

  documentRoute({
    method: 'DELETE', path: '/customers/:id/contacts/:contactId', tags, access: 'staff', response: customerView,
    summary: 'Remove a contact (the next one of its kind becomes primary)', errors: ['customer.not_found', 'customer.contact_not_found'],
  })
  app.delete<ContactParams>('/customers/:id/contacts/:contactId', { config: { access: 'staff' } }, async (request) =>
    changeContact(deps, request, { op: 'remove' }))

  documentRoute({
    method: 'POST', path: '/customers/:id/merge', tags, access: 'supervisor', body: mergeCustomerInput, response: customerView,
    summary: 'Merge this customer into another (contacts, tickets and messages move; the CRN keeps resolving)',
    description: 'Answers the survivor. VIP, "handle with care" and internal are combined with OR, lifetime values summed, empty fields filled, notes appended.',
    errors: ['customer.not_found', 'customer.cannot_merge_into_self', 'customer.already_merged'],
  })
  app.post<IdParams>('/customers/:id/merge', { config: { access: 'supervisor' } }, async (request) => {
    const input = parseInput(mergeCustomerInput, request.body)
    const principal = principalOf(request)
    const sourceId = customerId(request)
    if (!isId(input.intoId)) throw new AppError('customer.not_found', { id: input.intoId })

    return mergeCustomers(deps, {
      accountId: principal.accountId, sourceId, intoId: input.intoId, actor: { kind: 'agent', id: principal.agentId }, ip: request.ip ?? null,
    })
  })

  documentRoute({
    method: 'GET', path: '/customers/:id/events', tags, access: 'agent', query: listCustomerEventsQuery, response: customerEventListView,
    summary: 'Change log of a customer, oldest first (includes customers merged into it)', errors: ['customer.not_found'],
  })
  app.get<IdParams>('/customers/:id/events', { config: { access: 'agent' } }, async (request) =>
    listCustomerEvents(deps, principalOf(request), customerId(request), parseInput(listCustomerEventsQuery, request.query)))
}

function changeContact(deps: Deps, request: FastifyRequest<ContactParams>, change: Parameters<typeof changeCustomerContact>[1]['change']) {
  return changeCustomerContact(deps, {
    accountId: principalOf(request).accountId,
    customerId: customerId(request),
    contactId: contactId(request),
    actor: agentActor(request),
    change,
  })
}
