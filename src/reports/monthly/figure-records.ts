import { type Actor, requireAbility } from '../../auth/index.js';
import { type CaseFigureFilter, caseNumbers, casesOfFigure } from '../../cases/index.js';
import { CaseKind, RepairClass } from '../../contract/common.js';
import { type FigureRecord, REPORTED_RULES } from '../../contract/reports.js';
import { minorUnitsPerMajor, receiptsOfFigure } from '../../fees/index.js';
import { type FollowUpFigureFilter, followUpRecordsOfFigure, followUpSubjects } from '../../followups/index.js';
import { type DeskFigure, deskRecordsOfFigure, deskSubjects, visitWaits } from '../../frontdesk/index.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type DeadlineState, deadlinesOfRule } from '../../platform/obligations/index.js';
import { isPhoneFigure, pbxCallsOfFigure } from '../../telephony/index.js';
import { snapshotsOf } from '../snapshots.store.js';
import { waitedOverLimit } from './figures.js';
import { type EstateOfReport, estateOfReport, type Period, periodOf } from './period.js';

type Page = { items: FigureRecord[]; total: number; page: number; pageSize: number };
type Ask = { estate: EstateOfReport; period: Period; asOf: string; page: number; pageSize: number };

function unknownFigure(figure: string): AppError {
  const message = `no records are listed for the figure ${figure}`;
  return new AppError('validation.failed', message, { issues: [{ path: 'query.figure', message }] });
}

/**
 * The records behind one figure of the monthly report, counted by the same predicates as the
 * figure, a page at a time, each with what opens it (its case). Records are read live: for a
 * frozen month they show the records as they are now (corrections included).
 */
export async function figureRecords(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; month: string; figure: string; asOf?: string | undefined; page: number; pageSize: number },
): Promise<Page> {
  requireAbility(opts.actor, opts.estateId, 'report.read');
  const estate = await estateOfReport(ctx, opts.estateId);
  const period = periodOf(opts.month, estate.timeZone);
  const now = ctx.clock.now().toISOString();
  // A frozen month's records are read as of the instant it was frozen at, like its figures.
  const frozen = opts.asOf === undefined && now >= period.end ? (await snapshotsOf(ctx.db, estate.id, [opts.month]))[0] : undefined;
  const asOf = opts.asOf ?? frozen?.as_of ?? now;
  const ask: Ask = { estate, period, asOf, page: opts.page, pageSize: opts.pageSize };
  const { items, total } = await recordsOf(ctx, opts.figure, ask);
  return { items, total, page: opts.page, pageSize: opts.pageSize };
}

async function recordsOf(ctx: AppContext, figure: string, a: Ask): Promise<{ items: FigureRecord[]; total: number }> {
  const [head, second, third] = figure.split('.');
  const p = { estateId: a.estate.id, from: a.period.start, to: a.period.end, page: a.page, pageSize: a.pageSize };
  if (head === 'cases') {
    const filter = caseFilter(second, third);
    if (!filter) throw unknownFigure(figure);
    return caseRecords(ctx, p, filter);
  }
  if (head === 'complaints') {
    const satisfaction = { closed: undefined, satisfied: 'satisfied', notSatisfied: 'not_satisfied', closedWithout: null } as const;
    if (!second || !(second in satisfaction)) throw unknownFigure(figure);
    return caseRecords(ctx, p, { by: 'closedComplaint', satisfaction: satisfaction[second as keyof typeof satisfaction] });
  }
  if (head === 'rules') return deadlineRecords(ctx, figure, second, third, a);
  if (head === 'followUps' || head === 'spotCheck' || head === 'notices') {
    const filter = followUpFilter(head, second, third, a);
    if (!filter) throw unknownFigure(figure);
    const r = await followUpRecordsOfFigure(ctx.db, { ...p, filter });
    return {
      total: r.total,
      items: r.items.map((i) => ({ ...i, caseId: i.case_id, label: i.label ?? '', dueAt: i.due_at, metAt: i.met_at })),
    };
  }
  if (head === 'desk') return deskRecords(ctx, figure, second, a, p);
  if (head === 'phone') {
    if (!isPhoneFigure(second) || third !== undefined) throw unknownFigure(figure);
    const r = await pbxCallsOfFigure(ctx.db, { ...p, figure: second });
    return {
      total: r.total,
      items: r.items.map((c) => ({
        type: 'call' as const,
        id: c.id,
        caseId: null,
        label: c.label,
        at: c.ringingAt,
        dueAt: null,
        metAt: c.answeredAt,
        detail: c.detail,
      })),
    };
  }
  if (head === 'fees' && (second === 'receipts' || second === 'voided')) {
    const r = await receiptsOfFigure(ctx.db, { ...p, asOf: a.asOf, figure: second });
    return {
      total: r.total,
      items: r.items.map((i) => ({
        type: 'payment' as const,
        id: i.id,
        caseId: null,
        label: i.receipt_number,
        at: i.at,
        dueAt: null,
        metAt: null,
        detail: [money(Number(i.amount), i.currency), i.payer, i.reason].filter(Boolean).join(' · '),
      })),
    };
  }
  throw unknownFigure(figure);
}

function money(amount: number, currency: string): string {
  const per = minorUnitsPerMajor(currency);
  return `${currency} ${(amount / per).toFixed(Math.round(Math.log10(per)))}`;
}

