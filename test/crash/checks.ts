import type { Kysely } from 'kysely';
import '../../src/cases/tables.js';
import '../../src/fees/tables.js';
import '../../src/followups/tables.js';
import '../../src/platform/obligations/tables.js';
import type { Database } from '../../src/platform/db/schema.js';
import { verifyHistory } from '../../src/platform/history.js';
import type { Ledger } from './workload.js';

export interface CheckReport {
  /** Acknowledged writes missing or not as acknowledged. */
  lost: string[];
  /** Broken invariants: a half-written change, a doubled or missing obligation, a gap, a broken chain. */
  broken: string[];
  /** Unanswered writes that turned out to be committed (complete, or they would be in `broken`). */
  committedUnanswered: number;
  historyEntries: number;
}

/** R-CP-1: complaints and every hotline case except praise and suggestions get a reply deadline. */
function needsReply(kind: string, channel: string): boolean {
  if (kind === 'praise' || kind === 'suggestion') return false;
  return kind === 'complaint' || channel === 'hotline';
}

function counter<K>() {
  const m = new Map<K, number>();
  return {
    add: (k: K) => m.set(k, (m.get(k) ?? 0) + 1),
    of: (k: K) => m.get(k) ?? 0,
  };
}

/**
 * Everything the crash test asserts about the database after a kill, read in one snapshot:
 * every acknowledged write is there as acknowledged, and every change that is there is whole.
 */
