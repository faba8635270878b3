import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rolesWith } from '../../src/auth/policy.js';
import { buildStaff } from '../support/factories.js';
import { type Client, createTestApp, ENGINE, type Response, type TestApp } from '../support/harness.js';
import {
  answerText,
  exampleBody,
  expectNothingOf as expectOnlyOwn,
  loadOpenApi,
  type Operation,
  operationsOf,
  pathFor,
  type SeededEstate,
  seedTwoEstates,
} from '../support/openapi.js';

/**
 * Estate isolation: a member of estate A, in any role, can neither read nor change estate B's
 * records, and learns nothing of them; list operations under A never show B's records.
 * Everything but signing in and the health check needs a session.
 */

const doc = await loadOpenApi();
const operations = operationsOf(doc);
const withRecordIds = operations.filter((op) => op.pathParams.length > 0);

/** Reachable without signing in. */
// Signing in needs no session: the staff's, and a resident's by invitation, password or code (R-PT-1).
const PUBLIC_OPERATIONS = [
  'login',
  'getHealth',
  'acceptResidentInvitation',
  'residentLogin',
  'requestResidentSignInCode',
  'residentCodeLogin',
  'receivePbxEvent',
];
const ROLES = ['manager', 'receptionist', 'department', 'maintenance'] as const;
type Role = (typeof ROLES)[number];

/** The record ids a path may name, and the operations known to take each. */
const EXPECTED_WITH_RECORD_IDS = [
  'getCase',
  'listCases',
  'searchCases',
  'listObligations',
  'checkPhrases',
  'listPhraseRules',
  'updatePhraseRule',
  'markNoticeRead',
  'resetStaffPassword',
  'getEstate',
  'updateEstate',
  'listBuildings',
  'createBuilding',
  'updateBuilding',
  'listUnits',
  'lookupUnits',
  'createUnit',
  'getUnit',
  'updateUnit',
  'listResidents',
  'createResident',
  'getResident',
  'updateResident',
  'importUnits',
  'exportUnits',
  'importResidents',
  'exportResidents',
  'listDepartments',
  'createDepartment',
  'updateDepartment',
  'listStaff',
  'getStaff',
  'updateStaff',
  'listPresence',
  'updatePresence',
  'listHistory',
];
const ID_PARAMS = [
  'estateId',
  'buildingId',
  'unitId',
  'residentId',
  'departmentId',
  'staffId',
  'caseId',
  'viewId',
  'attachmentId',
  'ruleId',
  'noticeId',
  'followUpId',
  'rectificationNoticeId',
  'spotCheckId',
  'spotCheckItemId',
  'situation',
  'dataset',
  'messageId',
  'visitId',
  'announcementId',
  'feeItemId',
  'residentAccountId',
  'month',
  'feeChargeRunId',
  'feePaymentId',
  'cashierDayId',
  'pbxCallId',
  // The PBX's webhook names its estate by code, signed with the estate's secret (R-PH-5).
  'estateCode',
];

const shown = (res: Response) => answerText(res.body).slice(0, 600);

const expectNothingOf = (b: SeededEstate, res: Response, label: string) => expectOnlyOwn(b, res.body, label);
const twoEstates = seedTwoEstates;

async function memberOfA(t: TestApp, a: SeededEstate, role: Role): Promise<Client> {
  const username = `${role}-of-a`;
  await buildStaff(t, a.estateId, { username, role, departmentId: role === 'department' ? a.departmentId : null });
  return t.as(username);
}

async function historyHeads(t: TestApp) {
  return t.ctx.db.selectFrom('history_heads').select(['chain', 'seq', 'hash']).orderBy('chain').execute();
}

