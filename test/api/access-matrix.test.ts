import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICIES, rolesWith } from '../../src/auth/policy.js';
import type { Holder } from '../../src/platform/abilities.js';
import { buildResident, buildResidentClient, buildStaff, buildUnit } from '../support/factories.js';
import { type Client, createTestApp, ENGINE, type Response, type TestApp } from '../support/harness.js';
import {
  API_PREFIX,
  answerText,
  exampleBody,
  expectNothingOf,
  loadOpenApi,
  type Operation,
  operationsOf,
  requestPathFor,
  type SeededEstate,
  seedTwoEstates,
} from '../support/openapi.js';

/**
 * The access matrix, generated from the policy tables and the OpenAPI document: every operation
 * × every role × own or another estate, the expected answer read from the tables. An operation
 * names its ability as `x-ability`; in its own estate a role that holds the ability is let
 * through (whatever the answer, it is not 401, 403 or 404), a role that lacks it is refused
 * (403, or 404 where the role may not even see the record) and nothing changes; another
 * estate's record answers 404 and shows nothing of it. The records acted on belong to no one
 * of the people asking, so "own" variants (`case.read.own`) do not apply. A resident (R-PT-1) of
 * estate A lives in another unit than the one of the seeded records: the portal's operations that
 * name a record answer 404 to them, as for a record that does not exist.
 */

const doc = await loadOpenApi();
const operations = operationsOf(doc);
const ROLES: readonly Holder[] = ['admin', 'manager', 'receptionist', 'department', 'maintenance', 'resident'];
// Signing in needs no session: the staff's, and a resident's by invitation, password or code (R-PT-1).
const PUBLIC_OPERATIONS = [
  'login',
  'getHealth',
  'acceptResidentInvitation',
  'residentLogin',
  'requestResidentSignInCode',
  'residentCodeLogin',
  // The PBX's call events: no session, a signature with the estate's secret (R-PH-5).
  'receivePbxEvent',
];

function abilityOf(op: Operation): string | undefined {
  const entry = doc.paths[`${API_PREFIX}${op.path}`]?.[op.method.toLowerCase()] as { 'x-ability'?: string } | undefined;
  return entry?.['x-ability'];
}

const companyAbilities = new Set(Object.keys(POLICIES.company));
const estateAbilities = new Set(
  Object.entries(POLICIES)
    .filter(([name]) => name !== 'company')
    .flatMap(([, table]) => Object.keys(table)),
);
const checked = operations.filter((op) => !PUBLIC_OPERATIONS.includes(op.operationId) && abilityOf(op) !== 'self');
// Mutations last, so that what one request changes cannot hide another's answer.
checked.sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET') || a.operationId.localeCompare(b.operationId));

/**
 * Acting on a record needs seeing it: the ability that reads each kind of record a path names.
 * A role that holds an operation's ability but may not read the record it names (a
 * maintenance worker and a case whose repair is someone else's) is refused with 404.
 */
const READ_ABILITY_OF_PARAM: Record<string, string> = {
  caseId: 'case.read',
  attachmentId: 'case.read',
  followUpId: 'followup.read',
  rectificationNoticeId: 'notice.read',
  spotCheckId: 'spotcheck.read',
  spotCheckItemId: 'spotcheck.read',
  messageId: 'message.read',
  visitId: 'visit.read',
  announcementId: 'publicpage.read',
  residentId: 'resident.read',
  residentAccountId: 'resident.account.read',
};

const holds = (role: Holder, a: string) => rolesWith(a as Parameters<typeof rolesWith>[0]).includes(role);

/**
 * A resident acts only on the records of their own unit, and the seeded records are another
 * unit's: an operation naming one is refused them with 404 even where they hold its ability.
 */
function seesRecordsOf(op: Operation, role: Holder): boolean {
  if (role === 'resident') return op.pathParams.every((p) => p === 'estateId');
  return op.pathParams.every((p) => !READ_ABILITY_OF_PARAM[p] || holds(role, READ_ABILITY_OF_PARAM[p]));
}

function letThrough(op: Operation, ability: string, role: Holder): boolean {
  return holds(role, ability) && seesRecordsOf(op, role);
}

const holdsAbility = holds;

/** What a resident of another unit must not see of the seeded unit: its number, its resident's name and phone. */
function expectNothingOfUnit(a: SeededEstate, body: unknown, label: string): void {
  const text = answerText(body);
  for (const secret of [a.unitNumber, a.residentName, a.residentPhone])
    expect(text, `${label}: the answer shows another unit's "${secret}"`).not.toContain(secret);
}

const shown = (res: Response) => answerText(res.body).slice(0, 400);
const LET_THROUGH_NEVER = [401, 403, 404];
const cells = { count: 0 };

