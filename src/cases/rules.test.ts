import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../contract/directory.js';
import { obligationState } from '../platform/obligations/index.js';
import {
  canMove,
  caseNumber,
  closeDecision,
  departmentsFor,
  escalationRole,
  forwardProblem,
  OPEN_STATUSES,
  replyDueAt,
  replyOnTime,
  satisfactionEscalates,
} from './rules.js';

const policy = defaultPolicy();
const at = (iso: string) => new Date(iso);
const H = 3_600_000;

describe('open cases', () => {
  it('are those in every status but closed (the open-case list and loads count them)', () => {
    expect([...OPEN_STATUSES].sort()).toEqual(['assigned', 'in_progress', 'new', 'resolved']);
  });
});

describe('R-CP-1 reply deadlines', () => {
  const occurred = '2026-11-20T09:00:00.000Z';
  it.each([
    { rule: 'R-CP-1', kind: 'complaint', channel: 'counter', due: '2026-11-23T09:00:00.000Z', why: 'a complaint at the counter: 72 h' },
    { rule: 'R-CP-1', kind: 'complaint', channel: 'phone', due: '2026-11-23T09:00:00.000Z', why: 'a complaint by phone: 72 h' },
    { rule: 'R-CP-1', kind: 'inquiry', channel: 'hotline', due: '2026-11-23T09:00:00.000Z', why: 'anything on the hotline: 72 h' },
    { rule: 'R-CP-1', kind: 'repair', channel: 'hotline', due: '2026-11-23T09:00:00.000Z', why: 'a repair on the hotline: 72 h' },
    { rule: 'R-CP-1', kind: 'complaint', channel: 'portal', due: '2026-11-23T09:00:00.000Z', why: 'a complaint from the portal: 72 h' },
    { rule: 'R-CP-1', kind: 'inquiry', channel: 'counter', due: null, why: 'an inquiry at the counter: none' },
    { rule: 'R-CP-1', kind: 'repair', channel: 'phone', due: null, why: 'a repair by phone: none (follow-ups cover repairs)' },
    { rule: 'R-IN-2', kind: 'praise', channel: 'hotline', due: null, why: 'praise carries no deadline, even on the hotline' },
    { rule: 'R-IN-2', kind: 'suggestion', channel: 'hotline', due: null, why: 'a suggestion carries no deadline' },
  ] as const)('[$rule] $why', ({ kind, channel, due }) => {
    const got = replyDueAt(kind, channel, at(occurred), policy);
    expect(got?.toISOString() ?? null).toBe(due);
  });

  it('[R-CP-1] the limit is the estate policy, not a constant', () => {
    expect(replyDueAt('complaint', 'counter', at(occurred), { complaintReplyHours: 48 })?.toISOString()).toBe('2026-11-22T09:00:00.000Z');
  });

  it.each([
    { repliedAfterHours: 71, onTime: true },
    { repliedAfterHours: 72, onTime: true },
    { repliedAfterHours: 72.01, onTime: false },
    { repliedAfterHours: 73, onTime: false },
  ])('[R-CP-1] a reply $repliedAfterHours h after it happened is on time: $onTime', ({ repliedAfterHours, onTime }) => {
    const due = replyDueAt('complaint', 'hotline', at(occurred), policy) as Date;
    expect(replyOnTime(new Date(at(occurred).getTime() + repliedAfterHours * H), due)).toBe(onTime);
  });
});

describe('R-CP-4 overdue replies escalate to the manager', () => {
  it.each([
    { rule: 'R-CP-4', hoursSince: 73, state: 'overdue' },
    { rule: 'R-CP-4', hoursSince: 71, state: 'due_soon' },
    { rule: 'R-CP-4', hoursSince: 10, state: 'open' },
  ])('[$rule] $hoursSince h after a hotline complaint with no reply: $state', ({ hoursSince, state }) => {
    const occurred = at('2026-11-20T09:00:00.000Z');
    const due = replyDueAt('complaint', 'hotline', occurred, policy) as Date;
    const asOf = new Date(occurred.getTime() + hoursSince * H);
    expect(obligationState({ met_at: null, cancelled_at: null, due_at: due.toISOString() }, asOf)).toBe(state);
  });

  it('[R-CP-4] an overdue R-CP-1 reply goes to the manager', () => {
    expect(escalationRole('R-CP-1')).toBe('manager');
  });

  it('[R-CP-4] a met obligation is never overdue', () => {
    expect(
      obligationState(
        { met_at: '2026-11-21T00:00:00.000Z', cancelled_at: null, due_at: '2026-11-20T00:00:00.000Z' },
        at('2026-12-01T00:00:00.000Z'),
      ),
    ).toBe('met');
  });
});

