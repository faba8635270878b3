import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/schema.js';
import { buildResidentClient, buildStaff } from '../support/factories.js';
import { type Client, createTestApp, ENGINE, type Json, type Response, type TestApp, type TestAppImage } from '../support/harness.js';
import {
  type EstateIds,
  exampleBody,
  fieldKind,
  loadOpenApi,
  MUTATING_METHODS,
  type Operation,
  operationsOf,
  pathFor,
  type SeededEstate,
  seedEstate,
  topLevelFields,
  wrongValueFor,
} from '../support/openapi.js';
import { PbxClient } from '../support/pbx.js';

/**
 * Every state-changing operation of the OpenAPI document, sent one fault at a time with
 * everything else right: the answer is the documented 4xx and the database is exactly as before.
 */

const doc = await loadOpenApi();
const mutating = operationsOf(doc).filter((op) => MUTATING_METHODS.has(op.method));

const EXPECTED_MUTATING = [
  'createCase',
  'assignCase',
  'replyToCase',
  'forwardCase',
  'escalateCase',
  'recordSatisfaction',
  'closeCase',
  'reopenCase',
  'startRepair',
  'completeRepair',
  'checkPhrases',
  'createPhraseRule',
  'updatePhraseRule',
  'markNoticeRead',
  'login',
  'logout',
  'changePassword',
  'resetStaffPassword',
  'createEstate',
  'updateEstate',
  'createBuilding',
  'updateBuilding',
  'createUnit',
  'updateUnit',
  'importUnits',
  'createResident',
  'updateResident',
  'importResidents',
  'createDepartment',
  'updateDepartment',
  'createStaff',
  'updateStaff',
  'updatePresence',
  'recordFollowUp',
  'recordFollowUpAttempt',
  'assignFollowUp',
  'recordRainEvent',
  'importRainEvents',
  'issueRectificationNotice',
  'acknowledgeRectificationNotice',
  'markRectified',
  'voidRectificationNotice',
  'drawSpotCheck',
  'recordSpotCheckVerdict',
  'updateDeskScript',
  'logCall',
  'takeMessage',
  'completeCallback',
  'handOnMessage',
  'recordVisitArrival',
  'acknowledgeVisitor',
  'receiveVisitor',
  'pageStaff',
  'recordVisitDeparture',
  'createPortalCase',
  'uploadPortalPhoto',
  'answerPortalSatisfaction',
  'scorePortalFollowUp',
  'importPbxCalls',
];

const MiB = 1024 * 1024;
/** Routes that read larger bodies than the 1 MiB default: imports carry a whole file. */
const BODY_LIMITS: Record<string, number> = {
  importUnits: 20 * MiB,
  importResidents: 20 * MiB,
  importRainEvents: 20 * MiB,
  importPbxCalls: 30 * MiB,
  uploadCaseAttachment: 10 * MiB,
  uploadPortalPhoto: 10 * MiB,
};

/** Operations whose body is a file, not JSON: the content type and a valid example. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const RAW_BODIES: Record<string, { contentType: string; example: Buffer }> = {
  uploadCaseAttachment: { contentType: 'image/png', example: PNG },
  uploadPortalPhoto: { contentType: 'image/png', example: PNG },
};

/**
 * Tables whose row counts must not move on a refused request. `satisfies` keeps the list in step
 * with the schema: a new table fails the type check until it is listed here. Logins write
 * sessions and login attempts, so those two are left out.
 */
const TABLES = {
  estates: true,
  buildings: true,
  units: true,
  residents: true,
  resident_units: true,
  departments: true,
  staff: true,
  staff_estates: true,
  presence: true,
  history: true,
  history_heads: true,
  obligations: true,
  counters: true,
  cases: true,
  case_events: true,
  case_docs: true,
  attachments: true,
  saved_views: true,
  phrase_rules: true,
  outbox: true,
  notices: true,
  rain_events: true,
  followups: true,
  followup_attempts: true,
  spot_checks: true,
  spot_check_items: true,
  rectification_notices: true,
  desk_scripts: true,
  calls: true,
  messages: true,
  visits: true,
  public_pages: true,
  public_page_versions: true,
  announcements: true,
  fee_items: true,
  fee_charges: true,
  fee_charge_runs: true,
  fee_payments: true,
  fee_allocations: true,
  fee_payment_voids: true,
  cashier_days: true,
  report_snapshots: true,
  pbx_settings: true,
  pbx_extensions: true,
  pbx_calls: true,
  resident_accounts: true,
  resident_codes: true,
  sessions: false,
  resident_sessions: false,
  login_attempts: false,
  app_meta: false,
  idempotency_keys: false,
} as const satisfies Record<keyof Database, boolean>;
const COUNTED_TABLES = (Object.keys(TABLES) as (keyof Database)[]).filter((name) => TABLES[name]);

