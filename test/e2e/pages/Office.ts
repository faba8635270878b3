import type { APIResponse, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ADMIN_PASSWORD } from '../session.js';

async function json<T>(response: APIResponse, status: number): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

const HOUR = 3_600_000;

/** The company admin, signed in through the API in a context of its own: the set-up steps of a browser test. */
export class Office {
  private constructor(
    readonly page: Page,
    readonly estateId: string,
    private readonly csrf: string,
  ) {}

  static async signIn(context: BrowserContext): Promise<Office> {
    const page = await context.newPage();
    const session = await json<{ csrfToken: string; estates: { id: string }[] }>(
      await page.request.post('/api/v1/auth/login', { data: { username: 'admin', password: ADMIN_PASSWORD } }),
      200,
    );
    const estateId = session.estates[0]?.id;
    if (!estateId) throw new Error('the demo estate is missing');
    return new Office(page, estateId, session.csrfToken);
  }

  get<T>(path: string): Promise<T> {
    return this.page.request.get(`/api/v1${path}`).then((r) => json<T>(r, 200));
  }

  post<T>(path: string, data: unknown, status = 200): Promise<T> {
    return this.page.request.post(`/api/v1${path}`, { headers: { 'X-CSRF-Token': this.csrf }, data }).then((r) => json<T>(r, status));
  }

  async staffId(username: string): Promise<string> {
    const staff = await this.get<{ items: { id: string; username: string }[] }>(
      `/estates/${this.estateId}/staff?q=${username}&pageSize=10`,
    );
    const person = staff.items.find((s) => s.username === username);
    if (!person) throw new Error(`the demo estate has no ${username}`);
    return person.id;
  }

  async unitId(index: number): Promise<string> {
    const units = await this.get<{ items: { id: string }[] }>(`/estates/${this.estateId}/units?page=${index + 1}&pageSize=1`);
    const unit = units.items[0];
    if (!unit) throw new Error('the demo estate has too few units');
    return unit.id;
  }

  /** A leak repair at the unit, held by the worker, completed an hour ago. */
  async completedRepair(workerId: string, unitId: string, description: string): Promise<{ id: string; number: string }> {
    const created = await this.post<{ id: string; number: string }>(
      `/estates/${this.estateId}/cases`,
      {
        kind: 'repair',
        repairClass: 'leak',
        channel: 'phone',
        unitId,
        residentName: '陳大文',
        residentPhone: '91234567',
        description,
        occurredAt: new Date(Date.now() - 3 * HOUR).toISOString(),
      },
      201,
    );
    await this.post(`/cases/${created.id}/repair/start`, {
      maintenanceStaffId: workerId,
      startedAt: new Date(Date.now() - 3 * HOUR).toISOString(),
    });
    await this.post(`/cases/${created.id}/repair/complete`, {
      workDone: '更換去水喉',
      completedAt: new Date(Date.now() - HOUR).toISOString(),
    });
    return created;
  }

  /** The repair's follow-up visit. */
  async followUpOf(caseId: string): Promise<string> {
    const followUps = await this.get<{ items: { id: string; kind: string }[] }>(
      `/estates/${this.estateId}/follow-ups?queue=all&caseId=${caseId}`,
    );
    const visit = followUps.items.find((f) => f.kind === 'repair');
    if (!visit) throw new Error('the completed repair has no follow-up');
    return visit.id;
  }

  /** A follow-up that found the repair still leaking, and the written notice it needs (R-RC-1). */
  async noticeFor(followUpId: string, problem: string, action: string): Promise<{ id: string; code: string }> {
    await this.post(`/follow-ups/${followUpId}/record`, {
      method: 'phone',
      result: 'problem',
      residentWords: '仲有水滴落嚟',
      satisfaction: 2,
      problem,
    });
    return this.post<{ id: string; code: string }>(
      `/estates/${this.estateId}/rectification-notices`,
      { followUpId, requiredAction: action, deadlineAt: new Date(Date.now() + 72 * HOUR).toISOString() },
      201,
    );
  }
}
