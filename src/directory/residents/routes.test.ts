import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PortalTransport } from '../../../src/platform/outbox/transports.js';
import { OutboxWorker } from '../../../src/platform/outbox/worker.js';
import { buildBuilding, buildEstate, buildResident, buildResidentClient, buildUnit } from '../../../test/support/factories.js';
import { type Client, createTestApp, ENGINE, type TestApp } from '../../../test/support/harness.js';

/** R-CP-5 in the portal: the resident chooses how they are told, and reads what they were told there. */
describe(`a resident's messages and preferences in the portal [${ENGINE}]`, () => {
  let t: TestApp;
  let estateId: string;
  let unitId: string;
  let residentId: string;
  let resident: Client;

  beforeEach(async () => {
    t = await createTestApp();
    estateId = (await buildEstate(t)).id;
    const building = await buildBuilding(t, estateId, 'B座');
    unitId = (await buildUnit(t, estateId, { buildingId: building.id, number: '3A' })).id;
    residentId = (await buildResident(t, estateId, { name: '李小姐', phone: '9876 5432', unitIds: [unitId] })).id;
    resident = await buildResidentClient(t, estateId, residentId);
  });
  afterEach(async () => t.close());

  it('reads and sets their own language and channel, and refuses SMS', async () => {
    const before = await resident.get(`/estates/${estateId}/portal/preferences`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ locale: 'zh-Hant', notifyChannel: null, optOut: { sms: false }, hasPhone: true, hasEmail: false });
    const set = await resident.put(`/estates/${estateId}/portal/preferences`, {
      locale: 'en',
      notifyChannel: 'portal',
      optOut: { sms: true },
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ locale: 'en', notifyChannel: 'portal', optOut: { sms: true, email: false, portal: false } });
    const office = await t.admin.get(`/residents/${residentId}`);
    expect(office.body).toMatchObject({ locale: 'en', notifyChannel: 'portal', optOut: { sms: true } });
    const history = await t.ctx.db.selectFrom('history').select(['action', 'actor_id']).where('entity_id', '=', residentId).execute();
    expect(history.map((h) => h.action)).toContain('preferences');
  });

  it('lists the progress messages sent to them in the portal, newest first, with the case they are about', async () => {
    await resident.put(`/estates/${estateId}/portal/preferences`, { notifyChannel: 'portal', locale: 'en' });
    const reported = await resident.post(`/estates/${estateId}/portal/cases`, {
      unitId,
      kind: 'inquiry',
      description: 'When is the water tank cleaned?',
    });
    expect(reported.status).toBe(201);
    const worker = new OutboxWorker({ db: t.ctx.db, clock: t.clock, transports: { portal: new PortalTransport() } });
    try {
      await worker.runOnce();
    } finally {
      await worker.stop();
    }
    const messages = await resident.get(`/estates/${estateId}/portal/messages`);
    expect(messages.status).toBe(200);
    expect(messages.body.total).toBe(1);
    expect(messages.body.items[0]).toMatchObject({ caseId: reported.body.id, caseNumber: reported.body.number });
    expect(messages.body.items[0].body).toContain(reported.body.number);

    const neighbour = await buildResident(t, estateId, { name: '隔鄰', phone: '9000 1111', unitIds: [unitId] });
    const other = await buildResidentClient(t, estateId, neighbour.id);
    expect((await other.get(`/estates/${estateId}/portal/messages`)).body.total).toBe(0);
    expect((await t.admin.get(`/estates/${estateId}/portal/messages`)).status).toBe(403);
  });
});