/** Every counted table's rows and every chain's head, read in one statement per part. */
async function snapshot(t: TestApp) {
  const row: Record<string, unknown> = await t.ctx.db
    .selectNoFrom((eb) =>
      COUNTED_TABLES.map((table) =>
        eb
          .selectFrom(table as 'estates')
          .select((sub) => sub.fn.countAll<number>().as('n'))
          .as(table),
      ),
    )
    .executeTakeFirstOrThrow();
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) counts[table] = Number(row[table]);
  const heads = await t.ctx.db.selectFrom('history_heads').select(['chain', 'seq', 'hash']).orderBy('chain').execute();
  return { counts, heads: heads.map((h) => ({ chain: h.chain, seq: Number(h.seq), hash: h.hash })) };
}

const shown = (res: Response) => JSON.stringify(res.body).slice(0, 600);

/** A single wrong-type value per top-level body field, as read from the document. */
function wrongTypeCases(op: Operation) {
  if (!op.body) return [];
  return topLevelFields(doc, op.body).map(({ name, schema }) => {
    const kind = fieldKind(doc, schema);
    return { field: name, kind, value: wrongValueFor(kind) };
  });
}

/** The plain (non-enum) string fields of a body. */
function stringFields(op: Operation): string[] {
  if (!op.body) return [];
  return topLevelFields(doc, op.body)
    .filter(({ schema }) => fieldKind(doc, schema) === 'string')
    .map(({ name }) => name);
}

/** References in a body to records of another estate: each names the field it is refused for. */
const CROSS_ESTATE_REFERENCES: Record<
  string,
  { what: string; field: string; body: (a: SeededEstate, b: SeededEstate) => Record<string, unknown> }[]