describe(`the operations of the OpenAPI document that name a record [${ENGINE}]`, () => {
  it('are every operation with a path parameter, and each parameter is a record id this suite fills', () => {
    const ids = withRecordIds.map((op) => op.operationId);
    for (const id of EXPECTED_WITH_RECORD_IDS) expect(ids, `the document has no operation ${id} with a path parameter`).toContain(id);
    for (const op of withRecordIds) {
      for (const p of op.pathParams)
        expect(ID_PARAMS, `${op.operationId}: path parameter {${p}} is not a record id this suite knows`).toContain(p);
    }
    // Every operation is either public, or checked below without a session.
    for (const id of PUBLIC_OPERATIONS) expect(operations.map((op) => op.operationId)).toContain(id);
  });
});

for (const role of ROLES) {
  describe(`a ${role} of estate A asking for estate B's records [${ENGINE}]`, () => {
    let t: TestApp;
    let a: SeededEstate;
    let b: SeededEstate;
    let member: Client;

    beforeAll(async () => {
      t = await createTestApp();
      ({ a, b } = await twoEstates(t));
      member = await memberOfA(t, a, role);
    });
    afterAll(async () => t?.close());

    // Every operation on estate B's records, for every role: test/api/access-matrix.test.ts.

    it(`${role}: listEstates shows estate A only`, async () => {
      const res = await member.get('/estates');
      expect(res.status).toBe(200);
      expect(res.body.items.map((e: { id: string }) => e.id)).toEqual([a.estateId]);
      expect(res.body.total).toBe(1);
      expectNothingOf(b, res, `${role} / listEstates`);
    });

    it(`${role}: getSession lists estate A only`, async () => {
      const res = await member.get('/auth/session');
      expect(res.status).toBe(200);
      expect(res.body.estates.map((e: { id: string }) => e.id)).toEqual([a.estateId]);
      expectNothingOf(b, res, `${role} / getSession`);
    });

    it(`${role}: listResidents of A finds none of B's residents, by name, phone, unit or unit number`, async () => {
      if (!rolesWith('resident.read').includes(role)) {
        // Maintenance staff see the resident of the repair they hold, not the directory.
        const refused = await member.get(`/estates/${a.estateId}/residents`);
        expect(refused.status).toBe(403);
        expectNothingOf(b, refused, `${role} / listResidents`);
        return;
      }
      const own = await member.get(`/estates/${a.estateId}/residents?q=${encodeURIComponent(a.residentName)}`);
      expect(own.status).toBe(200);
      expect(own.body.total, 'the search finds A’s own resident by name').toBe(1);
      for (const query of [
        `q=${encodeURIComponent(b.residentName)}`,
        `q=${b.residentPhone}`,
        `q=${b.unitNumber}`,
        `unitId=${b.unitId}`,
        `buildingId=${b.buildingId}`,
      ]) {
        const res = await member.get(`/estates/${a.estateId}/residents?${query}`);
        expect(res.status, `listResidents?${query}`).toBe(200);
        expect(res.body.total, `listResidents?${query}`).toBe(0);
        expect(res.body.items, `listResidents?${query}`).toEqual([]);
      }
      const all = await member.get(`/estates/${a.estateId}/residents?pageSize=200`);
      expect(all.body.items.map((r: { id: string }) => r.id)).toEqual([a.residentId]);
      expectNothingOf(b, all, `${role} / listResidents`);
    });

    it(`${role}: listUnits and listBuildings of A show none of B's`, async () => {
      const units = await member.get(`/estates/${a.estateId}/units?pageSize=200`);
      expect(units.status).toBe(200);
      expect(units.body.items.map((u: { id: string }) => u.id)).toEqual([a.unitId]);
      expectNothingOf(b, units, `${role} / listUnits`);
      for (const query of [`q=${b.unitNumber}`, `buildingId=${b.buildingId}`]) {
        const res = await member.get(`/estates/${a.estateId}/units?${query}`);
        expect(res.status, `listUnits?${query}`).toBe(200);
        expect(res.body.total, `listUnits?${query}`).toBe(0);
      }
      const buildings = await member.get(`/estates/${a.estateId}/buildings?pageSize=200`);
      expect(buildings.status).toBe(200);
      expect(buildings.body.items.map((x: { id: string }) => x.id)).toEqual([a.buildingId]);
      expectNothingOf(b, buildings, `${role} / listBuildings`);
    });

    it(`${role}: listDepartments of A shows A's departments only`, async () => {
      const res = await member.get(`/estates/${a.estateId}/departments?pageSize=200`);
      expect(res.status).toBe(200);
      const ids: string[] = res.body.items.map((d: { id: string }) => d.id);
      expect(ids.sort()).toEqual([...a.departmentIds].sort());
      for (const id of b.departmentIds) expect(ids).not.toContain(id);
    });

    it(`${role}: listStaff and listPresence of A do not show B-only staff`, async () => {
      const staff = await member.get(`/estates/${a.estateId}/staff?pageSize=200`);
      expect(staff.status).toBe(200);
      const ids: string[] = staff.body.items.map((s: { id: string }) => s.id);
      expect(ids).toContain(a.staffId);
      expect(ids).not.toContain(b.staffId);
      expectNothingOf(b, staff, `${role} / listStaff`);
      for (const query of [`q=${b.staffUsername}`, `departmentId=${b.departmentId}`]) {
        const res = await member.get(`/estates/${a.estateId}/staff?${query}`);
        expect(res.status, `listStaff?${query}`).toBe(200);
        expect(res.body.total, `listStaff?${query}`).toBe(0);
      }
      const presence = await member.get(`/estates/${a.estateId}/presence`);
      expect(presence.status).toBe(200);
      const onBoard: string[] = presence.body.items.map((p: { staff: { id: string } }) => p.staff.id);
      expect(onBoard).toContain(a.staffId);
      expect(onBoard).not.toContain(b.staffId);
      expectNothingOf(b, presence, `${role} / listPresence`);
    });

    it(`${role}: the units and residents exports of A, where the role may export, hold none of B's rows; B's exports answer 404`, async () => {
      for (const what of ['units', 'residents'] as const) {
        const own = await member.get(`/estates/${a.estateId}/${what}/export?format=csv`);
        if (rolesWith(what === 'units' ? 'unit.export' : 'resident.export').includes(role)) {
          expect(own.status, `export ${what} of A`).toBe(200);
          expect(String(own.body)).toContain(what === 'units' ? a.unitNumber : a.residentName);
        } else {
          expect(own.status, `export ${what} of A`).toBe(403);
        }
        expectNothingOf(b, own, `${role} / export ${what} of A`);
        const theirs = await member.get(`/estates/${b.estateId}/${what}/export?format=csv`);
        expect(theirs.status, `export ${what} of B`).toBe(404);
        expectNothingOf(b, theirs, `${role} / export ${what} of B`);
        const xlsx = await member.get(`/estates/${b.estateId}/${what}/export?format=xlsx`);
        expect(xlsx.status, `export ${what} of B as xlsx`).toBe(404);
      }
    });

    it(`${role}: listHistory of A, where the role may read it, holds no entry about B's records`, async () => {
      const res = await member.get(`/estates/${a.estateId}/history?pageSize=200`);
      if (role === 'manager') {
        expect(res.status).toBe(200);
        expect(res.body.total).toBeGreaterThan(0);
        const entities: string[] = res.body.items.map((h: { entityId: string }) => h.entityId);
        for (const id of [b.estateId, b.buildingId, b.unitId, b.residentId, b.staffId, ...b.departmentIds])
          expect(entities).not.toContain(id);
      } else {
        expect(res.status).toBe(403);
      }
      expectNothingOf(b, res, `${role} / listHistory of A`);
    });
  });
}

