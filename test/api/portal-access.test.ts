import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildResident, buildResidentClient, buildUnit } from '../support/factories.js';
import { type Client, createTestApp, ENGINE, type Response, type TestApp } from '../support/harness.js';
import {
  API_PREFIX,
  answerText,
  type EstateIds,
  exampleBody,
  expectNothingOf,
  loadOpenApi,
  type Operation,
  operationsOf,
  pathFor,
  type SeededEstate,
  seedTwoEstates,
} from '../support/openapi.js';

/**
 * R-PT-1: "a resident sees and acts only on their own units' records: every other id answers 404".
 * Every operation of the portal (its ability starts with `portal.`), read from the OpenAPI
 * document, asked by resident X with the ids of another unit's case, its follow-up and its photo:
 * 404, nothing of that case in the answer, and nothing changed.
 */

const doc = await loadOpenApi();

function abilityOf(op: Operation): string {
  const entry = doc.paths[`${API_PREFIX}${op.path}`]?.[op.method.toLowerCase()] as { 'x-ability'?: string } | undefined;
  return entry?.['x-ability'] ?? '';
}

const portalOperations = operationsOf(doc).filter((op) => abilityOf(op).startsWith('portal.'));
/** The ones that name a record of a unit; the others (the list, reporting, the notice board) name only the estate. */
const namingARecord = portalOperations.filter((op) => op.pathParams.some((p) => p !== 'estateId'));

/** The other unit's case as seen in an answer: its words, its unit and its resident. */
function expectNothingOfTheCase(a: SeededEstate, body: unknown, label: string): void {
  const text = answerText(body);
  for (const secret of [a.unitNumber, a.residentName, a.residentPhone, a.caseId, a.complaintId, a.estateName])
    expect(text, `${label}: the answer shows "${secret}" of the other unit's case`).not.toContain(secret);
  for (const words of ['浴室天花滲水', '走廊雜物阻塞', '已檢查', '已清理走廊'])
    expect(text, `${label}: the answer shows the other unit's words "${words}"`).not.toContain(words);
}

async function historyHeads(t: TestApp) {
  return t.ctx.db.selectFrom('history_heads').select(['chain', 'seq', 'hash']).orderBy('chain').execute();
}

const shown = (res: Response) => answerText(res.body).slice(0, 400);

describe(`the portal's operations on another unit's records [${ENGINE}]`, () => {
  let t: TestApp;
  let a: SeededEstate;
  let b: SeededEstate;
  let residentX: Client;
  let xUnitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ a, b } = await seedTwoEstates(t));
    // Resident X lives in estate A, in another unit than the one of the seeded case, follow-up and photo.
    const unit = await buildUnit(t, a.estateId, { buildingId: a.buildingId, number: 'X808' });
    xUnitId = unit.id;
    const resident = await buildResident(t, a.estateId, { name: '住戶X', unitIds: [unit.id] });
    residentX = await buildResidentClient(t, a.estateId, resident.id);
  });
  afterAll(async () => t?.close());

  it('the document has portal operations, and every one naming a record names a case, follow-up or photo', () => {
    expect(portalOperations.map((op) => op.operationId).sort()).toEqual(
      [
        'answerPortalSatisfaction',
        'createPortalCase',
        'getPortalCase',
        'getPortalNoticeBoard',
        'getPortalPhoto',
        'getPortalPreferences',
        'listPortalCases',
        'listPortalMessages',
        'setPortalPreferences',
        'scorePortalFollowUp',
        'uploadPortalPhoto',
      ].sort(),
    );
    for (const op of namingARecord)
      for (const p of op.pathParams) expect(['estateId', 'caseId', 'followUpId', 'attachmentId'], op.operationId).toContain(p);
  });

  for (const op of namingARecord) {
    it(`${op.operationId} (${abilityOf(op)}) with the ids of another unit's records answers 404, shows nothing of them and changes nothing`, async () => {
      const before = await historyHeads(t);
      // Each record as the operation would take it (a complaint awaiting satisfaction, a made visit).
      const path = pathFor(op, a);
      const res =
        op.operationId === 'uploadPortalPhoto'
          ? await residentX.request(op.method, path, undefined, {
              rawBody: Buffer.from('89504e470d0a1a0a', 'hex'),
              headers: { 'content-type': 'image/png' },
            })
          : await residentX.request(op.method, path, exampleBody(op, a));
      const label = `${op.operationId}: ${res.status} ${shown(res)}`;
      expect(res.status, label).toBe(404);
      expect(res.body.error.code, label).toBe('not_found');
      expectNothingOfTheCase(a, res.body, label);
      expect(await historyHeads(t), `${label}: something was changed`).toEqual(before);
    });

    it(`${op.operationId} with estate B's records answers 404 and shows nothing of B`, async () => {
      const before = await historyHeads(t);
      const res = await residentX.request(op.method, pathFor(op, b), exampleBody(op, b));
      const label = `${op.operationId} on B: ${res.status} ${shown(res)}`;
      expect(res.status, label).toBe(404);
      expectNothingOf(b, res.body, label);
      expect(await historyHeads(t), `${label}: something was changed`).toEqual(before);
    });
  }

  it('the same records are there for their own resident: the 404s above were about whose they are', async () => {
    const owner = await buildResidentClient(t, a.estateId, a.residentId);
    const ids: EstateIds = a;
    expect((await owner.get(`/estates/${a.estateId}/portal/cases/${ids.caseId}`)).status).toBe(200);
    expect((await owner.get(`/estates/${a.estateId}/portal/cases/${ids.caseId}/attachments/${ids.attachmentId}`)).status).toBe(200);
  });

  it('the list and counts hold nothing of other units, and a filter on another unit finds nothing', async () => {
    const mine = await residentX.post(`/estates/${a.estateId}/portal/cases`, {
      unitId: xUnitId,
      kind: 'inquiry',
      description: '住戶X查詢',
    });
    expect(mine.status).toBe(201);
    const list = await residentX.get(`/estates/${a.estateId}/portal/cases`);
    expect(list.body.total).toBe(1);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([mine.body.id]);
    expectNothingOfTheCase(a, list.body, 'listPortalCases');
    const other = await residentX.get(`/estates/${a.estateId}/portal/cases?unitId=${a.unitId}`);
    expect(other.body).toMatchObject({ total: 0, items: [] });
    const reportOnOther = await residentX.post(
      `/estates/${a.estateId}/portal/cases`,
      exampleBody(portalOperations.find((o) => o.operationId === 'createPortalCase') as Operation, a),
    );
    expect(reportOnOther.status).toBe(422);
    expect(reportOnOther.body.error.details.field).toBe('unitId');
  });
});
