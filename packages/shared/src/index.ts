export * from './errors.ts'
export * from './error-messages.ts'
export * from './domain.ts'
export * from './realtime.ts'