describe(`a staff member of both estates, seen from estate A [${ENGINE}]`, () => {
  let t: TestApp;
  let a: SeededEstate;
  let b: SeededEstate;
  let manager: Client;
  beforeAll(async () => {
    t = await createTestApp();
    ({ a, b } = await twoEstates(t));
    manager = await memberOfA(t, a, 'manager');
  });
  afterAll(async () => t?.close());

  async function staffOfBoth(username: string, seatInB: 'R1' | 'R2'): Promise<string> {
    const res = await t.admin.post('/staff', {
      username,
      name: '兩苑職員',
      surname: '張',
      role: 'receptionist',
      password: 'Both-estates-2026',
      estates: [
        { estateId: a.estateId, departmentId: null, counterSeat: null },
        { estateId: b.estateId, departmentId: b.departmentId, counterSeat: seatInB },
      ],
    });
    expect(res.status, shown(res)).toBe(201);
    return res.body.id;
  }

  it("getStaff and listStaff show a manager of A only estate A's membership; an admin sees both", async () => {
    const id = await staffOfBoth('both.estates', 'R1');
    const one = await manager.get(`/staff/${id}`);
    expect(one.status).toBe(200);
    const listed = await manager.get(`/estates/${a.estateId}/staff?q=both.estates`);
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(1);
    for (const [label, res, staff] of [
      ['getStaff', one, one.body],
      ['listStaff', listed, listed.body.items[0]],
    ] as const) {
      expect(
        staff.estates.map((m: { estateId: string }) => m.estateId),
        label,
      ).toEqual([a.estateId]);
      expect(answerText(res.body), label).not.toContain(b.estateId);
      expect(answerText(res.body), label).not.toContain(b.departmentId);
    }
    const asAdmin = await t.admin.get(`/staff/${id}`);
    expect(asAdmin.body.estates.map((m: { estateId: string }) => m.estateId).sort()).toEqual([a.estateId, b.estateId].sort());
  });

  it("a manager of A setting that person's estates leaves the estate B membership as it was", async () => {
    const id = await staffOfBoth('both.again', 'R2');
    const res = await manager.patch(`/staff/${id}`, {
      estates: [{ estateId: a.estateId, departmentId: a.departmentId, counterSeat: null }],
    });
    expect(res.status, shown(res)).toBe(200);
    expect(res.body.estates.map((m: { estateId: string }) => m.estateId)).toEqual([a.estateId]);
    const asAdmin = await t.admin.get(`/staff/${id}`);
    const memberships = asAdmin.body.estates as { estateId: string; departmentId: string | null; counterSeat: string | null }[];
    expect(memberships.find((m) => m.estateId === b.estateId)).toEqual({
      estateId: b.estateId,
      role: 'receptionist',
      departmentId: b.departmentId,
      counterSeat: 'R2',
    });
    expect(memberships.find((m) => m.estateId === a.estateId)?.departmentId).toBe(a.departmentId);
  });
});