export async function checkDatabase(db: Kysely<Database>, estateId: string, fixerId: string, ledger: Ledger): Promise<CheckReport> {
  const lost: string[] = [];
  const broken: string[] = [];

  const cases = await db
    .selectFrom('cases')
    .select(['id', 'number', 'kind', 'channel', 'description', 'repair_started_at', 'repair_completed_at', 'maintenance_id'])
    .where('estate_id', '=', estateId)
    .execute();
  const events = await db.selectFrom('case_events').select(['case_id', 'type', 'data']).where('estate_id', '=', estateId).execute();
  const obligations = await db
    .selectFrom('obligations')
    .select(['rule', 'subject_type', 'subject_id', 'met_at', 'cancelled_at'])
    .where('estate_id', '=', estateId)
    .execute();
  const followUps = await db
    .selectFrom('followups')
    .select(['id', 'case_id', 'kind', 'status', 'result', 'problem'])
    .where('estate_id', '=', estateId)
    .execute();
  const notices = await db
    .selectFrom('rectification_notices')
    .select(['id', 'year', 'number', 'followup_id', 'required_action', 'issued_at'])
    .where('estate_id', '=', estateId)
    .execute();
  const history = await db.selectFrom('history').select(['entity_type', 'entity_id', 'action']).where('estate_id', '=', estateId).execute();
  const counters = await db.selectFrom('counters').select(['name', 'period', 'value']).where('estate_id', '=', estateId).execute();

  const caseById = new Map(cases.map((c) => [c.id, c]));
  const followUpById = new Map(followUps.map((f) => [f.id, f]));
  const noticeById = new Map(notices.map((n) => [n.id, n]));
  const followUpsOfCase = counter<string>();
  for (const f of followUps) followUpsOfCase.add(f.case_id);

  const eventsOf = counter<string>();
  const eventKey = (caseId: string, type: string, ref = '') => `${caseId}|${type}|${ref}`;
  for (const e of events) {
    const data = JSON.parse(e.data) as { followUpId?: string; noticeId?: string };
    eventsOf.add(eventKey(e.case_id, e.type, data.noticeId ?? data.followUpId ?? ''));
  }
  const historyOf = counter<string>();
  for (const h of history) historyOf.add(`${h.entity_type}|${h.entity_id}|${h.action}`);
  const obligationsOf = counter<string>();
  const metAt = new Map<string, string | null>();
  for (const o of obligations) {
    if (o.cancelled_at) continue;
    const key = `${o.rule}|${o.subject_type}|${o.subject_id}`;
    obligationsOf.add(key);
    metAt.set(key, o.met_at);
    const exists =
      o.subject_type === 'case'
        ? caseById.has(o.subject_id)
        : o.subject_type === 'followup'
          ? followUpById.has(o.subject_id)
          : o.subject_type === 'rectification_notice'
            ? noticeById.has(o.subject_id)
            : true;
    if (!exists) broken.push(`${o.rule} obligation on a ${o.subject_type} that does not exist (${o.subject_id})`);
  }
  const expectOne = (what: string, n: number, want: number) => {
    if (n !== want) broken.push(`${what}: ${n} (expected ${want})`);
  };

  // Cases: the row, its timeline, its history entry and its reply deadline, all or nothing.
  const numbers = new Set<string>();
  const perYear = counter<string>();
  for (const c of cases) {
    if (numbers.has(c.number)) broken.push(`case number ${c.number} is used twice`);
    numbers.add(c.number);
    perYear.add(c.number.slice(0, 4));
    expectOne(`case ${c.number} "recorded" events`, eventsOf.of(eventKey(c.id, 'recorded')), 1);
    expectOne(`case ${c.number} history "created" entries`, historyOf.of(`case|${c.id}|created`), 1);
    expectOne(`case ${c.number} R-CP-1 obligations`, obligationsOf.of(`R-CP-1|case|${c.id}`), needsReply(c.kind, c.channel) ? 1 : 0);
    const started = c.repair_started_at ? 1 : 0;
    expectOne(`case ${c.number} "repair_started" events`, eventsOf.of(eventKey(c.id, 'repair_started')), started);
    expectOne(`case ${c.number} history "repair.started" entries`, historyOf.of(`case|${c.id}|repair.started`), started);
    const completed = c.repair_completed_at ? 1 : 0;
    expectOne(`case ${c.number} "repair_completed" events`, eventsOf.of(eventKey(c.id, 'repair_completed')), completed);
    expectOne(`case ${c.number} "follow_up_scheduled" events`, eventsOf.of(eventKey(c.id, 'follow_up_scheduled')), completed);
    expectOne(`case ${c.number} history "repair.completed" entries`, historyOf.of(`case|${c.id}|repair.completed`), completed);
    expectOne(`case ${c.number} follow-up visits`, followUpsOfCase.of(c.id), completed);
  }
  for (const [year, n] of [...new Set(cases.map((c) => c.number.slice(0, 4)))].map((y) => [y, perYear.of(y)] as const)) {
    const value = counters.find((k) => k.name === 'case' && k.period === year)?.value ?? 0;
    if (Number(value) !== n) broken.push(`the case counter for ${year} is at ${value} but ${n} cases exist`);
  }

  // Follow-ups: R-FU-1 once; a recorded problem opens R-RC-1 once; a notice meets it.
  const noticesOf = counter<string>();
  for (const n of notices) if (n.followup_id) noticesOf.add(n.followup_id);
  for (const f of followUps) {
    const label = `follow-up ${f.id}`;
    expectOne(`${label} history "scheduled" entries`, historyOf.of(`followup|${f.id}|scheduled`), 1);
    expectOne(`${label} R-FU-1 obligations`, obligationsOf.of(`R-FU-1|followup|${f.id}`), 1);
    const done = f.status === 'done' ? 1 : 0;
    if (Boolean(metAt.get(`R-FU-1|followup|${f.id}`)) !== Boolean(done))
      broken.push(`${label} is ${f.status} but its R-FU-1 met is ${metAt.get(`R-FU-1|followup|${f.id}`)}`);
    expectOne(`${label} "follow_up" events`, eventsOf.of(eventKey(f.case_id, 'follow_up', f.id)), done);
    expectOne(`${label} history "recorded" entries`, historyOf.of(`followup|${f.id}|recorded`), done);
    const problem = f.result === 'problem' ? 1 : 0;
    expectOne(`${label} R-RC-1 obligations`, obligationsOf.of(`R-RC-1|followup|${f.id}`), problem);
    const issued = noticesOf.of(f.id);
    if (issued > 1) broken.push(`${label} has ${issued} notices; each was sent once`);
    if (problem && Boolean(metAt.get(`R-RC-1|followup|${f.id}`)) !== issued > 0)
      broken.push(`${label} has ${issued} notices but its R-RC-1 met is ${metAt.get(`R-RC-1|followup|${f.id}`)}`);
  }

  // Notices: R-RC-2 once, on the case's timeline, in the history; numbers without gaps.
  const byYear = new Map<number, number[]>();
  for (const n of notices) {
    const label = `notice ${n.year}-${String(n.number).padStart(4, '0')}`;
    expectOne(`${label} R-RC-2 obligations`, obligationsOf.of(`R-RC-2|rectification_notice|${n.id}`), 1);
    const f = n.followup_id ? followUpById.get(n.followup_id) : undefined;
    if (!f) broken.push(`${label} names a follow-up that does not exist`);
    else {
      expectOne(`${label} timeline events`, eventsOf.of(eventKey(f.case_id, 'rectification_notice', n.id)), 1);
      const met = metAt.get(`R-RC-1|followup|${f.id}`);
      if (!met || new Date(met).getTime() !== new Date(n.issued_at).getTime())
        broken.push(`${label} was issued at ${n.issued_at} but the R-RC-1 of its follow-up was met at ${met}`);
    }
    expectOne(`${label} history "issued" entries`, historyOf.of(`rectification_notice|${n.id}|issued`), 1);
    byYear.set(n.year, [...(byYear.get(n.year) ?? []), n.number]);
  }
  for (const [year, list] of byYear) {
    list.sort((a, b) => a - b);
    const gap = list.findIndex((n, i) => n !== i + 1);
    if (gap >= 0) broken.push(`notice numbers of ${year} are not 1..${list.length}: found ${list[gap]} at position ${gap + 1}`);
    const value = counters.find((k) => k.name === 'rectification_notice' && k.period === String(year))?.value ?? 0;
    if (Number(value) !== list.length) broken.push(`the notice counter for ${year} is at ${value} but ${list.length} notices exist`);
  }

  // History entries of these records point at rows that exist (no half-rolled-back change).
  for (const h of history) {
    const missing =
      (h.entity_type === 'case' && !caseById.has(h.entity_id)) ||
      (h.entity_type === 'followup' && !followUpById.has(h.entity_id)) ||
      (h.entity_type === 'rectification_notice' && !noticeById.has(h.entity_id));
    if (missing) broken.push(`history entry ${h.entity_type} ${h.action} for ${h.entity_id}, which does not exist`);
  }

  // Every acknowledged write, by id and content.
  for (const a of ledger.cases.values()) {
    const c = caseById.get(a.id);
    if (!c) lost.push(`case ${a.number} (${a.id})`);
    else if (c.number !== a.number || c.description !== a.description || c.kind !== a.kind || c.channel !== a.channel)
      lost.push(`case ${a.number} differs: ${JSON.stringify(c)}`);
  }
  for (const caseId of ledger.started) {
    const c = caseById.get(caseId);
    if (!c?.repair_started_at || c.maintenance_id !== fixerId) lost.push(`repair start of ${caseId}`);
  }
  for (const caseId of ledger.completed) {
    const c = caseById.get(caseId);
    if (!c?.repair_completed_at || followUpsOfCase.of(caseId) !== 1) lost.push(`repair completion of ${caseId}`);
  }
  for (const [followUpId, problem] of ledger.problems) {
    const f = followUpById.get(followUpId);
    if (f?.status !== 'done' || f.result !== 'problem' || f.problem !== problem) lost.push(`follow-up result of ${followUpId}`);
  }
  for (const a of ledger.notices.values()) {
    const n = noticeById.get(a.id);
    if (!n) lost.push(`notice ${a.code} (${a.id})`);
    else if (
      n.year !== a.year ||
      n.number !== a.number ||
      n.followup_id !== a.followUpId ||
      n.required_action !== a.requiredAction ||
      a.code !== `${n.year}-${String(n.number).padStart(4, '0')}`
    )
      lost.push(`notice ${a.code} differs: ${JSON.stringify(n)}`);
  }

  checkPayments(await paymentsOf(db, estateId), counters, historyOf.of, ledger, lost, broken);

  const descriptions = new Set(cases.map((c) => c.description));
  let committedUnanswered = 0;
  for (const d of ledger.unansweredCases) if (descriptions.has(d)) committedUnanswered++;
  for (const f of ledger.unansweredNotices) if (noticesOf.of(f) > 0) committedUnanswered++;

  const verified = await verifyHistory(db);
  if (!verified.ok)
    broken.push(`history verify: chain ${verified.problem?.chain} at entry ${verified.problem?.seq}: ${verified.problem?.reason}`);
  return { lost, broken, committedUnanswered, historyEntries: verified.entries };
}

