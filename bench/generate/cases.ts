import { REPLY_RULE, replyDueAt } from '../../src/cases/rules.js';
import { estateToken } from '../../src/cases/search-document.js';
import { defaultPolicy } from '../../src/contract/directory.js';
import { indexTerms } from '../../src/platform/search.js';
import type { EstateDirectory, StaffMember } from './estate.js';
import type { ChainBuilder } from './history.js';
import { obligation } from './obligations.js';
import { DAY, HOUR, iso, MINUTE, type Random } from './random.js';
import type { Sink } from './sink.js';
import { caseText, replyText, resultText, workText } from './texts.js';

type RepairClass = 'safety' | 'leak' | 'other';
/** A busy office's mix of cases (R-IN-1, R-IN-2). */
const KINDS = { repair: 35, inquiry: 20, complaint: 14, fee: 12, message: 8, suggestion: 6, praise: 5 } as const;
const CHANNELS = { phone: 40, counter: 30, hotline: 15, portal: 15 } as const;
const CLASSES = { other: 60, leak: 25, safety: 15 } as const;
export const POLICY = defaultPolicy();
const HK = 8 * HOUR;

const termCache = new Map<string, string[]>();
/** The project's search terms of a text; parts separated by spaces index the same apart, so parts are cached. */
function termsOf(parts: string[]): Set<string> {
  const out = new Set<string>();
  for (const part of parts) {
    if (!part) continue;
    let terms = termCache.get(part);
    if (!terms) {
      terms = indexTerms(part);
      if (termCache.size > 100_000) termCache.clear();
      termCache.set(part, terms);
    }
    for (const t of terms) out.add(t);
  }
  return out;
}

/** When a case happened: a day of the span, office hours more than night (Hong Kong time). */
function caseTime(random: Random, from: number, to: number): number {
  const day = Math.floor(random.between(from, to) / DAY) * DAY;
  const hour = random.chance(0.85) ? random.between(8, 20) : random.between(0, 24);
  return Math.min(to - MINUTE, day - HK + hour * HOUR);
}

export interface CompletedRepair {
  caseId: string;
  unitId: string | null;
  repairClass: RepairClass;
  completedAt: number;
  maintenanceId: string;
  departmentId: string | null;
}

export interface CaseRun {
  sink: Sink;
  random: Random;
  estate: EstateDirectory;
  chain: ChainBuilder;
  from: number;
  now: number;
  unsweptMs: number;
}

/**
 * The estate's cases over the span, numbered per year in the order they were recorded, each with
 * the timeline, search terms, R-CP-1 deadline and history its life so far would have left.
 * Returns the completed repairs (for their follow-ups) and the case numbers per year.
 */
export function generateCases(
  run: CaseRun,
  count: number,
  onCase: () => void,
): { repairs: CompletedRepair[]; counters: Map<number, number> } {
  const { random, estate, now } = run;
  const times = Array.from({ length: count }, () => caseTime(random, run.from, now)).sort((a, b) => a - b);
  const counters = new Map<number, number>();
  const repairs: CompletedRepair[] = [];
  const desk = estate.byRole('receptionist');
  // Drawn in the order they happened, then written in the order they were recorded (a few
  // minutes later, except on the portal), as the office's own records are.
  const drawn = times.map((occurred) => {
    const kind = random.weighted(KINDS);
    const channel = random.weighted(CHANNELS);
    const repairClass: RepairClass | null = kind === 'repair' ? random.weighted(CLASSES) : null;
    const recorded = occurred + (channel === 'portal' ? 0 : random.int(1, 15) * MINUTE);
    return { kind, channel, repairClass, occurred, recorded };
  });
  drawn.sort((a, b) => a.recorded - b.recorded);
  for (const d of drawn) {
    const year = new Date(d.recorded + HK).getUTCFullYear();
    const seq = (counters.get(year) ?? 0) + 1;
    counters.set(year, seq);
    const c = caseRecord(run, { ...d, number: `${year}-${String(seq).padStart(5, '0')}`, desk });
    if (c) repairs.push(c);
    onCase();
  }
  return { repairs, counters };
}

function routed(estate: EstateDirectory, kind: string, repairClass: string | null): string | null {
  const score = (d: EstateDirectory['duties'][number]) =>
    (d.caseKinds.includes(kind) ? 2 : 0) + (repairClass && d.repairClasses.includes(repairClass) ? 1 : 0);
  const best = estate.duties.filter((d) => score(d) > 0).sort((a, b) => score(b) - score(a))[0];
  return best?.code ?? null;
}