describe('R-CP-3 closing a complaint', () => {
  const complaint = (result: string | null, satisfaction: 'satisfied' | 'not_satisfied' | null) => ({
    kind: 'complaint' as const,
    result,
    satisfaction,
  });
  it.each([
    {
      rule: 'R-CP-3',
      why: 'result and satisfied: closes',
      c: complaint('已更換燈泡', 'satisfied'),
      mayCloseUnsatisfied: false,
      reason: undefined,
      ok: true,
    },
    {
      rule: 'R-CP-3',
      why: 'no result: refused',
      c: complaint(null, 'satisfied'),
      mayCloseUnsatisfied: true,
      reason: 'x',
      ok: false,
      code: 'case.close_needs_result',
    },
    {
      rule: 'R-CP-3',
      why: 'no satisfaction, without case.close.unsatisfied (a receptionist): refused',
      c: complaint('已處理', null),
      mayCloseUnsatisfied: false,
      reason: '業戶拒絕',
      ok: false,
      code: 'case.close_needs_satisfaction',
    },
    {
      rule: 'R-CP-3',
      why: 'not satisfied, without case.close.unsatisfied (a department): stays open',
      c: complaint('已處理', 'not_satisfied'),
      mayCloseUnsatisfied: false,
      reason: undefined,
      ok: false,
      code: 'case.close_needs_satisfaction',
    },
    {
      rule: 'R-CP-3',
      why: 'no satisfaction, a manager (case.close.unsatisfied) without reason: refused',
      c: complaint('已處理', null),
      mayCloseUnsatisfied: true,
      reason: undefined,
      ok: false,
      code: 'case.close_needs_reason',
    },
    {
      rule: 'R-CP-3',
      why: 'no satisfaction, a manager (case.close.unsatisfied) with reason: closes',
      c: complaint('已處理', null),
      mayCloseUnsatisfied: true,
      reason: '業戶拒絕回答',
      ok: true,
    },
    {
      rule: 'R-CP-3',
      why: 'not satisfied, an admin (case.close.unsatisfied) with reason: closes',
      c: complaint('已處理', 'not_satisfied'),
      mayCloseUnsatisfied: true,
      reason: '已向總公司報告',
      ok: true,
    },
    {
      rule: 'R-CP-3',
      why: 'an inquiry closes without satisfaction',
      c: { kind: 'inquiry' as const, result: null, satisfaction: null },
      mayCloseUnsatisfied: false,
      reason: undefined,
      ok: true,
    },
  ] as const)('[$rule] $why', ({ c, mayCloseUnsatisfied, reason, ok, ...rest }) => {
    const d = closeDecision(c, { mayCloseUnsatisfied }, { reason });
    expect(d.ok).toBe(ok);
    if (!d.ok) {
      expect(d.code).toBe((rest as { code: string }).code);
      expect(d.message).toContain('R-CP-3');
    }
  });

  it.each([
    { kind: 'complaint', satisfaction: 'not_satisfied', escalates: true },
    { kind: 'complaint', satisfaction: 'satisfied', escalates: false },
    { kind: 'repair', satisfaction: 'not_satisfied', escalates: false },
  ] as const)('[R-CP-3] $kind, $satisfaction: escalates $escalates', ({ kind, satisfaction, escalates }) => {
    expect(satisfactionEscalates(kind, satisfaction)).toBe(escalates);
  });
});

describe('R-CP-2 forwarding and routing by duty', () => {
  const departments = [
    { id: 'fd', caseKinds: ['inquiry', 'message'], repairClasses: [] },
    { id: 'pm', caseKinds: ['complaint', 'inquiry'], repairClasses: [] },
    { id: 'en', caseKinds: ['repair'], repairClasses: ['safety', 'leak', 'other'] },
    { id: 'se', caseKinds: ['complaint'], repairClasses: ['safety'] },
  ];
  it.each([
    { rule: 'R-CP-2', kind: 'complaint', repairClass: null, first: 'pm', all: ['pm', 'se'] },
    { rule: 'R-CP-2', kind: 'repair', repairClass: 'leak', first: 'en', all: ['en'] },
    { rule: 'R-CP-2', kind: 'repair', repairClass: 'safety', first: 'en', all: ['en', 'se'] },
    { rule: 'R-CP-2', kind: 'fee', repairClass: null, first: undefined, all: [] },
  ] as const)('[$rule] $kind $repairClass goes to $first', ({ kind, repairClass, first, all }) => {
    const got = departmentsFor(kind, repairClass, departments);
    expect(got[0]?.id).toBe(first);
    expect(got.map((d) => d.id)).toEqual(all);
  });

  it.each([
    { rule: 'R-CP-2', from: 'pm', to: 'en', reason: '屬工程問題', problem: null },
    { rule: 'R-CP-2', from: 'pm', to: 'pm', reason: 'x', problem: 'departmentId' },
    { rule: 'R-CP-2', from: null, to: 'en', reason: '  ', problem: 'reason' },
  ])('[$rule] forward $from → $to: $problem', ({ from, to, reason, problem }) => {
    const got = forwardProblem(from, to, reason);
    if (problem) expect(got).toMatch(new RegExp(`^${problem}:`));
    else expect(got).toBeNull();
  });
});

describe('case lifecycle and numbers', () => {
  it.each([
    ['new', 'assigned', true],
    ['assigned', 'in_progress', true],
    ['in_progress', 'resolved', true],
    ['resolved', 'closed', true],
    ['closed', 'assigned', false],
    ['resolved', 'new', false],
  ] as const)('%s → %s: %s', (from, to, ok) => {
    expect(canMove(from, to)).toBe(ok);
  });

  it('numbers are the year and a five-digit sequence', () => {
    expect(caseNumber(2026, 42)).toBe('2026-00042');
  });
});
