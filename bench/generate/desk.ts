import { CALLBACK_RULE, callbackDueAt, WAIT_RULE, waitLimitAt } from '../../src/frontdesk/rules.js';
import { type CaseRun, POLICY } from './cases.js';
import { obligation } from './obligations.js';
import { DAY, HOUR, iso, MINUTE } from './random.js';

const NAMES = ['陳先生', '李太', '張小姐', '黃先生', '王太', '劉先生', '承辦商', '業委會主席'];
const MESSAGES = ['請回電商討維修安排', '想約時間簽收文件', '查詢上次投訴進度', '關於停車位申請', '管理費收據問題'];
const PURPOSES = { inquiry: 35, repair: 25, fee: 20, complaint: 10, other: 10 } as const;

/** The front desk's messages for colleagues (R-PH-3) and walk-in visits (R-WK-4) over the span. */
export function generateDesk(run: CaseRun, counts: { messages: number; visits: number }): void {
  const { sink, random, estate, now } = run;
  const desk = estate.byRole('receptionist');
  const office = estate.staff.filter((s) => s.role !== 'receptionist');
  const when = () => {
    const day = Math.floor(random.between(run.from, now) / DAY) * DAY;
    return Math.min(now - MINUTE, day + random.between(1, 12) * HOUR);
  };
  for (let i = 0; i < counts.messages; i++) {
    const takenAt = when();
    const taker = random.pick(desk);
    const forStaff = random.pick(office);
    const reason = random.chance(0.7) ? 'promise' : 'absent';
    const expectedBack = reason === 'absent' ? takenAt + random.between(1, 3) * HOUR : null;
    const due = Date.parse(
      callbackDueAt({
        reason,
        takenAt: iso(takenAt),
        expectedBackAt: expectedBack === null ? null : iso(expectedBack),
        timeZone: 'Asia/Hong_Kong',
        policy: POLICY,
      }),
    );
    const calledBack = random.chance(0.97) ? takenAt + random.wait((due - takenAt) * 0.3) : null;
    const done = calledBack !== null && calledBack < now;
    const row = {
      id: random.id(takenAt),
      estate_id: estate.id,
      taken_at: iso(takenAt),
      caller_name: random.pick(NAMES),
      caller_phone: random.chance(0.8) ? random.pick(estate.households).phone : null,
      unit_id: random.chance(0.7) ? random.pick(estate.households).unitId : null,
      text: random.pick(MESSAGES),
      for_id: forStaff.id,
      taken_by: taker.id,
      reason,
      from_transfer: random.chance(0.3) ? 1 : 0,
      expected_back_at: expectedBack === null ? null : iso(expectedBack),
      callback_due_at: iso(due),
      called_back_at: done ? iso(calledBack) : null,
      called_back_by: done ? forStaff.id : null,
      callback_note: done ? '已回電' : null,
      handed_on_from: null,
      call_id: null,
    };
    sink.add('messages', row);
    obligation(sink, random, {
      estateId: estate.id,
      rule: CALLBACK_RULE,
      subjectType: 'message',
      subjectId: row.id,
      ownerId: forStaff.id,
      openedAt: takenAt,
      dueAt: due,
      metAt: calledBack,
      metBy: forStaff.id,
      now,
      unsweptMs: run.unsweptMs,
      data: { callerName: row.caller_name, reason },
    });
    run.chain.add({
      at: row.taken_at,
      actorId: taker.id,
      entityType: 'message',
      entityId: row.id,
      action: 'taken',
      before: null,
      after: row,
    });
    if (done)
      run.chain.add({
        at: row.called_back_at as string,
        actorId: forStaff.id,
        entityType: 'message',
        entityId: row.id,
        action: 'called_back',
        before: null,
        after: { calledBackAt: row.called_back_at },
      });
  }
  for (let i = 0; i < counts.visits; i++) {
    const arrivedAt = when();
    const clerk = random.pick(desk);
    const purpose = random.weighted(PURPOSES);
    const receiver = random.pick(desk);
    const receivedAt = arrivedAt + (random.chance(0.9) ? random.between(0.5, 4.5) : random.between(5.5, 15)) * MINUTE;
    const departedAt = receivedAt + random.between(5, 40) * MINUTE;
    const received = receivedAt < now;
    const departed = departedAt < now;
    const household = random.chance(0.8) ? random.pick(estate.households) : null;
    const row = {
      id: random.id(arrivedAt),
      estate_id: estate.id,
      status: departed ? 'departed' : received ? 'serving' : 'waiting',
      arrived_at: iso(arrivedAt),
      visitor_name: household?.name ?? random.pick(NAMES),
      unit_id: household?.unitId ?? null,
      resident_id: household?.residentId ?? null,
      purpose,
      note: null,
      asked_for_id: null,
      routed_to_id: receiver.id,
      suggestion: JSON.stringify({
        rule: 'R-WK-2',
        receiver: { id: receiver.id, name: receiver.name, seat: null },
        reason: 'seat_order',
        routedTo: null,
        sameDuty: [],
        options: [],
        waiting: 0,
      }),
      acknowledged_at: iso(arrivedAt + 20_000),
      received_at: received ? iso(receivedAt) : null,
      received_by: received ? receiver.id : null,
      departed_at: departed ? iso(departedAt) : null,
      outcome: departed ? '已處理' : null,
      case_id: null,
      recorded_by: clerk.id,
    };
    sink.add('visits', row);
    obligation(sink, random, {
      estateId: estate.id,
      rule: WAIT_RULE,
      subjectType: 'visit',
      subjectId: row.id,
      openedAt: arrivedAt,
      dueAt: Date.parse(waitLimitAt(iso(arrivedAt), POLICY)),
      metAt: receivedAt,
      metBy: receiver.id,
      now,
      unsweptMs: run.unsweptMs,
      data: { purpose },
    });
    run.chain.add({
      at: row.arrived_at,
      actorId: clerk.id,
      entityType: 'visit',
      entityId: row.id,
      action: 'arrived',
      before: null,
      after: row,
    });
    if (departed)
      run.chain.add({
        at: row.departed_at as string,
        actorId: receiver.id,
        entityType: 'visit',
        entityId: row.id,
        action: 'departed',
        before: null,
        after: { outcome: row.outcome },
      });
  }
}
