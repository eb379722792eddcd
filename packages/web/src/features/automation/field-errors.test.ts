import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/client.ts'
import { issueText, messagesFor } from './field-errors.tsx'

const error = new ApiError('request.validation_failed', 'The request is not valid.', 422, [
  { path: 'name', code: 'too_small', message: 'Too short' },
  { path: 'conditions.0.value', code: 'too_small', message: 'Give a value' },
  { path: 'conditions', code: 'too_big', message: 'At most 20' },
])

describe('messagesFor', () => {
  it('finds a field’s own messages and those below it, or only its own when exact', () => {
    expect(messagesFor(error, 'name')).toEqual(['Too short'])
    expect(messagesFor(error, 'conditions.0')).toEqual(['Give a value'])
    expect(messagesFor(error, 'conditions')).toEqual(['Give a value', 'At most 20'])
    expect(messagesFor(error, 'conditions', true)).toEqual(['At most 20'])
    expect(messagesFor(error, 'actions')).toEqual([])
  })

  it('has nothing for errors without field details', () => {
    expect(messagesFor(new ApiError('ticket.not_found', 'No such ticket', 404), 'ticketId')).toEqual([])
    expect(messagesFor(new Error('boom'), 'name')).toEqual([])
  })
})

describe('issueText', () => {
  const t = ((key: string, options?: { message?: string }) => (options?.message ? `${key}(${options.message})` : key)) as unknown as Parameters<typeof issueText>[0]

  it('keeps the server’s English, translates known messages and codes for Japanese', () => {
    expect(issueText(t, 'en', { path: 'x', code: 'custom', message: 'end must be after start' })).toBe('end must be after start')
    expect(issueText(t, 'ja', { path: 'x', code: 'custom', message: 'end must be after start' })).toBe('validation.endAfterStart')
    expect(issueText(t, 'ja', { path: 'x', code: 'custom', message: 'No usual hours on sat: give this day its hours' })).toBe('validation.hoursRequired')
    expect(issueText(t, 'ja', { path: 'name', code: 'too_small', message: 'Too small: expected string to have >=1 characters' })).toBe('validation.codes.too_small')
    expect(issueText(t, 'ja', { path: 'x', code: 'mystery', message: 'Odd' })).toBe('validation.other(Odd)')
  })
})
