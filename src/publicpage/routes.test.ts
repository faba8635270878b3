import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEstate, buildStaff } from '../../test/support/factories.js';
import { type Client, createTestApp, ENGINE, type TestApp } from '../../test/support/harness.js';
import { DEMO_ESTATE_CODE } from '../directory/index.js';

/** A public address asked for as a browser without a session would. */
async function visit(t: TestApp, url: string) {
  const res = await t.app.inject({ method: 'GET', url });
  return { status: res.statusCode, html: res.body, headers: res.headers };
}

const CONTENT = {
  officeHours: { 'zh-Hant': '每日上午八時至晚上八時', 'zh-Hans': '每日上午八时至晚上八时', en: 'Daily 8 am to 8 pm' },
  phone: '2123 4567',
  hotline: '2123 4000',
  repairProcedure: {
    'zh-Hant': '請致電管理處或親臨接待窗口報修。',
    'zh-Hans': '请致电管理处或到接待窗口报修。',
    en: 'Call the office or come to the counter.',
  },
  complaintProcedure: { 'zh-Hant': '請致電監督投訴電話。', 'zh-Hans': '请致电监督投诉电话。', en: 'Call the complaint hotline.' },
  notes: { 'zh-Hant': '', 'zh-Hans': '', en: '' },
};

async function versionRows(t: TestApp, estateId: string) {
  return t.ctx.db
    .selectFrom('public_page_versions')
    .select(['number', 'policy', 'changes'])
    .where('estate_id', '=', estateId)
    .orderBy('number')
    .execute();
}