describe(`roles are held per estate [${ENGINE}]`, () => {
  let t: TestApp;
  let a: SeededEstate;
  let b: SeededEstate;
  let managerOfA: Client;
  beforeAll(async () => {
    t = await createTestApp();
    ({ a, b } = await twoEstates(t));
    managerOfA = await memberOfA(t, a, 'manager');
  });
  afterAll(async () => t?.close());

  async function workerOfBoth(username: string, roles: { a: string; b: string }): Promise<string> {
    const res = await t.admin.post('/staff', {
      username,
      name: '兩苑職員',
      surname: '麥',
      role: 'receptionist',
      password: 'Both-estates-2026',
      estates: [
        { estateId: a.estateId, role: roles.a, departmentId: null, counterSeat: null },
        { estateId: b.estateId, role: roles.b, departmentId: null, counterSeat: null },
      ],
    });
    expect(res.status, shown(res)).toBe(201);
    return res.body.id;
  }

  it('a manager in A who is a receptionist in B manages A and not B, and the session lists each role with its abilities', async () => {
    await workerOfBoth('split.roles', { a: 'manager', b: 'receptionist' });
    const person = await t.as('split.roles', 'Both-estates-2026');
    expect((await person.get(`/estates/${a.estateId}/history`)).status).toBe(200);
    const inB = await person.get(`/estates/${b.estateId}/history`);
    expect(inB.status, shown(inB)).toBe(403);
    expect(inB.body.error.details.ability).toBe('history.read');
    const session = await person.get('/auth/session');
    const byId = new Map(session.body.estates.map((e: { id: string }) => [e.id, e]));
    expect(byId.get(a.estateId)).toMatchObject({ role: 'manager' });
    expect(byId.get(b.estateId)).toMatchObject({ role: 'receptionist' });
    expect((byId.get(a.estateId) as { abilities: string[] }).abilities).toContain('history.read');
    expect((byId.get(b.estateId) as { abilities: string[] }).abilities).not.toContain('history.read');
    expect((byId.get(b.estateId) as { abilities: string[] }).abilities).toContain('case.close');
  });

  it('a manager of A changing the role of a person who also works in B gets 403, and the person is unchanged in both', async () => {
    const id = await workerOfBoth('works.in.both', { a: 'receptionist', b: 'receptionist' });
    const res = await managerOfA.patch(`/staff/${id}`, { role: 'manager' });
    expect(res.status, shown(res)).toBe(403);
    expect(res.body.error.code).toBe('auth.forbidden');
    const after = await t.admin.get(`/staff/${id}`);
    expect(after.body.role).toBe('receptionist');
    expect(after.body.estates.map((m: { role: string }) => m.role)).toEqual(['receptionist', 'receptionist']);
    // The person cannot then act as a manager in B.
    const person = await t.as('works.in.both', 'Both-estates-2026');
    expect((await person.get(`/estates/${b.estateId}/history`)).status).toBe(403);
  });

  it('a manager of A may make that person manager in A only, which gives no power in B', async () => {
    const id = await workerOfBoth('manager.in.a', { a: 'receptionist', b: 'department' });
    const res = await managerOfA.patch(`/staff/${id}`, {
      estates: [{ estateId: a.estateId, role: 'manager', departmentId: null, counterSeat: null }],
    });
    expect(res.status, shown(res)).toBe(200);
    const after = await t.admin.get(`/staff/${id}`);
    const roles = Object.fromEntries(after.body.estates.map((m: { estateId: string; role: string }) => [m.estateId, m.role]));
    expect(roles).toEqual({ [a.estateId]: 'manager', [b.estateId]: 'department' });
    const person = await t.as('manager.in.a', 'Both-estates-2026');
    expect((await person.get(`/estates/${a.estateId}/history`)).status).toBe(200);
    const inB = await person.patch(`/estates/${b.estateId}`, { name: '乙苑改名' });
    expect(inB.status, shown(inB)).toBe(403);
  });

  it('a manager of A cannot grant a role in B, even to a person of A', async () => {
    const res = await managerOfA.post('/staff', {
      username: 'granted.in.b',
      name: '越權',
      surname: '關',
      role: 'manager',
      password: 'Granted-in-b-2026',
      estates: [
        { estateId: a.estateId, departmentId: null, counterSeat: null },
        { estateId: b.estateId, departmentId: null, counterSeat: null },
      ],
    });
    expect([403, 404, 422, 400], shown(res)).toContain(res.status);
    expect(await t.ctx.db.selectFrom('staff').select('id').where('username', '=', 'granted.in.b').executeTakeFirst()).toBeUndefined();
  });

  it("a receptionist of A, who does not manage staff, cannot change anyone's role", async () => {
    const desk = await memberOfA(t, a, 'receptionist');
    const res = await desk.patch(`/staff/${a.staffId}`, { role: 'manager' });
    expect(res.status, shown(res)).toBe(403);
    expect(res.body.error.details.ability).toBe('staff.write');
  });
});

