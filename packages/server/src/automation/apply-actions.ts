import type { AutomationAction, RealtimeEvent } from '@madoguchi/shared'
import { normalizeTag } from '@madoguchi/shared'
import type { AccountConfig } from '../accounts/account-config.ts'
import type { EventInput } from '../audit/record-event.ts'
import { recordEvents } from '../audit/record-event.ts'
import type { Trx } from '../db/database.ts'
import { parseJson, toJson } from '../db/json.ts'
import type { Deps } from '../deps.ts'
import { escalateLocked } from '../escalation/escalate-ticket.ts'
import { enqueueJob } from '../jobs/enqueue.ts'
import { AppError } from '../lib/app-error.ts'
import { newId } from '../lib/ids.ts'
import { routeTicket, ticketUpdated } from '../routing/route-ticket.ts'
import { syncTicketSla } from '../sla/sync-ticket-sla.ts'
import { insertMessageRow } from '../tickets/message.repo.ts'
import { DELIVER_MESSAGE_JOB } from '../tickets/post-ticket-message.ts'
import { replaceTicketTags, updateTicketRow } from '../tickets/ticket.repo.ts'
import { statusTimestamps } from '../tickets/ticket-status.ts'
import type { TicketRow, TicketUpdate } from '../tickets/ticket.table.ts'
import { fillPlaceholders, placeholderValues } from './fill-placeholders.ts'
import { loadRenderContext, replyLocale } from './render-context.ts'

export interface ActionContext {
  trx: Trx
  deps: Deps
  at: string
  ruleId: string
  pending: RealtimeEvent[]
  /** The run's cached account configuration (accounts/account-config.ts); read directly when absent. */
  config?: AccountConfig
}

const ACTOR = { kind: 'system' as const }

/** Writes a set of field changes the way the tickets feature does (events before → after, tags copy). */
async function change(ctx: ActionContext, ticket: TicketRow, set: TicketUpdate, events: EventInput[]): Promise<TicketRow> {
  if (events.length === 0) return ticket
  const after = { ...ticket, ...set, updated_at: ctx.at } as TicketRow
  await updateTicketRow(ctx.trx, ticket.account_id, ticket.id, { ...set, updated_at: ctx.at }, parseJson<string[]>(after.tags, []))
  await recordEvents(ctx.trx, events)
  if (set.status !== undefined || set.priority !== undefined || set.category !== undefined) await syncTicketSla(ctx.trx, after, { kind: 'updated', before: ticket }, ctx.at, ctx.config)

  return after
}

function fieldEvent(ctx: ActionContext, ticket: TicketRow, field: string, before: unknown, after: unknown, type = `ticket.${field}_changed`): EventInput {
  return { accountId: ticket.account_id, subjectType: 'ticket', subjectId: ticket.id, type, actor: ACTOR, field, before, after: after, at: ctx.at }
}

async function reply(ctx: ActionContext, ticket: TicketRow, action: Extract<AutomationAction, { type: 'reply' }>): Promise<TicketRow> {
  if (ticket.status === 'closed') return ticket
  const context = await loadRenderContext(ctx.trx, ticket, ticket.assignee_id)
  const locale = replyLocale(context.language)
  let template = action.body?.[locale] ?? action.body?.[locale === 'ja' ? 'en' : 'ja']
  if (action.macroId) {
    const macro = await ctx.trx.selectFrom('macros').select(['body_ja', 'body_en']).where('id', '=', action.macroId).where('account_id', '=', ticket.account_id).executeTakeFirst()
    template = (locale === 'ja' ? macro?.body_ja ?? macro?.body_en : macro?.body_en ?? macro?.body_ja) ?? template
  }
  if (!template) return ticket
  const { text } = fillPlaceholders(template, placeholderValues(context))
  const id = newId()
  await insertMessageRow(ctx.trx, {
    id, account_id: ticket.account_id, ticket_id: ticket.id, kind: 'outbound', author_kind: 'bot', author_agent_id: null, author_customer_id: null,
    channel: ticket.channel, body_text: text, body_html: null, external_id: null, delivery_status: 'queued', delivery_error: null,
    metadata: toJson({ automationRuleId: ctx.ruleId }), created_at: ctx.at,
  })
  await enqueueJob(ctx.trx, DELIVER_MESSAGE_JOB, { messageId: id }, { accountId: ticket.account_id, dedupeKey: id, now: new Date(ctx.at) })
  ctx.pending.push({ type: 'message.created', ticketId: ticket.id, messageId: id, kind: 'outbound', teamId: ticket.team_id, at: ctx.at })
  // An automated reply is not a response by a person: no SLA clock stops, the status stays.
  const set: TicketUpdate = { message_count: Number(ticket.message_count) + 1, last_message_at: ctx.at }

  return change(ctx, ticket, set, [fieldEvent(ctx, ticket, 'messages', null, { messageId: id, kind: 'outbound' }, 'message.created')])
}