describe(`the estate's public page (R-PB-1) [${ENGINE}]`, () => {
  let t: TestApp;
  let estateA: { id: string; code: string };
  let estateB: { id: string; code: string };
  let managerA: Client;
  let managerB: Client;
  let deskA: Client;

  beforeEach(async () => {
    t = await createTestApp();
    estateA = await buildEstate(t, { name: '甲苑', officeName: '甲苑管理處' });
    estateB = await buildEstate(t, { name: '乙苑', officeName: '乙苑管理處' });
    await buildStaff(t, estateA.id, { username: 'manager-a', role: 'manager' });
    await buildStaff(t, estateA.id, { username: 'desk-a', role: 'receptionist' });
    await buildStaff(t, estateB.id, { username: 'manager-b', role: 'manager' });
    managerA = await t.as('manager-a');
    managerB = await t.as('manager-b');
    deskA = await t.as('desk-a');
  });
  afterEach(async () => t.close());

  async function publishA() {
    expect((await managerA.put(`/estates/${estateA.id}/public-page`, { content: CONTENT })).status).toBe(200);
    const res = await managerA.post(`/estates/${estateA.id}/public-page/publish`);
    expect(res.status).toBe(201);
    return res.body;
  }

  it('R-PB-1: the demo estate answers without a session as plain HTML stating the leak follow-up time of its policy', async () => {
    await t.close();
    t = await createTestApp({ demo: true });
    const page = await visit(t, `/p/${DEMO_ESTATE_CODE.toLowerCase()}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('public, no-cache');
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.html).toContain('誠基公寓');
    expect(page.html).toContain('滲漏水 72 小時內');
    expect(page.html).toContain('下一場雨停後 48 小時內');
    expect(page.html).toContain('在 72 小時內首次回覆');
    expect(page.html).not.toContain('<script');
    const en = await visit(t, `/p/${DEMO_ESTATE_CODE}?lang=en`);
    expect(en.html).toContain('leaks within 72 hours');
    expect(en.html).toContain('<html lang="en">');
  });

  it('R-PB-1 / R-FE-1: the fee items in force today show with basis, rate as money, the day they took effect and the approval; others do not', async () => {
    const create = async (body: Record<string, unknown>) => {
      const res = await managerA.post(`/estates/${estateA.id}/fee-items`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    };
    await create({
      code: 'management',
      name: '管理費<b>',
      nameEn: 'Management fee',
      basis: 'per_m2_month',
      rate: 285,
      effectiveFrom: '2026-01-01',
      approvalRef: '業委會決議 2025/07',
    });
    await create({ code: 'parking', name: '車位月租', basis: 'per_unit_month', rate: 280000, effectiveFrom: '2026-11-20' });
    await create({ code: 'old', name: '舊收費', basis: 'fixed', rate: 100, effectiveFrom: '2025-01-01', effectiveTo: '2026-11-19' });
    await create({ code: 'future', name: '將來收費', basis: 'per_use', rate: 5000, effectiveFrom: '2026-11-21' });

    const page = await visit(t, `/p/${estateA.code}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('收費項目和標準');
    const rows = [
      ...page.html.matchAll(/<tr><td>(.*?)<\/td><td>(.*?)<\/td><td class="num">(.*?)<\/td><td>(.*?)<\/td><td>(.*?)<\/td><\/tr>/g),
    ].map((m) => m.slice(1));
    expect(rows).toEqual([
      ['管理費&#60;b&#62;', '每平方米每月', 'HK$2.85', '2026-01-01', '業委會決議 2025/07'],
      ['車位月租', '每單位每月', 'HK$2,800.00', '2026-11-20', ''],
    ]);
    expect(page.html).not.toContain('舊收費');
    expect(page.html).not.toContain('將來收費');
    const en = await visit(t, `/p/${estateA.code}?lang=en`);
    expect(en.html).toContain('<td>Management fee</td><td>per m² per month</td><td class="num">HK$2.85</td>');
    // Another estate's page lists none of them.
    const other = await visit(t, `/p/${estateB.code}`);
    expect(other.html).not.toContain('車位月租');
    expect(other.html).toContain('管理處尚未公佈收費項目。');
  });

  it('R-PB-1: the published texts show in the chosen language with links to the others', async () => {
    const version = await publishA();
    expect(version).toMatchObject({ number: 1, publishedBy: expect.any(String), changes: [] });
    expect(version.policy.followUpHours.leak).toBe(72);
    const hant = await visit(t, `/p/${estateA.code}`);
    expect(hant.html).toContain('請致電管理處或親臨接待窗口報修。');
    expect(hant.html).toContain('2123 4000');
    expect(hant.html).toContain(`href="/p/${estateA.code.toLowerCase()}?lang=en"`);
    const hans = await visit(t, `/p/${estateA.id}?lang=zh-Hans`);
    expect(hans.html).toContain('请致电管理处或到接待窗口报修。');
    expect(hans.html).toContain('渗漏水 72 小时内');
    const en = await visit(t, `/p/${estateA.code}?lang=en`);
    expect(en.html).toContain('Call the office or come to the counter.');
    expect((await visit(t, '/p/no-such-estate')).status).toBe(404);
  });

  it('R-PB-1: a policy change shows at once on the live page and is a new version listing what changed; the previous stays readable', async () => {
    await publishA();
    const estate = (await managerA.get(`/estates/${estateA.id}`)).body;
    const res = await managerA.patch(`/estates/${estateA.id}`, {
      policy: { ...estate.policy, followUpHours: { ...estate.policy.followUpHours, leak: 96 } },
    });
    expect(res.status).toBe(200);

    const live = await visit(t, `/p/${estateA.code}`);
    expect(live.html).toContain('滲漏水 96 小時內');
    expect(live.html).not.toContain('滲漏水 72 小時內');

    const rows = await versionRows(t, estateA.id);
    expect(rows.map((r) => Number(r.number))).toEqual([1, 2]);
    expect(JSON.parse(rows[1]?.changes ?? '[]')).toEqual([{ field: 'policy.followUpHours.leak', before: '72', after: '96' }]);

    const list = await visit(t, `/p/${estateA.code}/versions?lang=en`);
    expect(list.status).toBe(200);
    expect(list.html).toContain('follow-up time for leaks: 72 hours -&#62; 96 hours');
    const hantList = await visit(t, `/p/${estateA.code}/versions`);
    expect(hantList.html).toContain('滲漏水維修回訪時限：72 小時 -&#62; 96 小時');

    const first = await visit(t, `/p/${estateA.code}/versions/1`);
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=86400');
    expect(first.html).toContain('滲漏水 72 小時內');
    const second = await visit(t, `/p/${estateA.code}/versions/2?lang=en`);
    expect(second.html).toContain('leaks within 96 hours');
    expect(second.html).toContain('follow-up time for leaks: 72 hours -&#62; 96 hours');
    expect((await visit(t, `/p/${estateA.code}/versions/3`)).status).toBe(404);

    const api = await deskA.get(`/estates/${estateA.id}/public-page/versions`);
    expect(api.body.items.map((v: { number: number }) => v.number)).toEqual([2, 1]);

    // Publishing the same again has nothing to publish.
    const again = await managerA.post(`/estates/${estateA.id}/public-page/publish`);
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('publish.nothing_changed');
    const history = await t.ctx.db
      .selectFrom('history')
      .select('action')
      .where('entity_type', '=', 'public_page')
      .where('estate_id', '=', estateA.id)
      .orderBy('seq')
      .execute();
    expect(history.map((h) => h.action)).toEqual(['draft_saved', 'published', 'published']);
  });

  it('R-PB-1: a text edit published is a version listing the field that changed', async () => {
    await publishA();
    await managerA.put(`/estates/${estateA.id}/public-page`, { content: { ...CONTENT, phone: '2999 8888' } });
    // Not yet on the public page.
    expect((await visit(t, `/p/${estateA.code}`)).html).toContain('2123 4567');
    const preview = await deskA.get(`/estates/${estateA.id}/public-page/preview?lang=en`);
    expect(preview.status).toBe(200);
    expect(preview.body.html).toContain('2999 8888');
    expect(preview.body.html).toContain('Preview: not yet published');
    const v2 = await managerA.post(`/estates/${estateA.id}/public-page/publish`);
    expect(v2.body.changes).toEqual([{ field: 'content.phone', before: '2123 4567', after: '2999 8888' }]);
    expect((await visit(t, `/p/${estateA.code}`)).html).toContain('2999 8888');
    expect((await visit(t, `/p/${estateA.code}/versions/1`)).html).toContain('2123 4567');
  });

  it('R-PB-1: announcements show urgent first and marked, only while they run, every text escaped', async () => {
    const post = (body: object) => managerA.post(`/estates/${estateA.id}/announcements`, body);
    expect((await post({ title: '平安夜活動', body: '大堂聚會', fromDate: '2026-11-01' })).status).toBe(201);
    const bad = await post({
      title: '<script>alert("x")</script>停水',
      body: '<img src=x onerror=alert(1)>水喉維修',
      urgent: true,
      fromDate: '2026-11-19',
      untilDate: '2026-11-21',
    });
    expect(bad.status).toBe(201);
    expect((await post({ title: '明年的通告', fromDate: '2027-01-01' })).status).toBe(201);
    expect((await post({ title: '已過期', fromDate: '2026-10-01', untilDate: '2026-10-02' })).status).toBe(201);
    expect((await post({ title: '日期倒轉', fromDate: '2026-11-05', untilDate: '2026-11-01' })).status).toBe(400);

    const page = await visit(t, `/p/${estateA.code}`);
    expect(page.html).not.toContain('<script>alert');
    expect(page.html).not.toContain('<img src=x');
    expect(page.html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;停水');
    expect(page.html).toContain('<span class="tag">緊急</span>');
    expect(page.html.indexOf('停水')).toBeLessThan(page.html.indexOf('平安夜活動'));
    expect(page.html).not.toContain('明年的通告');
    expect(page.html).not.toContain('已過期');

    const current = await deskA.get(`/estates/${estateA.id}/announcements?state=current`);
    expect(current.body.items.map((a: { title: string }) => a.title)).toEqual(['<script>alert("x")</script>停水', '平安夜活動']);
    const urgent = await deskA.get(`/estates/${estateA.id}/announcements?urgent=true`);
    expect(urgent.body.total).toBe(1);

    const id = bad.body.id;
    expect((await deskA.patch(`/announcements/${id}`, { urgent: false })).status).toBe(403);
    expect((await managerB.patch(`/announcements/${id}`, { urgent: false })).status).toBe(404);
    expect((await managerA.post(`/announcements/${id}/withdraw`)).status).toBe(200);
    expect((await visit(t, `/p/${estateA.code}`)).html).not.toContain('停水');
    const kept = await t.ctx.db.selectFrom('announcements').select('deleted_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(kept.deleted_at).not.toBeNull();
  });

  it("R-PB-1: another estate's draft is 404 for a manager of A; the desk reads but may not publish", async () => {
    await managerB.put(`/estates/${estateB.id}/public-page`, { content: { ...CONTENT, phone: '3888 0000' } });
    const other = await managerA.get(`/estates/${estateB.id}/public-page`);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain('3888 0000');
    expect((await managerA.post(`/estates/${estateB.id}/public-page/publish`)).status).toBe(404);
    expect((await managerA.get(`/estates/${estateB.id}/public-page/preview`)).status).toBe(404);

    const draft = await deskA.get(`/estates/${estateA.id}/public-page`);
    expect(draft.status).toBe(200);
    expect(draft.body.address).toBe(`/p/${estateA.code.toLowerCase()}`);
    expect((await deskA.post(`/estates/${estateA.id}/public-page/publish`)).status).toBe(403);
    expect((await deskA.put(`/estates/${estateA.id}/public-page`, { content: CONTENT })).status).toBe(403);
    expect(await versionRows(t, estateA.id)).toEqual([]);
  });
});