> = {
  logCall: [
    { what: "estate B's unit", field: 'unitId', body: (a, b) => ({ ...example('logCall', a), unitId: b.unitId }) },
    { what: "estate B's staff", field: 'askedForId', body: (a, b) => ({ ...example('logCall', a), askedForId: b.staffId }) },
    { what: "estate B's case", field: 'caseId', body: (a, b) => ({ ...example('logCall', a), caseId: b.caseId }) },
  ],
  takeFeePayment: [
    {
      what: "estate B's unit",
      field: 'unitId',
      body: (a, b) => ({ ...example('takeFeePayment', a), unitId: b.unitId, allocations: undefined }),
    },
  ],
  addFeeCharge: [
    { what: "estate B's unit", field: 'unitId', body: (a, b) => ({ ...example('addFeeCharge', a), unitId: b.unitId }) },
    { what: "estate B's fee item", field: 'feeItemId', body: (a, b) => ({ ...example('addFeeCharge', a), feeItemId: b.perUseFeeItemId }) },
    { what: "estate B's case", field: 'caseId', body: (a, b) => ({ ...example('addFeeCharge', a), caseId: b.caseId }) },
  ],
  takeMessage: [
    { what: "estate B's staff", field: 'forStaffId', body: (a, b) => ({ ...example('takeMessage', a), forStaffId: b.staffId }) },
    { what: "estate B's unit", field: 'unitId', body: (a, b) => ({ ...example('takeMessage', a), unitId: b.unitId }) },
  ],
  handOnMessage: [
    { what: "estate B's staff", field: 'toStaffId', body: (a, b) => ({ ...example('handOnMessage', a), toStaffId: b.staffId }) },
  ],
  recordVisitArrival: [
    { what: "estate B's staff", field: 'askedForId', body: (a, b) => ({ ...example('recordVisitArrival', a), askedForId: b.staffId }) },
    {
      what: "estate B's resident",
      field: 'residentId',
      body: (a, b) => ({ ...example('recordVisitArrival', a), residentId: b.residentId }),
    },
  ],
  receiveVisitor: [
    { what: "estate B's staff", field: 'receiverId', body: (a, b) => ({ ...example('receiveVisitor', a), receiverId: b.staffId }) },
  ],
  recordFollowUp: [
    { what: "estate B's staff", field: 'performedById', body: (a, b) => ({ ...example('recordFollowUp', a), performedById: b.staffId }) },
  ],
  assignFollowUp: [
    { what: "estate B's staff", field: 'assigneeId', body: (a, b) => ({ ...example('assignFollowUp', a), assigneeId: b.staffId }) },
  ],
  issueRectificationNotice: [
    {
      what: "estate B's follow-up",
      field: 'followUpId',
      body: (a, b) => ({ ...example('issueRectificationNotice', a), followUpId: b.problemFollowUpId }),
    },
    {
      what: "estate B's spot-check item",
      field: 'spotCheckItemId',
      body: (a, b) => ({ ...example('issueRectificationNotice', a), followUpId: null, spotCheckItemId: b.spotCheckItemId }),
    },
    {
      what: "estate B's staff",
      field: 'recipientId',
      body: (a, b) => ({ ...example('issueRectificationNotice', a), recipientId: b.staffId }),
    },
  ],
  createUnit: [
    { what: "estate B's building", field: 'buildingId', body: (a, b) => ({ ...example('createUnit', a), buildingId: b.buildingId }) },
  ],
  updateUnit: [
    { what: "estate B's building", field: 'buildingId', body: (a, b) => ({ ...example('updateUnit', a), buildingId: b.buildingId }) },
  ],
  createResident: [
    { what: "estate B's unit", field: 'unitIds.0', body: (a, b) => ({ ...example('createResident', a), unitIds: [b.unitId] }) },
  ],
  updateResident: [
    { what: "estate B's unit", field: 'unitIds.0', body: (a, b) => ({ ...example('updateResident', a), unitIds: [b.unitId] }) },
    {
      what: "estate B's unit after one of A's",
      field: 'unitIds.1',
      body: (a, b) => ({ ...example('updateResident', a), unitIds: [a.unitId, b.unitId] }),
    },
  ],
  createStaff: [
    {
      what: 'estate B',
      field: 'estates.0.estateId',
      body: (a, b) => ({ ...example('createStaff', a), estates: [{ estateId: b.estateId, departmentId: null, counterSeat: null }] }),
    },
    {
      what: "estate B's department under estate A",
      field: 'estates.0.departmentId',
      body: (a, b) => ({
        ...example('createStaff', a),
        estates: [{ estateId: a.estateId, departmentId: b.departmentId, counterSeat: null }],
      }),
    },
  ],
  updateStaff: [
    {
      what: 'estate B',
      field: 'estates.0.estateId',
      body: (a, b) => ({ ...example('updateStaff', a), estates: [{ estateId: b.estateId, departmentId: null, counterSeat: null }] }),
    },
    {
      what: "estate B's department under estate A",
      field: 'estates.0.departmentId',
      body: (a, b) => ({
        ...example('updateStaff', a),
        estates: [{ estateId: a.estateId, departmentId: b.departmentId, counterSeat: null }],
      }),
    },
  ],
};

function example(operationId: string, ids: EstateIds): Record<string, unknown> {
  const op = mutating.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`the document has no operation ${operationId}`);
  return exampleBody(op, ids) ?? {};
}

describe(`the state-changing operations of the OpenAPI document [${ENGINE}]`, () => {
  it('include every operation this suite is known to cover', () => {
    const ids = mutating.map((op) => op.operationId);
    for (const id of EXPECTED_MUTATING) expect(ids, `the document has no state-changing operation ${id}`).toContain(id);
  });

  it('each one that takes a body has an example body with every documented field', () => {
    const ids = {
      estateId: 'e',
      buildingId: 'b',
      unitId: 'u',
      residentId: 'r',
      departmentId: 'd',
      departmentIds: ['d', 'f'],
      staffId: 's',
      caseId: 'c',
      viewId: 'v',
      attachmentId: 'a',
      ruleId: 'p',
      noticeId: 'n',
      followUpId: 'f',
      problemFollowUpId: 'g',
      rectificationNoticeId: 'rn',
      spotCheckId: 'sc',
      spotCheckItemId: 'si',
      situation: 'out',
      dataset: 'cases',
      messageId: 'm',
      visitId: 'vi',
      announcementId: 'an',
      feeItemId: 'fi',
      complaintId: 'cc',
      residentAccountId: 'ra',
      residentLogin: '91110001',
      perUseFeeItemId: 'pu',
      feeChargeRunId: 'fr',
      feeChargeId: 'fc',
      feePaymentId: 'fp',
      cashierDayId: 'cd',
      month: '2026-11',
      pbxCallId: 'pc',
    };
    for (const op of mutating.filter((o) => o.body)) {
      const body = exampleBody(op, ids);
      const fields = topLevelFields(doc, op.body ?? {}).map((f) => f.name);
      expect(Object.keys(body ?? {}).sort(), `${op.operationId}: the example body should give every documented field`).toEqual(
        fields.sort(),
      );
    }
  });

  it('each cross-estate reference case names an operation of the document', () => {
    for (const id of Object.keys(CROSS_ESTATE_REFERENCES)) expect(mutating.map((op) => op.operationId)).toContain(id);
  });
});