async function paymentsOf(db: Kysely<Database>, estateId: string) {
  const payments = await db
    .selectFrom('fee_payments')
    .select(['id', 'receipt_year', 'receipt_seq', 'receipt_number', 'amount', 'unit_id'])
    .where('estate_id', '=', estateId)
    .execute();
  const allocations = await db.selectFrom('fee_allocations').select(['payment_id', 'amount']).where('estate_id', '=', estateId).execute();
  const keys = await db
    .selectFrom('idempotency_keys')
    .select(['key', 'record_id'])
    .where('estate_id', '=', estateId)
    .where('operation', '=', 'takeFeePayment')
    .execute();
  return { payments, allocations, keys };
}

/**
 * R-FE-2: no acknowledged receipt is lost or changed; receipt numbers run 1..n per year with no
 * gap and no repeat, the counter at n; each payment is allocated in full and in the history once;
 * a key retried after a kill named one receipt only.
 */
function checkPayments(
  found: Awaited<ReturnType<typeof paymentsOf>>,
  counters: { name: string; period: string; value: number }[],
  historyOf: (key: string) => number,
  ledger: Ledger,
  lost: string[],
  broken: string[],
): void {
  const byId = new Map(found.payments.map((p) => [p.id, p]));
  for (const a of ledger.payments.values()) {
    const p = byId.get(a.id);
    if (!p) lost.push(`receipt ${a.receiptNumber} (${a.id})`);
    else if (
      p.receipt_number !== a.receiptNumber ||
      Number(p.amount) !== a.amount ||
      p.unit_id !== a.unitId ||
      Number(p.receipt_seq) !== a.seq
    )
      lost.push(`receipt ${a.receiptNumber} differs: ${JSON.stringify(p)}`);
  }
  const seqsByYear = new Map<number, number[]>();
  for (const p of found.payments)
    seqsByYear.set(Number(p.receipt_year), [...(seqsByYear.get(Number(p.receipt_year)) ?? []), Number(p.receipt_seq)]);
  for (const [year, seqs] of seqsByYear) {
    const sorted = [...seqs].sort((x, y) => x - y);
    if (sorted.some((n, i) => n !== i + 1)) broken.push(`receipt numbers of ${year} are not 1..${sorted.length}: ${sorted.join(',')}`);
    const value = counters.find((k) => k.name === 'fee_receipt' && k.period === String(year))?.value ?? 0;
    if (Number(value) !== sorted.length) broken.push(`the receipt counter for ${year} is at ${value} but ${sorted.length} receipts exist`);
  }
  const allocated = new Map<string, number>();
  for (const a of found.allocations) allocated.set(a.payment_id, (allocated.get(a.payment_id) ?? 0) + Number(a.amount));
  for (const p of found.payments) {
    if ((allocated.get(p.id) ?? 0) !== Number(p.amount))
      broken.push(`receipt ${p.receipt_number} is allocated ${allocated.get(p.id) ?? 0} of ${p.amount}`);
    if (historyOf(`fee_payment|${p.id}|received`) !== 1)
      broken.push(`receipt ${p.receipt_number} has ${historyOf(`fee_payment|${p.id}|received`)} history entries`);
  }
  // Every payment was sent with a key, and each key names exactly one receipt.
  const recordOfKey = new Map(found.keys.map((k) => [k.key, k.record_id]));
  if (found.keys.length !== found.payments.length)
    broken.push(`${found.payments.length} receipts but ${found.keys.length} idempotency keys`);
  for (const a of ledger.payments.values())
    if (recordOfKey.get(a.key) !== a.id)
      broken.push(`key ${a.key} names ${recordOfKey.get(a.key)} but answered receipt ${a.receiptNumber}`);
}
