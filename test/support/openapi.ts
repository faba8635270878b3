import { expect } from 'vitest';
import { inviteResident } from '../../src/auth/residents/invite-resident.js';
import { addAttachment } from '../../src/cases/attachments/add-attachment.js';
import { resolveCase } from '../../src/cases/closing/resolve-case.js';
import { createCase } from '../../src/cases/intake/create-case.js';
import { completeRepair } from '../../src/cases/repairs/complete-repair.js';
import { createSavedView } from '../../src/cases/views/create-saved-view.js';
import { runFeeCharges } from '../../src/fees/charges/run-charges.js';
import { closeCashierDay } from '../../src/fees/days/close-day.js';
import { createFeeItem } from '../../src/fees/items/create-fee-item.js';
import { takeFeePayment } from '../../src/fees/payments/take-payment.js';
import { acknowledgeRectificationNotice } from '../../src/followups/notices/acknowledge-notice.js';
import { issueRectificationNotice } from '../../src/followups/notices/issue-notice.js';
import { drawSpotCheck } from '../../src/followups/spot-checks/draw-spot-check.js';
import { listFollowUps } from '../../src/followups/visits/list-follow-ups.js';
import { recordFollowUp } from '../../src/followups/visits/record-follow-up.js';
import { takeMessage } from '../../src/frontdesk/messages/take-message.js';
import { recordVisitArrival } from '../../src/frontdesk/visits/record-arrival.js';
import { notifyStaff } from '../../src/notices/notify.js';
import { createPhraseRule } from '../../src/phrases/guide/create-phrase-rule.js';
import { createAnnouncement } from '../../src/publicpage/announcements/create-announcement.js';
import { applyPbxEvent } from '../../src/telephony/events/receive-event.js';
import { makePbxSecret } from '../../src/telephony/settings/make-pbx-secret.js';
import { updatePbxSettings } from '../../src/telephony/settings/update-pbx-settings.js';
import { buildBuilding, buildEstate, buildResident, buildStaff, buildUnit, RESIDENT_PASSWORD } from './factories.js';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from './harness.js';

/**
 * The live OpenAPI document as data for tests that walk every operation: its operations,
 * their path parameters and request body schemas, a valid example body for each, and the
 * records of an estate whose ids fill the path parameters.
 */

export const API_PREFIX = '/api/v1';
export const MUTATING_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The parts of JSON Schema the tests read. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
}

