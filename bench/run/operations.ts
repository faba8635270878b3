import type { HttpClient, RequestSpec } from './http.js';
import type { World } from './world.js';

/** One measured operation: what a call does, and the bare figure it is compared with. */
export interface Operation {
  name: string;
  /** `insert` for writes, `read` for reads: which bare route is its yardstick. */
  bare: 'insert' | 'read';
  call: (i: number) => Promise<void>;
  /** At most this many calls (an operation that uses up prepared records), warm-up included. */
  available?: number;
}

const API = '/api/v1';
const SEARCH_WORD = '滲水';

/** Sends one request and rejects unless it answered 2xx. */
export async function expect2xx(client: HttpClient, spec: RequestSpec): Promise<string> {
  const res = await client.request(spec);
  if (res.status < 200 || res.status > 299)
    throw new Error(`${spec.method} ${spec.path} answered ${res.status}: ${res.body.slice(0, 300)}`);
  return res.body;
}

/** Signs in; every later request carries the session cookie and the CSRF token of the login answer. */
export async function signIn(client: HttpClient, username: string, password: string): Promise<void> {
  const res = await client.request({ method: 'POST', path: `${API}/auth/login`, body: { username, password } });
  if (res.status !== 200) throw new Error(`sign-in as ${username} answered ${res.status}: ${res.body.slice(0, 300)}`);
  const cookie = [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('estatedesk_session='));
  if (!cookie) throw new Error('the login answer set no session cookie');
  client.headers.cookie = cookie.split(';')[0] as string;
  client.headers['x-csrf-token'] = (JSON.parse(res.body) as { csrfToken: string }).csrfToken;
}

/** What a busy office records, in turn: every kind and channel, one in four a leak (found by the search). */
const CASES = [
  { kind: 'complaint', channel: 'phone', description: '住戶投訴樓上單位晚上噪音,影響休息' },
  { kind: 'repair', channel: 'hotline', repairClass: 'leak', description: '浴室天花滲水,已影響樓下單位' },
  { kind: 'inquiry', channel: 'counter', description: '查詢管理費繳費方法及截數日期' },
  { kind: 'repair', channel: 'phone', repairClass: 'other', description: '走廊燈光不足,晚上出入不便' },
  { kind: 'fee', channel: 'portal', description: '管理費單金額與上月不同,要求解釋' },
  { kind: 'complaint', channel: 'hotline', description: '垃圾房氣味難聞,要求加密清理' },
  { kind: 'repair', channel: 'counter', repairClass: 'safety', description: '大堂地台磚鬆脫,有人險些跌倒' },
  { kind: 'suggestion', channel: 'portal', description: '建議平台花園增設長椅' },
] as const;

export function createCaseBody(world: World, i: number) {
  const c = CASES[Math.abs(i) % CASES.length] as (typeof CASES)[number];
  return {
    ...c,
    unitId: world.unitIds[Math.abs(i) % world.unitIds.length],
    residentName: '陳大文',
    residentPhone: '9123 4567',
    description: `${c.description}(bench ${i})`,
  };
}

/** A repair recorded, started and completed: its completion opens the R-FU-1 follow-up visit. */
export async function repairToFollowUp(client: HttpClient, world: World, i: number): Promise<void> {
  const created = JSON.parse(
    await expect2xx(client, {
      method: 'POST',
      path: `${API}/estates/${world.estateId}/cases`,
      body: {
        kind: 'repair',
        channel: 'phone',
        repairClass: 'other',
        unitId: world.unitIds[i % world.unitIds.length],
        residentName: '李小姐',
        description: `廚房水龍頭關不緊(bench follow-up ${i})`,
      },
    }),
  ) as { id: string };
  await expect2xx(client, { method: 'POST', path: `${API}/cases/${created.id}/repair/start`, body: { maintenanceStaffId: world.fixerId } });
  await expect2xx(client, { method: 'POST', path: `${API}/cases/${created.id}/repair/complete`, body: { workDone: '已更換水龍頭' } });
}

/** The month before this one (UTC): a whole month of the generated data. */
function lastMonth(): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

/** The operations of the table, in the order they run (the writes first, so the reads see them). */
export function operations(client: HttpClient, world: World, followUps: string[]): Operation[] {
  const e = world.estateId;
  const get = (path: string) => () => expect2xx(client, { method: 'GET', path }).then(() => undefined);
  let nextFollowUp = 0;
  return [
    {
      name: 'create a case',
      bare: 'insert',
      call: (i) =>
        expect2xx(client, { method: 'POST', path: `${API}/estates/${e}/cases`, body: createCaseBody(world, i) }).then(() => undefined),
    },
    {
      name: 'record a follow-up',
      bare: 'insert',
      available: followUps.length,
      call: async () => {
        const id = followUps[nextFollowUp++];
        if (!id) throw new Error('no open follow-up left');
        await expect2xx(client, {
          method: 'POST',
          path: `${API}/follow-ups/${id}/record`,
          body: { method: 'phone', result: 'ok', residentWords: '已經修好,多謝', satisfaction: 5 },
        });
      },
    },
    {
      name: 'take a message',
      bare: 'insert',
      call: (i) =>
        expect2xx(client, {
          method: 'POST',
          path: `${API}/estates/${e}/messages`,
          body: {
            callerName: '黃先生',
            callerPhone: '6123 4567',
            unitId: world.unitIds[Math.abs(i) % world.unitIds.length],
            text: `請回電,關於停車位安排(bench ${i})`,
            forStaffId: world.deskStaffId,
            reason: 'promise',
          },
        }).then(() => undefined),
    },
    { name: 'open-case list', bare: 'read', call: get(`${API}/estates/${e}/cases?status=open`) },
    { name: 'overdue queue', bare: 'read', call: get(`${API}/estates/${e}/obligations?queue=overdue`) },
    { name: `search ${SEARCH_WORD}`, bare: 'read', call: get(`${API}/estates/${e}/cases/search?q=${encodeURIComponent(SEARCH_WORD)}`) },
    {
      name: 'dashboard',
      bare: 'read',
      call: async () => {
        await Promise.all([get(`${API}/estates/${e}/follow-ups/summary`)(), get(`${API}/estates/${e}/front-desk/summary`)()]);
      },
    },
    {
      // Last month's report counted afresh on every call (an explicit asOf is never served from the frozen copy).
      name: 'monthly report',
      bare: 'read',
      call: get(`${API}/estates/${e}/reports/monthly/${lastMonth()}?asOf=${encodeURIComponent(new Date().toISOString())}`),
    },
  ];
}