function caseRecord(
  run: CaseRun,
  c: {
    kind: string;
    channel: string;
    repairClass: RepairClass | null;
    occurred: number;
    recorded: number;
    number: string;
    desk: StaffMember[];
  },
): CompletedRepair | null {
  const { sink, random, estate, chain, now } = run;
  const id = random.id(c.recorded);
  const household = random.chance(0.9) ? random.pick(estate.households) : null;
  const recorder = c.channel === 'portal' ? estate.manager : random.pick(c.desk);
  const deptCode = routed(estate, c.kind, c.repairClass);
  const departmentId = deptCode ? (estate.departments[deptCode] ?? null) : null;
  const handlers = deptCode ? estate.byDept(deptCode).filter((s) => s.role !== 'maintenance') : [];
  const assignee = handlers.length ? random.pick(handlers) : estate.manager;
  const description = caseText(random, c.kind, c.repairClass);
  const events: { type: string; at: number; actor: string | null; text: string | null; data: Record<string, unknown> }[] = [];
  const searchParts = [c.number, description, household?.name ?? '', household?.phone ?? ''];

  // What happened after it was recorded, each step only if it came before now.
  const assignedAt = c.recorded + random.between(10, 120) * MINUTE;
  const needsReply = replyDueAt(c.kind as never, c.channel as never, new Date(c.occurred), POLICY);
  const replyAt = c.occurred + (needsReply && random.chance(0.08) ? random.between(73, 120) * HOUR : random.wait(20 * HOUR) + 30 * MINUTE);
  const replies = needsReply || random.chance(0.7);
  const maintenance = c.kind === 'repair' ? random.pick(estate.byRole('maintenance')) : null;
  const startedAt = assignedAt + random.between(1, 48) * HOUR;
  const completedAt = startedAt + random.between(1, 72) * HOUR;
  const resolvedAt =
    c.kind === 'repair' ? completedAt : Math.max(replies ? replyAt : assignedAt, assignedAt) + random.between(1, 72) * HOUR;
  const closedAt = resolvedAt + random.between(1, 120) * HOUR;
  const satisfied = random.chance(0.9);
  const result = c.kind === 'repair' ? workText(random) : resultText(random);
  const reply = replyText(random);

  let status = 'new';
  const row: Record<string, unknown> = {
    id,
    estate_id: estate.id,
    number: c.number,
    kind: c.kind,
    channel: c.channel,
    status,
    unit_id: household?.unitId ?? null,
    resident_id: household?.residentId ?? null,
    resident_name: household?.name ?? null,
    resident_phone: household?.phone ?? null,
    description,
    repair_class: c.repairClass,
    occurred_at: iso(c.occurred),
    recorded_at: iso(c.recorded),
    recorded_by: recorder.id,
    department_id: departmentId,
    assignee_id: null,
    maintenance_id: null,
    escalated_to: null,
    first_reply_at: null,
    result: null,
    satisfaction: null,
    repair_started_at: null,
    repair_completed_at: null,
    closed_at: null,
    closed_by: null,
    close_reason: null,
    updated_at: iso(c.recorded),
  };
  chain.add({
    at: iso(c.recorded),
    actorId: recorder.id,
    entityType: 'case',
    entityId: id,
    action: 'created',
    before: null,
    after: { ...row },
  });
  events.push({
    type: 'recorded',
    at: c.occurred,
    actor: recorder.id,
    text: description,
    data: { channel: c.channel, kind: c.kind, recordedAt: iso(c.recorded) },
  });
  const step = (at: number, action: string, after: Record<string, unknown>, actor: string) => {
    row.updated_at = iso(at);
    chain.add({ at: iso(at), actorId: actor, entityType: 'case', entityId: id, action, before: null, after });
  };
  if (assignedAt < now) {
    status = 'assigned';
    row.assignee_id = assignee.id;
    events.push({
      type: 'assigned',
      at: assignedAt,
      actor: estate.manager.id,
      text: null,
      data: { departmentId, assigneeId: assignee.id },
    });
    step(assignedAt, 'assigned', { departmentId, assigneeId: assignee.id }, estate.manager.id);
  }
  const replied = replies && replyAt < now;
  if (replied) {
    const method = random.weighted({ call: 60, visit: 15, written: 25 });
    row.first_reply_at = iso(replyAt);
    if (status === 'new' || status === 'assigned') status = 'in_progress';
    events.push({ type: 'reply', at: replyAt, actor: assignee.id, text: reply, data: { method, recordedAt: iso(replyAt + 5 * MINUTE) } });
    searchParts.push(reply);
    step(replyAt, 'replied', { method, content: reply, repliedAt: iso(replyAt) }, assignee.id);
  }
  if (needsReply) {
    const { breachedAt } = obligation(sink, random, {
      estateId: estate.id,
      rule: REPLY_RULE,
      subjectType: 'case',
      subjectId: id,
      departmentId,
      openedAt: c.occurred,
      dueAt: needsReply.getTime(),
      metAt: replies ? replyAt : null,
      metBy: assignee.id,
      escalateTo: estate.manager.id,
      now,
      unsweptMs: run.unsweptMs,
    });
    if (breachedAt !== null) {
      row.escalated_to = estate.manager.id;
      events.push({ type: 'escalated', at: breachedAt, actor: null, text: null, data: { to: estate.manager.id, reason: 'overdue' } });
      step(breachedAt, 'escalated', { escalatedTo: estate.manager.id, reason: 'overdue' }, estate.manager.id);
    }
  }
  let completed: CompletedRepair | null = null;
  if (maintenance && startedAt < now) {
    status = 'in_progress';
    row.maintenance_id = maintenance.id;
    row.repair_started_at = iso(startedAt);
    events.push({ type: 'repair_started', at: startedAt, actor: maintenance.id, text: null, data: { maintenanceId: maintenance.id } });
    step(startedAt, 'repair.started', { maintenanceId: maintenance.id, startedAt: iso(startedAt) }, maintenance.id);
    if (completedAt < now) {
      status = 'resolved';
      row.repair_completed_at = iso(completedAt);
      row.result = result;
      events.push({ type: 'repair_completed', at: completedAt, actor: maintenance.id, text: result, data: { materials: null } });
      searchParts.push(result);
      step(
        completedAt,
        'repair.completed',
        { status: 'resolved', completedAt: iso(completedAt), workDone: result, materials: null },
        maintenance.id,
      );
      completed = {
        caseId: id,
        unitId: household?.unitId ?? null,
        repairClass: c.repairClass ?? 'other',
        completedAt,
        maintenanceId: maintenance.id,
        departmentId,
      };
    }
  } else if (!maintenance && resolvedAt < now && (replied || !replies)) {
    status = 'resolved';
    row.result = result;
    events.push({ type: 'resolved', at: resolvedAt, actor: assignee.id, text: result, data: {} });
    searchParts.push(result);
    step(resolvedAt, 'resolved', { status: 'resolved', result }, assignee.id);
  }
  if (status === 'resolved' && closedAt < now && random.chance(0.97)) {
    const closer = random.chance(0.7) ? random.pick(c.desk) : estate.manager;
    const satisfaction = satisfied ? 'satisfied' : 'not_satisfied';
    const withoutSatisfaction = !satisfied;
    if (c.kind === 'complaint' || satisfied) {
      events.push({ type: 'satisfaction', at: closedAt - 10 * MINUTE, actor: closer.id, text: null, data: { satisfaction } });
      row.satisfaction = satisfaction;
    }
    const by = withoutSatisfaction ? estate.manager : closer;
    status = 'closed';
    row.closed_at = iso(closedAt);
    row.closed_by = by.id;
    row.close_reason = withoutSatisfaction ? '住戶不滿意，經理按程序結案' : null;
    events.push({
      type: 'closed',
      at: closedAt,
      actor: by.id,
      text: (row.close_reason as string | null) ?? result,
      data: { withoutSatisfaction },
    });
    step(closedAt, 'closed', { status: 'closed', result, satisfaction: row.satisfaction, closeReason: row.close_reason }, by.id);
  }
  row.status = status;
  sink.add('cases', row);
  for (const e of events) {
    sink.add('case_events', {
      id: random.id(e.at),
      estate_id: estate.id,
      case_id: id,
      type: e.type,
      at: iso(e.at),
      actor_id: e.actor,
      text: e.text,
      data: JSON.stringify(e.data),
    });
  }
  sink.add('case_docs', {
    case_id: id,
    estate_id: estate.id,
    recorded_at: iso(c.recorded),
    terms: [estateToken(estate.id), ...termsOf(searchParts)],
  });
  return completed;
}