function caseFilter(second: string | undefined, third: string | undefined): CaseFigureFilter | null {
  if (second === 'total' && third === undefined) return { by: 'occurred' };
  if (second === 'kind' && CaseKind.safeParse(third).success) return { by: 'occurred', kind: third as string };
  if (second === 'channel' && ['counter', 'phone', 'hotline', 'portal'].includes(third ?? ''))
    return { by: 'occurred', channel: third as string };
  if (second === 'repairClass' && RepairClass.safeParse(third).success)
    return { by: 'occurred', kind: 'repair', repairClass: third as string };
  return null;
}

async function caseRecords(
  ctx: AppContext,
  p: Parameters<typeof casesOfFigure>[1] extends infer T ? Omit<T & object, 'filter'> : never,
  filter: CaseFigureFilter,
) {
  const r = await casesOfFigure(ctx.db, { ...p, filter });
  return {
    total: r.total,
    items: r.items.map((c) => ({
      type: 'case' as const,
      id: c.id,
      caseId: c.id,
      label: c.number,
      at: filter.by === 'occurred' ? c.occurred_at : (c.closed_at ?? c.occurred_at),
      dueAt: null,
      metAt: null,
      detail: c.description.slice(0, 120),
    })),
  };
}

function followUpFilter(head: string, second: string | undefined, third: string | undefined, a: Ask): FollowUpFigureFilter | null {
  if (head === 'followUps') {
    if (second === 'recorded' && third === undefined) return { of: 'visits' };
    if (second === 'result' && ['ok', 'problem', 'unreachable'].includes(third ?? '')) return { of: 'visits', result: third as string };
    return null;
  }
  if (head === 'spotCheck') {
    const verdicts = {
      sampled: undefined,
      confirmed: 'confirmed',
      discrepancy: 'discrepancy',
      unreachable: 'unreachable',
      pending: null,
    } as const;
    if (!second || !(second in verdicts) || third !== undefined) return null;
    return { of: 'spotCheck', month: a.period.month, verdict: verdicts[second as keyof typeof verdicts] };
  }
  if (second === 'issued') return { of: 'notices' };
  if (second === 'acknowledged' || second === 'unacknowledged')
    return { of: 'notices', acknowledgedBy: { asOf: a.asOf, acknowledged: second === 'acknowledged' } };
  return null;
}

async function deadlineRecords(ctx: AppContext, figure: string, rule: string | undefined, state: string | undefined, a: Ask) {
  const states: Record<string, DeadlineState | null> = { due: null, onTime: 'onTime', late: 'late', open: 'open', overdue: 'overdue' };
  if (!rule || !(REPORTED_RULES as readonly string[]).includes(rule) || !state || !(state in states)) throw unknownFigure(figure);
  const r = await deadlinesOfRule(ctx.db, {
    estateId: a.estate.id,
    from: a.period.start,
    to: a.period.end,
    asOf: a.asOf,
    rule,
    state: states[state] ?? null,
    page: a.page,
    pageSize: a.pageSize,
  });
  const subjects = new Map<string, { caseId: string | null; label: string }>();
  for (const type of new Set(r.items.map((i) => i.subject_type))) {
    const ids = r.items.filter((i) => i.subject_type === type).map((i) => i.subject_id);
    if (type === 'case')
      for (const [id, number] of await caseNumbers(ctx.db, a.estate.id, ids)) subjects.set(id, { caseId: id, label: number });
    for (const s of await followUpSubjects(ctx.db, a.estate.id, type, ids)) subjects.set(s.id, s);
    for (const s of await deskSubjects(ctx.db, a.estate.id, type, ids)) subjects.set(s.id, s);
  }
  return {
    total: r.total,
    items: r.items.map((o) => {
      const s = subjects.get(o.subject_id);
      return {
        type: recordType(o.subject_type),
        id: o.subject_id,
        caseId: s?.caseId ?? null,
        label: s?.label ?? o.subject_type,
        at: o.due_at,
        dueAt: o.due_at,
        metAt: o.met_at,
        detail: rule,
      };
    }),
  };
}

function recordType(subjectType: string): FigureRecord['type'] {
  if (subjectType === 'followup' || subjectType === 'spot_check_item') return 'followup';
  if (subjectType === 'rectification_notice') return 'notice';
  if (subjectType === 'message') return 'message';
  if (subjectType === 'visit') return 'visit';
  if (subjectType === 'spot_check') return 'spotcheck';
  return 'case';
}

async function deskRecords(
  ctx: AppContext,
  figure: string,
  second: string | undefined,
  a: Ask,
  p: { estateId: string; from: string; to: string },
) {
  if (second === 'waitedOverLimit') {
    const over = waitedOverLimit(await visitWaits(ctx.db, p), Date.parse(a.asOf), a.estate.waitLimitMinutes);
    const page = over.slice((a.page - 1) * a.pageSize, a.page * a.pageSize);
    return {
      total: over.length,
      items: page.map((v) => ({
        type: 'visit' as const,
        id: v.id,
        caseId: null,
        label: v.visitor_name ?? v.purpose,
        at: v.arrived_at,
        dueAt: null,
        metAt: v.received_at,
        detail: null,
      })),
    };
  }
  if (!second || !['calls', 'messages', 'callBacks', 'visits'].includes(second)) throw unknownFigure(figure);
  const r = await deskRecordsOfFigure(ctx.db, { ...p, figure: second as DeskFigure, page: a.page, pageSize: a.pageSize });
  return {
    total: r.total,
    items: r.items.map((i) => ({
      type: i.type,
      id: i.id,
      caseId: i.case_id,
      label: i.label,
      at: i.at,
      dueAt: i.due_at,
      metAt: i.met_at,
      detail: i.detail,
    })),
  };
}