// Estates A and B and A's manager are recorded once; each operation gets an app of its own on
// a copy of them, so what one operation's example body changes no other operation sees.
let seeded: TestAppImage;
let a: SeededEstate;
let b: SeededEstate;
beforeAll(async () => {
  const seed = await createTestApp();
  a = await seedEstate(seed, 'A', { estateName: '甲苑Alpha', unitNumber: 'A101', residentName: '甲住戶Alice', residentPhone: '91110001' });
  b = await seedEstate(seed, 'B', { estateName: '乙苑Bravo', unitNumber: 'B202', residentName: '乙住戶Bob', residentPhone: '92220002' });
  await buildStaff(seed, a.estateId, { username: 'manager-a', role: 'manager' });
  seeded = await seed.freeze();
});
afterAll(async () => seeded?.drop());

/**
 * The portal's operations and a resident's own sign-in are a resident's (R-PT-1): they are sent by
 * the resident of the seeded records' unit, signed in.
 */
function isPortalOperation(op: Operation): boolean {
  const entry = doc.paths[`/api/v1${op.path}`]?.[op.method.toLowerCase()] as { 'x-ability'?: string } | undefined;
  return op.path.startsWith('/portal/') || (entry?.['x-ability']?.startsWith('portal.') ?? false);
}

/** Example bodies holding a one-time code: the code is made afresh for the request meant to succeed. */
const FRESH_EXAMPLES: Record<string, (t: TestApp, a: SeededEstate) => Promise<Record<string, unknown>>> = {
  acceptResidentInvitation: async (t, a) => {
    const invitation = await t.admin.post<{ code: string }>(`/estates/${a.estateId}/residents/${a.residentId}/portal-invitation`, {
      delivery: 'show',
    });
    return { ...exampleBody(operationNamed('acceptResidentInvitation'), a), code: invitation.body.code };
  },
  residentCodeLogin: async (t, a) => {
    await t.client().request('POST', '/portal/auth/code', { login: a.residentLogin });
    const sms = await t.ctx.db
      .selectFrom('outbox')
      .select('body')
      .where('event_key', 'like', 'portal.sign_in_code:%')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    return { login: a.residentLogin, code: /(\d{6})/.exec(sms.body)?.[1] ?? '' };
  },
};
/**
 * Operations a machine sends, signed with its estate's secret instead of a session (the PBX's
 * call events, R-PH-5): their requests are signed with estate A's, so each fault is the only one;
 * naming estate B in the path with A's signature is refused as unsigned (401).
 */
const SIGNED_OPERATIONS = ['receivePbxEvent'];
const operationNamed = (id: string) => mutating.find((op) => op.operationId === id) as Operation;