interface OperationObject {
  operationId?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: Record<string, string[]>[];
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OperationObject>>;
  security?: Record<string, string[]>[];
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface Operation {
  operationId: string;
  /** Upper case: GET, POST, ... */
  method: string;
  /** Relative to /api/v1, with `{name}` placeholders, as the test client takes it. */
  path: string;
  pathParams: string[];
  queryParams: { name: string; schema: JsonSchema; required: boolean }[];
  /** The JSON request body schema, resolved; undefined when the document gives the operation no body. */
  body: JsonSchema | undefined;
  /** The security schemes the document says the operation needs, its own or the document's; empty when public. */
  security: string[];
}

/** Fetches /api/v1/openapi.json from a freshly started app, as a client would. */
export async function loadOpenApi(): Promise<OpenApiDocument> {
  const t = await createTestApp();
  try {
    const res = await t.admin.get<OpenApiDocument>('/openapi.json');
    if (res.status !== 200) throw new Error(`GET /openapi.json answered ${res.status}`);
    return res.body;
  } finally {
    await t.close();
  }
}

export function resolveSchema(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let s = schema;
  for (let depth = 0; s.$ref && depth < 10; depth++) {
    const name = s.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`the document refers to ${s.$ref}, which it does not define`);
    s = target;
  }
  return s;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [fullPath, methods] of Object.entries(doc.paths)) {
    if (!fullPath.startsWith(`${API_PREFIX}/`)) throw new Error(`path ${fullPath} is outside ${API_PREFIX}`);
    for (const [method, op] of Object.entries(methods)) {
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${fullPath} has no operationId`);
      const schema = op.requestBody?.content?.['application/json']?.schema;
      ops.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path: fullPath.slice(API_PREFIX.length),
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: (op.parameters ?? [])
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: resolveSchema(doc, p.schema ?? {}), required: p.required === true })),
        body: schema ? resolveSchema(doc, schema) : undefined,
        security: securityOf(op.security ?? doc.security ?? []),
      });
    }
  }
  return ops.sort((a, b) => a.operationId.localeCompare(b.operationId));
}

/** The schemes an OpenAPI security requirement list demands; none when any alternative is empty (`{}`) or there is none. */
function securityOf(requirements: Record<string, string[]>[]): string[] {
  if (requirements.length === 0 || requirements.some((r) => Object.keys(r).length === 0)) return [];
  return [...new Set(requirements.flatMap((r) => Object.keys(r)))].sort();
}

/** The top-level fields of a body schema, each with its schema resolved. */
export function topLevelFields(doc: OpenApiDocument, body: JsonSchema): { name: string; schema: JsonSchema }[] {
  return Object.entries(body.properties ?? {}).map(([name, schema]) => ({ name, schema: resolveSchema(doc, schema) }));
}

/** The JSON type a field takes, looking through `anyOf: [T, null]`; 'enum' for a closed set of strings. */
export function fieldKind(
  doc: OpenApiDocument,
  schema: JsonSchema,
): 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'enum' {
  const s = resolveSchema(doc, schema);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) {
    const notNull = alternatives.map((a) => resolveSchema(doc, a)).find((a) => a.type !== 'null');
    if (!notNull) throw new Error(`a field that can only be null: ${JSON.stringify(s)}`);
    return fieldKind(doc, notNull);
  }
  if (s.enum) return 'enum';
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean' || type === 'array' || type === 'object')
    return type;
  if (s.properties) return 'object';
  throw new Error(`no JSON type in ${JSON.stringify(s)}`);
}

/** A value of the wrong JSON type for a field of this kind. */
export function wrongValueFor(kind: ReturnType<typeof fieldKind>): unknown {
  switch (kind) {
    case 'string':
      return 12345;
    case 'number':
    case 'integer':
      return 'abc';
    case 'boolean':
      return 'yes';
    case 'array':
      return 'x';
    case 'object':
      return 7;
    case 'enum':
      return 'not-a-value';
  }
}

/** The ids that fill path parameters and body references: one estate's records. */
/** A 1×1 PNG, the smallest photo there is. */
const TINY_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

export interface EstateIds {
  estateId: string;
  buildingId: string;
  unitId: string;
  residentId: string;
  departmentId: string;
  staffId: string;
  /** Every department of the estate (the five standard ones). */
  departmentIds: string[];
  /** A resolved leak repair: every case action can be applied to it. */
  caseId: string;
  viewId: string;
  attachmentId: string;
  ruleId: string;
  noticeId: string;
  /** The open R-FU-1 follow-up of a completed leak repair. */
  followUpId: string;
  /** A follow-up of October that found a problem: notices are issued from it. */
  problemFollowUpId: string;
  /** An acknowledged, not yet rectified notice issued from it. */
  rectificationNoticeId: string;
  /** October's spot check, drawn, with its one item awaiting a verdict. */
  spotCheckId: string;
  spotCheckItemId: string;
  /** A situation script (not a record: the same in every estate). */
  situation: string;
  /** A period export's dataset (not a record: the same in every estate). */
  dataset: string;
  /** A message for the staff member, its call-back open. */
  messageId: string;
  /** A visitor waiting at the counter. */
  visitId: string;
  /** An announcement on the estate's public page (R-PB-1). */
  announcementId: string;
  /** The management fee's period from 2026-01-01, open-ended (R-FE-1). */
  feeItemId: string;
  /** A complaint of the resident, its handling result recorded: it waits for their satisfaction (R-CP-3). */
  complaintId: string;
  /** The resident's portal account, invited (R-PT-1), and what they sign in with. */
  residentAccountId: string;
  residentLogin: string;
  /** A per-use item (a key copy), charged one by one at the counter (R-FE-3). */
  perUseFeeItemId: string;
  /** November's charge run, done (R-FE-3). */
  feeChargeRunId: string;
  /** November's management fee of the unit, part paid (R-FE-3). */
  feeChargeId: string;
  /** A receipt of part of it, taken the day before the tests' today (R-FE-2). */
  feePaymentId: string;
  /** The admin's cashier day of that receipt, closed (R-FE-4): today's payments open another. */
  cashierDayId: string;
  /** The tests' current month: its report is counted live, so reading it writes nothing. */
  month: string;
  /** A call the PBX reported ringing at the staff member's extension 201 (R-PH-5). */
  pbxCallId: string;
}

/** One estate with a record of every kind, named so its data can be spotted in an answer. */
export interface SeededEstate extends EstateIds {
  estateName: string;
  estateCode: string;
  buildingName: string;
  unitNumber: string;
  residentName: string;
  residentPhone: string;
  staffName: string;
  staffUsername: string;
  /** The secret the estate's PBX signs its call events with. */
  pbxSecret: string;
}

export async function seedEstate(
  t: TestApp,
  label: string,
  names: { estateName: string; unitNumber: string; residentName: string; residentPhone: string },
): Promise<SeededEstate> {
  const estate = await buildEstate(t, { name: names.estateName, code: `EST-${label}` });
  const building = await buildBuilding(t, estate.id, `${label}座`);
  const unit = await buildUnit(t, estate.id, { buildingId: building.id, number: names.unitNumber, floor: 7 });
  const resident = await buildResident(t, estate.id, { name: names.residentName, phone: names.residentPhone, unitIds: [unit.id] });
  const departments = await t.ctx.db
    .selectFrom('departments')
    .select(['id', 'code'])
    .where('estate_id', '=', estate.id)
    .orderBy('code')
    .execute();
  const engineering = departments.find((d) => d.code === 'engineering');
  if (!engineering) throw new Error('a new estate has no engineering department');
  const staffUsername = `desk-${label.toLowerCase()}`;
  const staff = await buildStaff(t, estate.id, { username: staffUsername, role: 'receptionist', departmentId: engineering.id });
  const repair = await createCase(t.ctx, {
    actor: t.system,
    estateId: estate.id,
    body: {
      kind: 'repair',
      channel: 'phone',
      unitId: unit.id,
      residentId: resident.id,
      description: `${names.estateName}浴室天花滲水`,
      repairClass: 'leak',
    },
  });
  await resolveCase(t.ctx, { actor: t.system, caseId: repair.id, body: { result: '已檢查' } });
  const view = await createSavedView(t.ctx, {
    actor: t.system,
    estateId: estate.id,
    body: { name: `${label}視圖`, query: { kind: 'repair' } },
  });
  const rule = await createPhraseRule(t.ctx, {
    actor: t.system,
    estateId: estate.id,
    body: { locale: 'zh-Hant', avoid: `${label}苑用語`, suggestion: '請用書面語', match: 'anywhere', scope: 'estate' },
  });
  await t.ctx.db.transaction().execute((trx) =>
    notifyStaff(trx, t.ctx, {
      estateId: estate.id,
      staffIds: [t.system.id],
      kind: 'case.assigned',
      subjectType: 'case',
      subjectId: repair.id,
    }),
  );
  const notice = await t.ctx.db
    .selectFrom('notices')
    .select('id')
    .where('estate_id', '=', estate.id)
    .where('staff_id', '=', t.system.id)
    .executeTakeFirstOrThrow();
  // Follow-ups: an October repair found wanting (its notice acknowledged, October's spot check
  // drawn over it), and a November leak repair whose visit is due.
  const october = await createCase(t.ctx, {
    actor: t.system,
    estateId: estate.id,
    body: {
      kind: 'repair',
      channel: 'counter',
      unitId: unit.id,
      description: `${names.estateName}大門閉門器失靈`,
      repairClass: 'other',
      occurredAt: '2026-10-05T01:00:00.000Z',
    },
  });
  await completeRepair(t.ctx, { actor: t.system, caseId: october.id, body: { completedAt: '2026-10-06T01:00:00.000Z' } });
  const [octoberFollowUp] = (
    await listFollowUps(t.ctx, {
      actor: t.system,
      estateId: estate.id,
      query: { queue: 'open', caseId: october.id, page: 1, pageSize: 5 },
    })
  ).items;
  if (!octoberFollowUp) throw new Error('a completed repair has no follow-up');
  await recordFollowUp(t.ctx, {
    actor: t.system,
    followUpId: octoberFollowUp.id,
    body: {
      occurredAt: '2026-10-08T02:00:00.000Z',
      method: 'phone',
      result: 'problem',
      residentWords: '門仲係關唔埋',
      satisfaction: 2,
      problem: '閉門器仍然失靈',
    },
  });
  const rectification = await issueRectificationNotice(t.ctx, {
    actor: t.system,
    estateId: estate.id,
    body: {
      occurredAt: '2026-10-08T03:00:00.000Z',
      followUpId: octoberFollowUp.id,
      requiredAction: '更換閉門器',
      deadlineAt: '2026-10-20T00:00:00.000Z',
      recipientId: staff.id,
    },
  });
  await acknowledgeRectificationNotice(t.ctx, {
    actor: t.system,
    noticeId: rectification.id,
    body: { occurredAt: '2026-10-09T01:00:00.000Z' },
  });
  const { spotCheck } = await drawSpotCheck(t.ctx, {
    actor: t.system,
    estateId: estate.id,
    body: { month: '2026-10', seed: 'seed-2026-10' },
  });
  const spotItem = spotCheck.items[0];
  if (!spotItem) throw new Error("October's spot check has no item");
  const leak = await createCase(t.ctx, {
    actor: t.system,
    estateId: estate.id,
    body: {
      kind: 'repair',
      channel: 'phone',
      unitId: unit.id,
      description: `${names.estateName}廚房去水渠滲水`,
      repairClass: 'leak',
      occurredAt: '2026-11-09T01:00:00.000Z',
    },
  });
  await completeRepair(t.ctx, { actor: t.system, caseId: leak.id, body: { completedAt: '2026-11-10T01:00:00.000Z' } });
  const [leakFollowUp] = (
    await listFollowUps(t.ctx, {
      actor: t.system,
      estateId: estate.id,
      query: { queue: 'open', caseId: leak.id, page: 1, pageSize: 5 },
    })
  ).items;
  if (!leakFollowUp) throw new Error('a completed leak repair has no follow-up');

  const message = await takeMessage(t.ctx, {
    actor: t.system,
    estateId: estate.id,
    body: {
      callerName: names.residentName,
      callerPhone: names.residentPhone,
      unitId: unit.id,
      text: '請回電',
      forStaffId: staff.id,
      fromUnansweredTransfer: false,
    },
  });
  const visit = await recordVisitArrival(t.ctx, {
    actor: t.system,
    estateId: estate.id,
    body: { visitorName: names.residentName, unitId: unit.id, residentId: resident.id, purpose: 'inquiry' },
  });

  const announcement = await createAnnouncement(t.ctx, {
    actor: t.system,
    estateId: estate.id,
    body: { title: `${names.estateName}停水通知`, body: '12月1日上午停水', urgent: true, fromDate: '2026-11-01', untilDate: null },
  });

  const fee = await createFeeItem(t.ctx, {
    actor: t.system,
    estateId: estate.id,
    body: { code: 'management', name: '管理費', basis: 'per_m2_month', rate: 285, effectiveFrom: '2026-01-01' },
  });
  const keyCopy = await createFeeItem(t.ctx, {
    actor: t.system,
    estateId: estate.id,
    body: { code: 'key-copy', name: '鎖匙複製', basis: 'per_use', rate: 5000, effectiveFrom: '2026-01-01' },
  });
  const chargeRun = await runFeeCharges(t.ctx, { actor: t.system, estateId: estate.id, period: '2026-11' });
  const today = t.clock.now();
  t.clock.set(new Date(today.getTime() - 86_400_000));
  const { payment } = await takeFeePayment(t.ctx, {
    actor: t.system,
    estateId: estate.id,
    body: { unitId: unit.id, payer: names.residentName, method: 'cash', amount: 1000 },
  });
  await closeCashierDay(t.ctx, { actor: t.system, estateId: estate.id, dayId: payment.cashierDayId, body: {} });
  t.clock.set(today);

  const complaint = await createCase(t.ctx, {
    actor: t.system,
    estateId: estate.id,
    body: {
      kind: 'complaint',
      channel: 'counter',
      unitId: unit.id,
      residentId: resident.id,
      description: `${names.estateName}走廊雜物阻塞`,
    },
  });
  await resolveCase(t.ctx, { actor: t.system, caseId: complaint.id, body: { result: '已清理走廊' } });

  const invitation = await inviteResident(t.ctx, {
    actor: t.system,
    estateId: estate.id,
    residentId: resident.id,
    body: { delivery: 'show' },
  });

  await updatePbxSettings(t.ctx, {
    actor: t.system,
    estateId: estate.id,
    body: { extensions: [{ extension: '201', staffId: staff.id, label: null }] },
  });
  const pbx = await makePbxSecret(t.ctx, { actor: t.system, estateId: estate.id });
  const pbxCallId = await applyPbxEvent(t.ctx, {
    estateId: estate.id,
    staffId: staff.id,
    event: { event: 'ringing', callId: `seed-${label}`, at: t.ctx.clock.now().toISOString(), from: '23456789', extension: '201' },
  });

  const photo = await addAttachment(t.ctx, {
    actor: t.system,
    caseId: repair.id,
    contentType: 'image/png',
    fileName: 'photo.png',
    bytes: TINY_PNG,
  });
  return {
    estateId: estate.id,
    estateName: estate.name,
    estateCode: estate.code,
    buildingId: building.id,
    buildingName: building.name,
    unitId: unit.id,
    unitNumber: unit.number,
    residentId: resident.id,
    residentName: resident.name,
    residentPhone: names.residentPhone,
    departmentId: engineering.id,
    departmentIds: departments.map((d) => d.id),
    staffId: staff.id,
    staffName: staff.name,
    staffUsername,
    caseId: repair.id,
    viewId: view.id,
    attachmentId: photo.id,
    ruleId: rule.id,
    noticeId: notice.id,
    followUpId: leakFollowUp.id,
    problemFollowUpId: octoberFollowUp.id,
    rectificationNoticeId: rectification.id,
    spotCheckId: spotCheck.id,
    spotCheckItemId: spotItem.id,
    situation: 'out',
    dataset: 'cases',
    messageId: message.id,
    visitId: visit.id,
    announcementId: announcement.id,
    feeItemId: fee.id,
    complaintId: complaint.id,
    residentAccountId: invitation.accountId,
    residentLogin: invitation.login,
    perUseFeeItemId: keyCopy.id,
    feeChargeRunId: chargeRun.id,
    feeChargeId: payment.allocations[0]?.chargeId as string,
    feePaymentId: payment.id,
    cashierDayId: payment.cashierDayId,
    month: '2026-11',
    pbxCallId,
    pbxSecret: pbx.secret,
  };
}

/** Two estates with a record of every kind, named so that either's data can be spotted in an answer. */
export async function seedTwoEstates(t: TestApp): Promise<{ a: SeededEstate; b: SeededEstate }> {
  const a = await seedEstate(t, 'A', {
    estateName: '甲苑Alpha',
    unitNumber: 'A101',
    residentName: '甲住戶Alice',
    residentPhone: '91110001',
  });
  const b = await seedEstate(t, 'B', { estateName: '乙苑Bravo', unitNumber: 'Q7Z9', residentName: '乙住戶Bob', residentPhone: '92220002' });
  return { a, b };
}

/** Fails the test when an answer shows any of estate B's data to someone of estate A. */
export function expectNothingOf(b: SeededEstate, body: unknown, label: string): void {
  const text = answerText(body);
  for (const secret of [
    b.estateName,
    b.estateCode,
    b.buildingName,
    b.unitNumber,
    b.residentName,
    b.residentPhone,
    b.staffName,
    b.staffUsername,
  ])
    expect(text, `${label}: the answer shows estate B's "${secret}"`).not.toContain(secret);
}

/**
 * The records an operation acts on where the one a path parameter names by default is not one it
 * takes: only a complaint with its result recorded asks for satisfaction, only a made visit is scored.
 */
const RECORDS_OF_OPERATION: Record<string, (ids: EstateIds) => Partial<Record<string, string>>> = {
  answerPortalSatisfaction: (ids) => ({ caseId: ids.complaintId }),
  scorePortalFollowUp: (ids) => ({ followUpId: ids.problemFollowUpId }),
};

/** The operation's path with every path parameter filled from `ids`; fails naming a parameter it cannot fill. */
export function pathFor(op: Operation, ids: EstateIds): string {
  const records: Record<string, string | undefined> = {
    ...(ids as unknown as Record<string, string>),
    ...RECORDS_OF_OPERATION[op.operationId]?.(ids),
  };
  return op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = records[name];
    if (!value) throw new Error(`${op.operationId}: no record id for path parameter {${name}}`);
    return value;
  });
}