describe(`an admin who works for estate A, seen by a manager of A [${ENGINE}]`, () => {
  let t: TestApp;
  let a: SeededEstate;
  let manager: Client;
  let adminId: string;
  beforeAll(async () => {
    t = await createTestApp();
    ({ a } = await twoEstates(t));
    manager = await memberOfA(t, a, 'manager');
    const res = await t.admin.post('/staff', {
      username: 'estate.admin',
      name: '苑區管理員',
      surname: '何',
      role: 'admin',
      password: 'Estate-admin-2026',
      estates: [{ estateId: a.estateId, departmentId: null, counterSeat: null }],
    });
    expect(res.status, shown(res)).toBe(201);
    adminId = res.body.id;
  });
  // Each case starts from the admin as created, whatever the one before did.
  beforeEach(async () => {
    const res = await t.admin.patch(`/staff/${adminId}`, { role: 'admin', name: '苑區管理員', disabled: false });
    expect(res.status, shown(res)).toBe(200);
  });
  afterAll(async () => t?.close());

  for (const [what, body] of [
    ['a change of name', { name: '改名' }],
    ['disabling the account', { disabled: true }],
    ['a change of role to receptionist', { role: 'receptionist' }],
    ['a change of role to manager', { role: 'manager' }],
  ] as const) {
    it(`refuses ${what} with 403 and leaves the admin as they were`, async () => {
      const res = await manager.patch(`/staff/${adminId}`, body);
      expect(res.status, shown(res)).toBe(403);
      expect(res.body.error.code).toBe('auth.forbidden');
      const after = await t.admin.get(`/staff/${adminId}`);
      expect(after.body).toMatchObject({ role: 'admin', name: '苑區管理員', disabled: false });
    });
  }

  it("refuses resetting the admin's password with 403", async () => {
    const res = await manager.post(`/staff/${adminId}/password`, {});
    expect(res.status, shown(res)).toBe(403);
  });
});