for (const op of mutating) {
  const name = op.operationId;
  describe(`${name} (${op.method} ${op.path}): bad input is refused and changes nothing [${ENGINE}]`, () => {
    let t: TestApp;
    let managerA: Client;
    /** Who sends the operation's requests: the admin, or for the portal's the resident of A's unit. */
    let sender: Client;

    beforeAll(async () => {
      t = await createTestApp({ from: seeded });
      managerA = await t.as('manager-a');
      sender = isPortalOperation(op)
        ? await buildResidentClient(t, a.estateId, a.residentId)
        : SIGNED_OPERATIONS.includes(name)
          ? new PbxClient(t, a.pbxSecret)
          : t.admin;
    });
    afterAll(async () => t?.close());

    /** Sends one bad request and checks: never 5xx, and not a row of the database moved. */
    async function refused(caseName: string, client: Client, send: (c: Client) => Promise<Response<Json>>): Promise<Response<Json>> {
      const before = await snapshot(t);
      const res = await send(client);
      expect(res.status, `${name} / ${caseName}: answered ${res.status} ${shown(res)}`).toBeLessThan(500);
      expect(await snapshot(t), `${name} / ${caseName}: the database changed`).toEqual(before);
      return res;
    }

    it(`${name}: malformed JSON is refused with 400 request.malformed_json`, async () => {
      const res = await refused('malformed JSON', sender, (c) => c.request(op.method, pathFor(op, a), undefined, { rawBody: '{"name": ' }));
      if (op.body) {
        expect(res.status, `${name} / malformed JSON: ${shown(res)}`).toBe(400);
        expect(res.body.error.code, `${name} / malformed JSON`).toBe('request.malformed_json');
      } else {
        expect(res.status, `${name} / malformed JSON (no body documented): ${shown(res)}`).toBeGreaterThanOrEqual(400);
      }
    });

    for (const { field, kind, value } of wrongTypeCases(op)) {
      it(`${name}: ${field} (${kind}) sent as ${JSON.stringify(value)} is refused with 400 naming body.${field}`, async () => {
        const body = { ...exampleBody(op, a), [field]: value };
        const res = await refused(`wrong type of ${field}`, sender, (c) => c.request(op.method, pathFor(op, a), body));
        expect(res.status, `${name} / wrong type of ${field}: ${shown(res)}`).toBe(400);
        expect(res.body.error.code, `${name} / wrong type of ${field}`).toBe('validation.failed');
        const paths: string[] = res.body.error.details.issues.map((i: { path: string }) => i.path);
        expect(
          paths.some((p) => p === `body.${field}` || p.endsWith(`.${field}`)),
          `${name} / wrong type of ${field}: issues name ${JSON.stringify(paths)}`,
        ).toBe(true);
      });
    }

    if (op.body) {
      it(`${name}: an unknown field is refused with 400 naming it`, async () => {
        const body = { ...exampleBody(op, a), notAField: 1 };
        const res = await refused('unknown field', sender, (c) => c.request(op.method, pathFor(op, a), body));
        expect(res.status, `${name} / unknown field: ${shown(res)}`).toBe(400);
        expect(res.body.error.code, `${name} / unknown field`).toBe('validation.failed');
        const paths: string[] = res.body.error.details.issues.map((i: { path: string }) => i.path);
        expect(paths, `${name} / unknown field`).toContain('body.notAField');
      });
    }

    const limit = BODY_LIMITS[name] ?? MiB;
    it(`${name}: a body over its ${limit / MiB} MiB limit is refused with 413`, async () => {
      const padding = 'A'.repeat(limit + MiB);
      const field = stringFields(op)[0];
      const raw = RAW_BODIES[name];
      const rawBody = raw
        ? Buffer.concat([raw.example, Buffer.alloc(limit + MiB)])
        : JSON.stringify(field ? { ...exampleBody(op, a), [field]: padding } : { padding });
      const headers = raw ? { 'content-type': raw.contentType } : undefined;
      const res = await refused('oversized body', sender, (c) => c.request(op.method, pathFor(op, a), undefined, { rawBody, headers }));
      expect(res.status, `${name} / oversized body: ${shown(res)}`).toBe(413);
      expect(res.body.error.code, `${name} / oversized body`).toBe('request.too_large');
    });

    if (op.pathParams.length) {
      it(`${name}: a manager of estate A naming estate B's records in the path is refused with 404 or 403`, async () => {
        const body = exampleBody(op, b);
        const client = SIGNED_OPERATIONS.includes(name) ? sender : managerA;
        const res = await refused("estate B's ids in the path", client, (c) => c.request(op.method, pathFor(op, b), body));
        expect(
          SIGNED_OPERATIONS.includes(name) ? [401] : [403, 404],
          `${name} / estate B's ids in the path: ${res.status} ${shown(res)}`,
        ).toContain(res.status);
        const text = JSON.stringify(res.body);
        for (const secret of [b.estateName, b.unitNumber, b.residentName, b.residentPhone]) {
          expect(text, `${name} / estate B's ids in the path: the answer shows ${secret}`).not.toContain(secret);
        }
      });
    }

    for (const ref of CROSS_ESTATE_REFERENCES[name] ?? []) {
      it(`${name}: a manager of estate A referring to ${ref.what} in the body is refused with 422 naming ${ref.field}`, async () => {
        const res = await refused(`reference to ${ref.what}`, managerA, (c) => c.request(op.method, pathFor(op, a), ref.body(a, b)));
        expect(res.status, `${name} / reference to ${ref.what}: ${shown(res)}`).toBe(422);
        expect(res.body.error.code, `${name} / reference to ${ref.what}`).toBe('reference.not_found');
        expect(res.body.error.details.field, `${name} / reference to ${ref.what}`).toBe(ref.field);
      });
    }

    // A NUL character is valid JSON but not every text column stores it: the answer is never a
    // server error, and a refusal changes nothing. The server refuses a NUL before validation
    // (platform/http/body-shape.ts), so these requests share the operation's app like the faults
    // above; the example body below, sent last, shows none of them changed what it needs.
    if (stringFields(op).length) {
      it(`${name}: a NUL character inside each text field (${stringFields(op).join(', ')}) is answered without a server error`, async () => {
        for (const field of stringFields(op)) {
          const body = exampleBody(op, a) ?? {};
          const valid = body[field];
          const value = typeof valid === 'string' && valid.length > 1 ? `${valid.slice(0, 1)}\u0000${valid.slice(1)}` : 'a\u0000b';
          const before = await snapshot(t);
          const res = await sender.request(op.method, pathFor(op, a), { ...body, [field]: value });
          expect.soft(res.status, `${name} / NUL in ${field}: answered ${res.status} ${shown(res)}`).toBeLessThan(500);
          if (res.status >= 400)
            expect.soft(await snapshot(t), `${name} / NUL in ${field}: refused, yet the database changed`).toEqual(before);
        }
      });
    }

    // Last: the one request meant to succeed, proving the faults above were the only ones.
    it(`${name}: the example body itself is accepted`, async () => {
      // Signing in, out or changing the password would disturb the shared admin session.
      const client = ['login', 'logout', 'changePassword'].includes(name) ? await t.as('admin') : sender;
      const raw = RAW_BODIES[name];
      const res = raw
        ? await client.request(op.method, pathFor(op, a), undefined, { rawBody: raw.example, headers: { 'content-type': raw.contentType } })
        : await client.request(op.method, pathFor(op, a), (await FRESH_EXAMPLES[name]?.(t, a)) ?? exampleBody(op, a));
      expect(res.status, `${name} / example body: ${shown(res)}`).toBeGreaterThanOrEqual(200);
      expect(res.status, `${name} / example body: ${shown(res)}`).toBeLessThan(300);
    });
  });
}