/** The query an operation cannot be asked without, referring to the records of `ids`. */
const EXAMPLE_QUERIES: Record<string, (ids: EstateIds) => Record<string, string>> = {
  callbackDue: (ids) => ({ forStaffId: ids.staffId }),
  previewFeeChargeRun: () => ({ period: '2026-11' }),
  getFeeStatement: () => ({ from: '2026-01', to: '2026-12' }),
  exportFeeStatement: () => ({ from: '2026-01', to: '2026-12' }),
  getHeadOfficeReport: (ids) => ({ month: '2026-11', estateIds: ids.estateId }),
  listMonthlyReportRecords: () => ({ figure: 'cases.total' }),
  countExport: () => ({ from: '2026-01-01', to: '2026-12-31' }),
  exportPeriod: () => ({ from: '2026-01-01', to: '2026-12-31', format: 'csv' }),
  getPbxAnswerTimes: () => ({ from: '2026-11-01', to: '2026-11-30' }),
};

/** The path with the query every required query parameter needs: a request the operation takes. */
export function requestPathFor(op: Operation, ids: EstateIds): string {
  const required = op.queryParams.filter((p) => p.required).map((p) => p.name);
  const query = EXAMPLE_QUERIES[op.operationId]?.(ids) ?? {};
  for (const name of required)
    expect(query[name], `${op.operationId}: query parameter ${name} is required but the test has no example for it`).toBeDefined();
  const search = new URLSearchParams(query).toString();
  return search ? `${pathFor(op, ids)}?${search}` : pathFor(op, ids);
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/**
 * A valid request body per operation, every documented field given, referring to the records
 * of `ids`. Sent by an admin (or a manager of that estate) it is accepted.
 */
export const EXAMPLE_BODIES: Record<string, (ids: EstateIds) => Record<string, unknown>> = {
  login: () => ({ username: 'admin', password: ADMIN_PASSWORD }),
  logout: () => ({}),
  runSweep: () => ({}),
  changePassword: () => ({ currentPassword: ADMIN_PASSWORD, newPassword: 'Changed-pass-2027' }),
  resetStaffPassword: () => ({ newPassword: 'Reset-pass-2027' }),
  createEstate: () => ({
    code: 'NEW-EST',
    name: '新建苑',
    address: '香港新建道1號',
    timeZone: 'Asia/Hong_Kong',
    officeName: '新建苑管理處',
    policy: { complaintReplyHours: 48 },
  }),
  updateEstate: () => ({
    name: '改名苑',
    address: '香港改名道2號',
    timeZone: 'Asia/Shanghai',
    officeName: '改名苑管理處',
    policy: { complaintReplyHours: 60 },
  }),
  createBuilding: () => ({ name: '新座' }),
  updateBuilding: () => ({ name: '改名座' }),
  createUnit: (ids) => ({ buildingId: ids.buildingId, number: '99Z', floor: 12, areaM2: 72.5 }),
  updateUnit: (ids) => ({ buildingId: ids.buildingId, number: '88Y', floor: 8, areaM2: 55 }),
  createResident: (ids) => ({
    name: '新住戶',
    phone: '+852 9123 4567',
    phoneAlt: '2123 4567',
    email: 'new.resident@example.com',
    kind: 'tenant',
    title: 'ms',
    unitIds: [ids.unitId],
    locale: 'en',
    notifyChannel: 'email',
    optOut: { sms: true, email: false, portal: false },
  }),
  updateResident: (ids) => ({
    name: '改名住戶',
    phone: '9876 5432',
    phoneAlt: null,
    email: 'renamed@example.com',
    kind: 'owner',
    title: 'mr',
    unitIds: [ids.unitId],
    locale: 'zh-Hans',
    notifyChannel: null,
    optOut: { sms: false, email: false, portal: true },
  }),
  importUnits: () => ({
    format: 'csv',
    fileName: 'units.csv',
    contentBase64: base64('building,number,floor,area_m2\n匯入座,1A,1,60\n'),
    dryRun: true,
  }),
  importResidents: () => ({
    format: 'csv',
    fileName: 'residents.csv',
    contentBase64: base64('name,phone,kind\n匯入住戶,91112222,owner\n'),
    dryRun: true,
  }),
  importPbxCalls: () => ({
    format: 'asterisk',
    fileName: 'Master.csv',
    content: base64(
      '"","91234567","201","from-pstn","""陳大文"" <91234567>","SIP/t-1","SIP/201-1","Dial","SIP/201","2026-11-10 09:00:00","2026-11-10 09:00:04","2026-11-10 09:02:04",124,120,"ANSWERED","DOCUMENTATION","1762736400.1",""\n',
    ),
    dryRun: true,
  }),
  createDepartment: () => ({ code: 'other', name: '園藝部', caseKinds: ['suggestion'], repairClasses: ['other'] }),
  updateDepartment: () => ({ name: '工程及維修部', caseKinds: ['repair'], repairClasses: ['leak'] }),
  createStaff: (ids) => ({
    username: 'new.desk',
    name: '新職員',
    surname: '李',
    role: 'receptionist',
    email: 'new.desk@example.com',
    phone: '2345 6789',
    locale: 'en',
    password: 'New-desk-pass-2026',
    estates: [{ estateId: ids.estateId, departmentId: ids.departmentId, counterSeat: 'L3' }],
  }),
  updateStaff: (ids) => ({
    name: '改名職員',
    surname: '黃',
    role: 'receptionist',
    email: 'renamed.desk@example.com',
    phone: '3456 7890',
    locale: 'zh-Hans',
    disabled: false,
    estates: [{ estateId: ids.estateId, departmentId: ids.departmentId, counterSeat: 'R3' }],
  }),
  updatePresence: () => ({ state: 'out', until: '2026-11-20T05:00:00.000Z', note: '去銀行', onTask: false }),
  createCase: (ids) => ({
    kind: 'complaint',
    channel: 'hotline',
    unitId: ids.unitId,
    residentId: ids.residentId,
    residentName: '陳大文',
    residentPhone: '9123 4567',
    description: '走廊燈不亮',
    occurredAt: '2026-11-20T01:00:00.000Z',
    repairClass: null,
  }),
  assignCase: (ids) => ({ departmentId: ids.departmentId, assigneeId: ids.staffId, note: '請跟進' }),
  replyToCase: () => ({ method: 'call', content: '已安排師傅上門', repliedAt: '2026-11-20T02:00:00.000Z' }),
  addCaseNote: () => ({ content: '業戶下午在家' }),
  forwardCase: (ids) => ({ departmentId: ids.departmentIds.find((d) => d !== ids.departmentId) ?? ids.departmentId, reason: '屬其他部門' }),
  escalateCase: () => ({ reason: '涉及公司政策' }),
  recordSatisfaction: () => ({ satisfaction: 'satisfied', result: '已修妥', note: '業戶滿意' }),
  resolveCase: () => ({ result: '已處理' }),
  closeCase: () => ({ result: '已處理', reason: '業戶確認' }),
  reopenCase: () => ({ reason: '業戶再次反映' }),
  startRepair: (ids) => ({
    maintenanceStaffId: ids.staffId,
    startedAt: '2026-11-20T02:00:00.000Z',
    appointmentAt: '2026-11-21T02:00:00.000Z',
  }),
  recordRepairWork: () => ({ workDone: '更換喉管', materials: '喉管 x1' }),
  completeRepair: () => ({ workDone: '已修妥', materials: '膠水', completedAt: '2026-11-20T02:00:00.000Z' }),
  createSavedView: () => ({ name: '我的維修', query: { kind: 'repair' } }),
  updateDeskScript: () => ({ locale: 'zh-Hant', text: '對不起,{name}出外辦事,約{until}回來,您可以留言嗎?' }),
  logCall: (ids) => ({
    occurredAt: '2026-11-20T01:00:00.000Z',
    durationSeconds: 95,
    callerName: '陳先生',
    callerPhone: '9123 4567',
    unitId: ids.unitId,
    residentId: ids.residentId,
    purpose: 'inquiry',
    outcome: 'answered',
    askedForId: ids.staffId,
    note: '查詢管理費',
    caseId: ids.caseId,
  }),
  takeMessage: (ids) => ({
    occurredAt: '2026-11-20T01:00:00.000Z',
    callerName: '陳先生',
    callerPhone: '9123 4567',
    unitId: ids.unitId,
    text: '請回電關於漏水',
    forStaffId: ids.staffId,
    reason: 'absent',
    expectedBackAt: '2026-11-20T03:00:00.000Z',
    fromUnansweredTransfer: true,
    callId: null,
  }),
  completeCallback: () => ({ occurredAt: '2026-11-20T02:00:00.000Z', note: '已回電' }),
  handOnMessage: (ids) => ({ toStaffId: ids.staffId, note: '請代回電' }),
  recordVisitArrival: (ids) => ({
    occurredAt: '2026-11-20T01:30:00.000Z',
    visitorName: '李太',
    unitId: ids.unitId,
    residentId: ids.residentId,
    purpose: 'repair',
    askedForId: ids.staffId,
    note: '廚房漏水',
  }),
  acknowledgeVisitor: () => ({ occurredAt: '2026-11-20T02:00:00.000Z' }),
  receiveVisitor: (ids) => ({ occurredAt: '2026-11-20T02:00:00.000Z', receiverId: ids.staffId }),
  pageStaff: (ids) => ({ staffId: ids.staffId, note: '櫃檯有業戶找' }),
  recordVisitDeparture: (ids) => ({ occurredAt: '2026-11-20T02:00:00.000Z', outcome: '已解答', caseId: ids.caseId }),
  recordFollowUp: (ids) => ({
    occurredAt: '2026-11-19T02:00:00.000Z',
    performedById: ids.staffId,
    method: 'visit',
    result: 'ok',
    residentWords: '冇再漏水,多謝',
    satisfaction: 5,
    problem: '無',
    attempts: 1,
  }),
  recordFollowUpAttempt: () => ({ occurredAt: '2026-11-19T01:00:00.000Z', method: 'phone', note: '無人接聽' }),
  assignFollowUp: (ids) => ({ assigneeId: ids.staffId }),
  recordRainEvent: () => ({ startedAt: '2026-11-19T03:00:00.000Z', endedAt: '2026-11-19T05:00:00.000Z', amountMm: 12.5, note: '黃雨' }),
  importRainEvents: () => ({
    format: 'csv',
    fileName: 'rain.csv',
    contentBase64: base64('time,rainfall_mm\n2026-11-18 10:00,3.5\n'),
    place: 'Sha Tin',
    dryRun: true,
  }),
  issueRectificationNotice: (ids) => ({
    occurredAt: '2026-11-19T03:00:00.000Z',
    followUpId: ids.problemFollowUpId,
    spotCheckItemId: null,
    problem: '閉門器仍然失靈',
    requiredAction: '更換閉門器並測試',
    deadlineAt: '2026-11-25T00:00:00.000Z',
    recipientId: ids.staffId,
  }),
  acknowledgeRectificationNotice: () => ({ occurredAt: '2026-11-19T04:00:00.000Z' }),
  markRectified: () => ({ occurredAt: '2026-11-19T05:00:00.000Z', note: '已更換閉門器' }),
  voidRectificationNotice: () => ({ reason: '發錯維修人員' }),
  drawSpotCheck: () => ({ month: '2026-10', seed: 'seed-2026-10' }),
  recordSpotCheckVerdict: () => ({
    occurredAt: '2026-11-20T02:00:00.000Z',
    verdict: 'discrepancy',
    note: '業戶表示未有人回訪',
    problemFound: true,
  }),
  checkPhrases: () => ({ text: '喂,他不在,請遲一些來電' }),
  createPhraseRule: () => ({
    locale: 'zh-Hant',
    avoid: '搞掂咗',
    suggestion: '已經為您處理好',
    match: 'anywhere',
    pattern: '搞掂咗(?<rest>[^,。]*)',
    replacement: '已經為您處理好{rest}',
    note: '書面回覆用書面語',
    scope: 'estate',
  }),
  savePublicPageDraft: () => ({
    content: {
      officeHours: { 'zh-Hant': '每日 08:00-20:00', 'zh-Hans': '每日 08:00-20:00', en: 'Daily 08:00-20:00' },
      phone: '2123 4567',
      hotline: '2123 4000',
      repairProcedure: { 'zh-Hant': '致電或到管理處報修', 'zh-Hans': '致电或到管理处报修', en: 'Call or visit the office' },
      complaintProcedure: { 'zh-Hant': '致電監督投訴電話', 'zh-Hans': '致电监督投诉电话', en: 'Call the complaint hotline' },
      notes: { 'zh-Hant': '', 'zh-Hans': '', en: '' },
    },
  }),
  createAnnouncement: () => ({
    title: '電梯保養',
    body: '12月3日上午電梯暫停',
    urgent: false,
    fromDate: '2026-11-20',
    untilDate: '2026-12-03',
  }),
  updateAnnouncement: () => ({
    title: '電梯保養（改期）',
    body: '12月4日上午電梯暫停',
    urgent: true,
    fromDate: '2026-11-20',
    untilDate: '2026-12-04',
  }),
  createFeeItem: () => ({
    code: 'parking',
    name: '車位月租',
    nameEn: 'Parking space, monthly',
    basis: 'per_unit_month',
    rate: 250000,
    effectiveFrom: '2026-01-01',
    effectiveTo: '2026-12-31',
    approvalRef: 'OC-2025-14',
    notes: '住客車位',
  }),
  updateFeeItem: () => ({
    name: '管理費(住宅)',
    nameEn: 'Management fee (residential)',
    effectiveFrom: '2026-01-01',
    effectiveTo: null,
    approvalRef: 'OC-2025-12',
    notes: '按實用面積計算',
  }),
  startFeeRate: () => ({ effectiveFrom: '2027-01-01', rate: 298, approvalRef: 'OC-2026-09', notes: '周年大會通過' }),
  retireFeeItem: () => ({ lastDay: '2026-12-31' }),
  inviteResident: () => ({ delivery: 'show' }),
  // A resident's own sign-in (R-PT-1), as the seeded resident with the tests' password; one-time
  // codes are made afresh where a request must take (test/api/bad-input.test.ts).
  acceptResidentInvitation: () => ({ code: 'ABCD-EFGH', password: RESIDENT_PASSWORD, locale: 'zh-Hant' }),
  residentLogin: (ids) => ({ login: ids.residentLogin, password: RESIDENT_PASSWORD }),
  requestResidentSignInCode: (ids) => ({ login: ids.residentLogin }),
  residentCodeLogin: (ids) => ({ login: ids.residentLogin, code: '123456' }),
  residentLogout: () => ({}),
  changeResidentPassword: () => ({ currentPassword: RESIDENT_PASSWORD, newPassword: 'Resident-changed-2027' }),
  disableResidentAccount: () => ({}),
  createPortalCase: (ids) => ({
    unitId: ids.unitId,
    kind: 'repair',
    repairClass: 'leak',
    description: '廚房天花滲水',
    occurredAt: '2026-11-20T01:00:00.000Z',
  }),
  answerPortalSatisfaction: () => ({ satisfaction: 'satisfied', comment: '多謝跟進' }),
  scorePortalFollowUp: () => ({ score: 5, comment: '師傅好細心' }),
  setPortalPreferences: () => ({ locale: 'zh-Hant', notifyChannel: 'portal', optOut: { sms: false, email: false, portal: false } }),
  runFeeCharges: () => ({ period: '2026-12' }),
  addFeeCharge: (ids) => ({
    unitId: ids.unitId,
    feeItemId: ids.perUseFeeItemId,
    quantity: 2,
    amount: 3000,
    description: '鎖匙複製兩條',
    chargedOn: '2026-11-20',
    caseId: ids.caseId,
  }),
  takeFeePayment: (ids) => ({
    unitId: ids.unitId,
    payer: '繳款人',
    method: 'fps',
    amount: 100,
    allocations: [{ chargeId: ids.feeChargeId, amount: 100 }],
    reference: 'FPS-001',
    note: '部分繳付',
  }),
  voidFeePayment: () => ({ reason: '收錯金額' }),
  closeCashierDay: () => ({ note: '現金已點算' }),
  checkCashierDay: () => ({ note: '核對無誤' }),
  updatePbxSettings: (ids) => ({
    extensions: [{ extension: '201', staffId: ids.staffId, label: '前台' }],
    csvMapping: { callId: 'Call ID', from: 'From', extension: 'To', start: 'Start' },
  }),
  receivePbxEvent: () => ({
    event: 'ringing',
    callId: 'example-1',
    at: '2026-11-20T01:59:50.000Z',
    from: '+852 3456 7890',
    callerName: '陳先生',
    extension: '201',
  }),
  updatePhraseRule: () => ({
    locale: 'zh-Hant',
    avoid: '搞唔掂',
    suggestion: '暫時未能處理好',
    match: 'anywhere',
    pattern: '搞唔掂(?<rest>[^,。]*)',
    replacement: '暫時未能處理好{rest}',
    note: null,
    disabled: false,
  }),
};

/** The example body of an operation that takes one; fails the test when the table has none. */
export function exampleBody(op: Operation, ids: EstateIds): Record<string, unknown> | undefined {
  if (!op.body) return undefined;
  const make = EXAMPLE_BODIES[op.operationId];
  expect(make, `${op.operationId}: the document gives it a request body but the test has no example body for it`).toBeDefined();
  return make?.(ids);
}

/** The text of an answer, whatever its content type, to search for data that must not be there. */
export function answerText(body: unknown): string {
  return typeof body === 'string' ? body : JSON.stringify(body ?? '');
}