describe(`listEstates for an admin [${ENGINE}]`, () => {
  let t: TestApp;
  afterAll(async () => t?.close());

  it('an admin sees both estates', async () => {
    t = await createTestApp();
    const { a, b } = await twoEstates(t);
    const res = await t.admin.get('/estates');
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { id: string }) => e.id).sort()).toEqual([a.estateId, b.estateId].sort());
    const session = await t.admin.get('/auth/session');
    expect(session.body.estates.map((e: { id: string }) => e.id).sort()).toEqual([a.estateId, b.estateId].sort());
  });
});

describe(`without signing in [${ENGINE}]`, () => {
  let t: TestApp;
  let a: SeededEstate;
  beforeAll(async () => {
    t = await createTestApp();
    ({ a } = await twoEstates(t));
  });
  afterAll(async () => t?.close());

  const closed = operations.filter((op) => !PUBLIC_OPERATIONS.includes(op.operationId));

  it('every operation but the public ones is checked here', () => {
    expect(closed.length + PUBLIC_OPERATIONS.length).toBe(operations.length);
  });

  it('the document marks exactly the public operations as needing no session, and every other one as needing it', () => {
    const marked = operations.filter((op) => op.security.length === 0).map((op) => op.operationId);
    expect(marked.sort(), 'operations the document says need no session').toEqual([...PUBLIC_OPERATIONS].sort());
    for (const op of closed) expect(op.security, `${op.operationId}: the security schemes the document names`).toContain('session');
  });

  for (const op of closed) {
    it(`${op.operationId} (${op.method} ${op.path}) answers 401 auth.required and changes nothing`, async () => {
      const before = await historyHeads(t);
      const res = await t.client().request(op.method, pathFor(op, a), exampleBody(op, a));
      expect(res.status, `${op.operationId}: ${res.status} ${shown(res)}`).toBe(401);
      expect(res.body.error.code, op.operationId).toBe('auth.required');
      expect(await historyHeads(t), `${op.operationId}: something was changed`).toEqual(before);
    });
  }

  it('a session cookie that names no session is refused like none at all', async () => {
    const forged = t.client();
    forged.cookie = 'estatedesk_session=not-a-session';
    const res = await forged.get(`/estates/${a.estateId}`);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('auth.required');
  });

  it('the public operations answer without a session', async () => {
    const byId = (id: string) => operations.find((op) => op.operationId === id) as Operation;
    const health = await t.client().request(byId('getHealth').method, byId('getHealth').path);
    expect(health.status).toBe(200);
    expect(health.body.engine).toBe(ENGINE);
    const login = await t.client().request(byId('login').method, byId('login').path, exampleBody(byId('login'), a));
    expect(login.status, shown(login)).toBe(200);
  });
});