/**
 * Query strings of every operation that reads them: a number past what a 32-bit column holds, and
 * a NUL character in free text, are answered (found nothing, or refused), never a server error.
 */
describe(`query strings at the edges of what the database stores [${ENGINE}]`, () => {
  let t: TestApp;
  let a: SeededEstate;
  let resident: Client;
  beforeAll(async () => {
    t = await createTestApp();
    a = await seedEstate(t, 'Q', { estateName: '查苑', unitNumber: 'Q1', residentName: '查住戶', residentPhone: '94440004' });
    resident = await buildResidentClient(t, a.estateId, a.residentId);
  });
  afterAll(async () => t?.close());

  const cases = operationsOf(doc).flatMap((op) =>
    op.queryParams.flatMap(({ name: param, schema }) => {
      const kind = fieldKind(doc, schema);
      if (kind === 'integer' || kind === 'number') return [{ op, param, value: '99999999999', what: 'a number past 32 bits' }];
      if (kind === 'string') return [{ op, param, value: 'a\u0000b', what: 'a NUL character' }];
      return [];
    }),
  );

  it('there are query parameters to check', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const { op, param, value, what } of cases) {
    it(`${op.operationId}: ?${param}= ${what} is answered without a server error`, async () => {
      const asker = isPortalOperation(op) ? resident : t.admin;
      const res = await asker.request(op.method, `${pathFor(op, a)}?${param}=${encodeURIComponent(value)}`);
      expect(res.status, `${op.operationId} / ?${param}= ${what}: answered ${res.status} ${shown(res)}`).toBeLessThan(500);
      if (res.status >= 400) expect(res.status, `${op.operationId} / ?${param}= ${what}`).toBe(400);
    });
  }
});