/** Applies one action; returns the ticket as it is afterwards. Never throws for a stale target (skips it). */
export async function applyAction(ctx: ActionContext, ticket: TicketRow, action: AutomationAction): Promise<TicketRow> {
  switch (action.type) {
    case 'assign': {
      if (action.agentId === ticket.assignee_id) return ticket
      if (action.agentId !== null) {
        const ok = await ctx.trx.selectFrom('agents').select('id').where('id', '=', action.agentId).where('account_id', '=', ticket.account_id).where('active', '=', 1).executeTakeFirst()
        if (!ok) return ticket
      }

      return change(ctx, ticket, { assignee_id: action.agentId }, [fieldEvent(ctx, ticket, 'assigneeId', ticket.assignee_id, action.agentId, 'ticket.assignee_changed')])
    }
    case 'route':
      return (await routeTicket(ctx.trx, ticket, { at: ctx.at, dialect: ctx.deps.dialect, force: true })).ticket
    case 'set_status': {
      if (ticket.status === action.value || ticket.status === 'closed') return ticket

      return change(ctx, ticket, { status: action.value, ...statusTimestamps(ticket, action.value, ctx.at) }, [fieldEvent(ctx, ticket, 'status', ticket.status, action.value)])
    }
    case 'set_priority':
      return ticket.priority === action.value ? ticket : change(ctx, ticket, { priority: action.value }, [fieldEvent(ctx, ticket, 'priority', ticket.priority, action.value)])
    case 'set_category':
      return ticket.category === action.value ? ticket : change(ctx, ticket, { category: action.value }, [fieldEvent(ctx, ticket, 'category', ticket.category, action.value)])
    case 'set_team': {
      if (ticket.team_id === action.value) return ticket
      const ok = await ctx.trx.selectFrom('teams').select('id').where('id', '=', action.value).where('account_id', '=', ticket.account_id).executeTakeFirst()

      return ok ? change(ctx, ticket, { team_id: action.value }, [fieldEvent(ctx, ticket, 'teamId', ticket.team_id, action.value, 'ticket.team_changed')]) : ticket
    }
    case 'add_tags': {
      const before = parseJson<string[]>(ticket.tags, [])
      const after = [...new Set([...before, ...action.tags.map(normalizeTag).filter((t) => t !== '')])].slice(0, 20)
      if (after.length === before.length) return ticket
      await replaceTicketTags(ctx.trx, ticket.account_id, ticket.id, before, after, ctx.at)

      return change(ctx, ticket, { tags: toJson(after) }, [fieldEvent(ctx, ticket, 'tags', before, after)])
    }
    case 'notify': {
      let receivers: string[] = action.agentId ? [action.agentId] : []
      if (action.teamId) receivers = (await ctx.trx.selectFrom('agent_teams').select('agent_id').where('team_id', '=', action.teamId).execute()).map((r) => r.agent_id)
      if (!action.agentId && !action.teamId && ticket.assignee_id) receivers = [ticket.assignee_id]
      if (receivers.length > 0) {
        await ctx.trx.insertInto('notifications').values(receivers.map((agentId) => ({
          id: newId(), account_id: ticket.account_id, agent_id: agentId, team_id: ticket.team_id, ticket_id: ticket.id, kind: 'automation.notify',
          data: toJson({ message: action.message, ruleId: ctx.ruleId, number: Number(ticket.number) }), read_at: null, created_at: ctx.at,
        }))).execute()
        ctx.pending.push(ticketUpdated(ticket, ['notification'], ctx.at))
      }

      return ticket
    }
    case 'reply':
      return reply(ctx, ticket, action)
    case 'escalate': {
      if (ticket.status === 'closed') return ticket
      const escalated = await escalateLocked(ctx.trx, ctx.deps, ticket, { reason: action.reason, note: action.note }, ACTOR, ctx.at).catch((e: unknown) => {
        if (e instanceof AppError && e.code === 'escalation.no_next_step') return null
        throw e
      })

      return escalated?.ticket ?? ticket
    }
  }
}
