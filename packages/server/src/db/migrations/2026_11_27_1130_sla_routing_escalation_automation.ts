import type { Kysely } from 'kysely'

/**
 * SLA policies and per-ticket clocks, routing settings, escalations,
 * notifications, automation rules and macros (issue 7).
 *
 * Portable like the others: text ids, ISO text timestamps, 0/1 integers, JSON as
 * text. Per-ticket rows live in their own tables (not new ticket columns) so the
 * tickets feature's table stays its own; lists join them in one batch query.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sla_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('calendar_id', 'text')
    // JSON: { priorities?, vip?, channels?, categories? }; an absent key matches anything.
    .addColumn('conditions', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('first_response_minutes', 'integer')
    .addColumn('next_response_minutes', 'integer')
    .addColumn('resolution_minutes', 'integer')
    .addColumn('warning_percent', 'integer', (c) => c.notNull().defaultTo(75))
    .addColumn('pause_on_hold', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('sla_policies_account_idx').on('sla_policies').columns(['account_id', 'position', 'id']).execute()

  // One clock per (ticket, metric); a next-response clock is restarted in place.
  await db.schema
    .createTable('ticket_slas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('policy_id', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('target_minutes', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    // JSON: [{ from, to|null }]
    .addColumn('pauses', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('paused_since', 'text')
    // null while paused or achieved: nothing can breach then.
    .addColumn('due_at', 'text')
    .addColumn('warning_at', 'text')
    .addColumn('warned_at', 'text')
    .addColumn('breached_at', 'text')
    .addColumn('achieved_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ticket_slas_ticket_metric_uq', ['ticket_id', 'metric'])
    .execute()
  // "What breaches next" and the breach job both walk running clocks by due time.
  await db.schema.createIndex('ticket_slas_due_idx').on('ticket_slas').columns(['account_id', 'due_at']).execute()
  await db.schema.createIndex('ticket_slas_warning_idx').on('ticket_slas').column('warning_at').execute()
  await db.schema.createIndex('ticket_slas_due_any_idx').on('ticket_slas').column('due_at').execute()

  await db.schema
    .createTable('team_routing')
    .addColumn('team_id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().defaultTo('round_robin'))
    .addColumn('auto_assign', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('respect_capacity', 'integer', (c) => c.notNull().defaultTo(1))
    // JSON: [{ teamId, tier? }] — tier 1 → 2 → 3 → supervisors.
    .addColumn('escalation_steps', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('last_agent_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('category_routes')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('category_routes_pk', ['account_id', 'category'])
    .execute()

  await db.schema
    .createTable('escalations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('amount', 'integer')
    .addColumn('from_team_id', 'text')
    .addColumn('to_team_id', 'text')
    .addColumn('to_tier', 'integer')
    .addColumn('to_supervisor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('escalated_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .execute()
  await db.schema.createIndex('escalations_status_idx').on('escalations').columns(['account_id', 'status', 'id']).execute()
  await db.schema.createIndex('escalations_ticket_idx').on('escalations').columns(['ticket_id', 'id']).execute()

  // A ticket only some may see (legal / physical threats): its team and supervisors.
  await db.schema
    .createTable('ticket_restrictions')
    .addColumn('ticket_id', 'text', (c) => c.primaryKey().references('tickets.id'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('ticket_restrictions_account_idx').on('ticket_restrictions').columns(['account_id', 'team_id']).execute()

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text')
    .addColumn('team_id', 'text')
    .addColumn('ticket_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('read_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('notifications_agent_idx').on('notifications').columns(['account_id', 'agent_id', 'id']).execute()
  await db.schema.createIndex('notifications_team_idx').on('notifications').columns(['account_id', 'team_id', 'id']).execute()

  await db.schema
    .createTable('automation_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // 'trigger' (on an event) or 'time' (checked by the recurring job)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('event', 'text')
    .addColumn('conditions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('actions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('automation_rules_account_idx').on('automation_rules').columns(['account_id', 'kind', 'position']).execute()

  // A time rule fires once per ticket and status period (the key says which).
  await db.schema
    .createTable('automation_rule_runs')
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('run_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('automation_rule_runs_pk', ['rule_id', 'ticket_id', 'run_key'])
    .execute()

  await db.schema
    .createTable('macros')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('owner_agent_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('body_ja', 'text')
    .addColumn('body_en', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('macros_account_idx').on('macros').columns(['account_id', 'owner_agent_id']).execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'macros', 'automation_rule_runs', 'automation_rules', 'notifications', 'ticket_restrictions', 'escalations',
    'category_routes', 'team_routing', 'ticket_slas', 'sla_policies',
  ]) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