async function historyHeads(t: TestApp) {
  return t.ctx.db.selectFrom('history_heads').select(['chain', 'seq', 'hash']).orderBy('chain').execute();
}

describe(`the access matrix's inputs [${ENGINE}]`, () => {
  it('every operation but the public ones names an ability of the policy tables, or `self`', () => {
    for (const op of operations) {
      if (PUBLIC_OPERATIONS.includes(op.operationId)) continue;
      const ability = abilityOf(op);
      expect(
        ability === 'self' || estateAbilities.has(ability ?? '') || companyAbilities.has(ability ?? ''),
        `${op.operationId}: x-ability ${ability}`,
      ).toBe(true);
    }
  });

  it('every ability of the tables is needed by some operation or checked by some use case', () => {
    const used = new Set(operations.map(abilityOf));
    const code = fs
      .readdirSync('src', { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('policy.ts') && !f.endsWith('.test.ts') && !f.startsWith('web'))
      .map((f) => fs.readFileSync(path.join('src', f), 'utf8'))
      .join('\n');
    for (const ability of [...estateAbilities, ...companyAbilities]) {
      expect(used.has(ability) || code.includes(`'${ability}'`), `${ability} is in a policy table but nothing checks it`).toBe(true);
    }
  });
});

for (const role of ROLES) {
  describe(`the access matrix for a ${role} [${ENGINE}]`, () => {
    let t: TestApp;
    let a: SeededEstate;
    let b: SeededEstate;
    let member: Client;

    beforeAll(async () => {
      t = await createTestApp();
      ({ a, b } = await seedTwoEstates(t));
      if (role === 'admin') {
        member = t.admin;
      } else if (role === 'resident') {
        const unit = await buildUnit(t, a.estateId, { buildingId: a.buildingId, number: 'A909' });
        const resident = await buildResident(t, a.estateId, { name: '甲鄰居Nora', unitIds: [unit.id] });
        member = await buildResidentClient(t, a.estateId, resident.id);
      } else {
        const username = `${role}.of.a`;
        await buildStaff(t, a.estateId, { username, role, departmentId: role === 'department' ? a.departmentId : null });
        member = await t.as(username);
      }
    });
    afterAll(async () => t?.close());

    for (const op of checked) {
      const ability = abilityOf(op) ?? '';
      const company = companyAbilities.has(ability);
      const holds = letThrough(op, ability, role);
      const heldAbility = !company && holdsAbility(role, ability);

      it(`${role} in own estate: ${op.operationId} needs ${ability}: ${holds ? 'let through' : 'refused'}`, async () => {
        const before = await historyHeads(t);
        const res = await member.request(op.method, requestPathFor(op, a), exampleBody(op, a));
        cells.count++;
        const label = `${role} / ${op.operationId} (${ability}): ${res.status} ${shown(res)}`;
        expect(res.status, label).toBeLessThan(500);
        if (holds) {
          expect(LET_THROUGH_NEVER, label).not.toContain(res.status);
        } else {
          // Holding the ability but not seeing the record (another unit's, for a resident) is 404 alone.
          expect(company ? [403] : heldAbility ? [404] : [403, 404], label).toContain(res.status);
          if (res.status === 403) expect(res.body.error.details.ability, label).toBe(ability);
          if (role === 'resident') expectNothingOfUnit(a, res.body, label);
          expect(await historyHeads(t), `${label}: something was changed`).toEqual(before);
        }
      });

      if (role !== 'admin' && !company) {
        it(`${role} of estate A on estate B: ${op.operationId} answers 404 and shows nothing of B`, async () => {
          const before = await historyHeads(t);
          const res = await member.request(op.method, requestPathFor(op, b), exampleBody(op, b));
          cells.count++;
          const label = `${role} / ${op.operationId} on B: ${res.status} ${shown(res)}`;
          // An estate named in the body rather than the path is a reference the body gets wrong.
          if (op.pathParams.length === 0 && res.status === 422) expect(res.body.error.code, label).toBe('reference.not_found');
          else expect(res.status, label).toBe(404);
          expectNothingOf(b, res.body, label);
          expect(await historyHeads(t), `${label}: something was changed`).toEqual(before);
        });
      }
    }
  });
}

describe(`the access matrix's size [${ENGINE}]`, () => {
  it('checked every operation for every role in both estates', () => {
    const perRole = checked.length;
    const estateOps = checked.filter((op) => !companyAbilities.has(abilityOf(op) ?? '')).length;
    const expected = ROLES.length * perRole + (ROLES.length - 1) * estateOps;
    console.log(
      `access matrix [${ENGINE}]: ${cells.count} cells checked (${checked.length} operations × ${ROLES.length} roles × own/other estate)`,
    );
    expect(cells.count).toBe(expected);
  });
});
