import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildStaff, buildUnit, buildWorld } from '../support/factories.js';
import { createTestApp, ENGINE, type TestApp } from '../support/harness.js';

type Script = { situation: string; locale: string; text: string; custom: boolean };

describe(`the plan's words at the desk [${ENGINE}]`, () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  beforeEach(async () => {
    t = await createTestApp({ now: '2026-11-20T02:00:00.000Z' });
    world = await buildWorld(t);
  });
  afterEach(async () => t.close());

  const storedTitle = async (id: string) =>
    (await t.ctx.db.selectFrom('residents').select('title').where('id', '=', id).executeTakeFirstOrThrow()).title;

  it('[R-WD-2] a resident is created with a title, changes it and loses it, and the database keeps each', async () => {
    const created = await t.admin.post(`/estates/${world.estate.id}/residents`, {
      name: '陳大文',
      kind: 'owner',
      title: 'mrs',
      unitIds: [world.unit.id],
    });
    expect(created.status).toBe(201);
    expect(created.body.title).toBe('mrs');
    expect(await storedTitle(created.body.id)).toBe('mrs');

    const changed = await t.admin.patch(`/residents/${created.body.id}`, { title: 'mr' });
    expect(changed.body.title).toBe('mr');
    expect((await t.admin.get(`/residents/${created.body.id}`)).body.title).toBe('mr');
    expect(await storedTitle(created.body.id)).toBe('mr');

    const cleared = await t.admin.patch(`/residents/${created.body.id}`, { title: null });
    expect(cleared.body.title).toBeNull();
    expect(await storedTitle(created.body.id)).toBeNull();

    const untitled = await t.admin.post(`/estates/${world.estate.id}/residents`, { name: '李四', kind: 'tenant' });
    expect(untitled.body.title).toBeNull();
    const listed = await t.admin.get(`/estates/${world.estate.id}/residents?q=${encodeURIComponent('陳大文')}`);
    expect(listed.body.items[0]).toMatchObject({ name: '陳大文', title: null });
  });

  it('[R-WD-2] a title that is not a form of address is refused naming the field, on create and on update', async () => {
    const bad = await t.admin.post(`/estates/${world.estate.id}/residents`, { name: '陳大文', kind: 'owner', title: 'sir' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toBe('body.title');
    const badUpdate = await t.admin.patch(`/residents/${world.resident.id}`, { title: '太太' });
    expect(badUpdate.status).toBe(400);
    expect(badUpdate.body.error.details.issues[0].path).toBe('body.title');
  });

  it('[R-WD-2] a visitor who gives the name of a resident of the unit is that resident, with their title on the visit', async () => {
    const desk = await buildStaff(t, world.estate.id, { username: 'desk', role: 'receptionist' });
    expect(desk.id).toBeTruthy();
    const client = await t.as('desk');
    const unit = await buildUnit(t, world.estate.id, { buildingId: world.building.id, number: '3C' });
    const resident = await t.admin.post(`/estates/${world.estate.id}/residents`, {
      name: '張美玲',
      kind: 'owner',
      title: 'miss',
      unitIds: [unit.id],
    });
    const known = await client.post(`/estates/${world.estate.id}/visits`, { visitorName: '張美玲', unitId: unit.id, purpose: 'inquiry' });
    expect(known.status).toBe(201);
    expect(known.body).toMatchObject({ residentId: resident.body.id, visitorTitle: 'miss' });
    const stranger = await client.post(`/estates/${world.estate.id}/visits`, {
      visitorName: '路人甲',
      unitId: unit.id,
      purpose: 'inquiry',
    });
    expect(stranger.body).toMatchObject({ residentId: null, visitorTitle: null });
    const listed = await client.get(`/estates/${world.estate.id}/visits?status=waiting`);
    const shown = listed.body.items.find((v: { id: string }) => v.id === known.body.id);
    expect(shown.visitorTitle).toBe('miss');
  });

  it('[R-WK-5] "in another office" is a presence state kept on the board, and the desk is offered its script', async () => {
    const wong = await buildStaff(t, world.estate.id, { username: 'wong', role: 'department' });
    const client = await t.as('wong');
    const set = await client.put(`/staff/${wong.id}/presence`, { state: 'other_office', note: '工程部辦公室' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ state: 'other_office', note: '工程部辦公室', until: null });
    const stored = await t.ctx.db.selectFrom('presence').select('state').where('staff_id', '=', wong.id).executeTakeFirstOrThrow();
    expect(stored.state).toBe('other_office');
    const board = await client.get(`/estates/${world.estate.id}/presence`);
    const row = board.body.items.find((i: { staff: { id: string } }) => i.staff.id === wong.id);
    expect(row.presence.state).toBe('other_office');

    const scripts = await client.get(`/estates/${world.estate.id}/desk-scripts`);
    const text = (situation: string, locale: string) =>
      (scripts.body.items as Script[]).find((s) => s.situation === situation && s.locale === locale)?.text;
    expect(text('other_office', 'zh-Hant')).toBe('{name}在其他辦公室處理事務，我幫您找一下，請稍等。');
    expect(text('other_office', 'en')).toContain('another office');
  });

  it("[R-WD-2] the counter's and complaints' words are seeded for every estate in three languages and reworded like any script", async () => {
    const other = await t.admin.post('/estates', { code: 'hfg', name: '海峰閣', address: '香港海峰路1號', officeName: '海峰閣管理處' });
    const situations = [
      'walk_in_greeting',
      'walk_in_away',
      'walk_in_farewell',
      'complaint_apology',
      'complaint_forward',
      'complaint_escalate',
      'thanks_registration',
      'reply_to_thanks',
      'other_office',
    ];
    for (const estateId of [world.estate.id, other.body.id]) {
      const scripts = (await t.admin.get(`/estates/${estateId}/desk-scripts`)).body.items as Script[];
      for (const situation of situations)
        for (const locale of ['zh-Hant', 'zh-Hans', 'en'])
          expect(scripts.find((s) => s.situation === situation && s.locale === locale)?.text, `${situation} ${locale}`).toBeTruthy();
      const zh = (situation: string) => scripts.find((s) => s.situation === situation && s.locale === 'zh-Hant')?.text;
      expect(zh('complaint_escalate')).toBe('對不起，{addressee}，我無權處理此事，我會向有關領導反映閣下的意見。');
      expect(zh('reply_to_thanks')).toBe('{addressee}，請別客氣。');
    }
    const reworded = await t.admin.put(`/estates/${world.estate.id}/desk-scripts/walk_in_farewell`, {
      locale: 'zh-Hant',
      text: '{addressee}，慢行，再見！',
    });
    expect(reworded.status).toBe(200);
    const saved = (reworded.body.items as Script[]).find((s) => s.situation === 'walk_in_farewell' && s.locale === 'zh-Hant');
    expect(saved).toMatchObject({ text: '{addressee}，慢行，再見！', custom: true });
    const elsewhere = (await t.admin.get(`/estates/${other.body.id}/desk-scripts`)).body.items as Script[];
    expect(elsewhere.find((s) => s.situation === 'walk_in_farewell' && s.locale === 'zh-Hant')?.custom).toBe(false);
  });
});
