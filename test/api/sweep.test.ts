import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../src/platform/live.js';
import { onBreach, openObligation, sweep } from '../../src/platform/obligations/index.js';
import { buildEstate } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/harness.js';

// A rule of this test only: its breach handler counts what the sweep hands it.
const RULE = 'R-TEST-SWEEP';
const handled: string[] = [];
onBreach(RULE, async (_trx, obligation) => {
  handled.push(obligation.id);
  return [{ estateId: obligation.estate_id, type: 'case.updated', subjectId: obligation.subject_id } satisfies LiveEvent];
});

describe('the deadline sweep in batches', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
    handled.length = 0;
  });
  afterEach(() => t.close());

  it('breaches and escalates every past-due obligation of several estates exactly once, more than one batch of them, and tells the screens of each', async () => {
    const estates = [await buildEstate(t), await buildEstate(t)];
    const now = t.clock.now();
    const past = new Date(now.getTime() - 3_600_000).toISOString();
    const future = new Date(now.getTime() + 3_600_000).toISOString();
    await t.ctx.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 260; i++) {
        const estate = estates[i % 2] as { id: string };
        await openObligation(trx, {
          estateId: estate.id,
          rule: RULE,
          subjectType: 'case',
          subjectId: `subject-${i}`,
          openedAt: past,
          dueAt: i < 250 ? past : future,
        });
      }
    });
    const told: LiveEvent[] = [];
    const stop = t.ctx.live.subscribe((e) => told.push(e));

    expect(await sweep(t.ctx)).toEqual({ breached: 250, skipped: false, breaches: [] });
    stop();
    expect(new Set(handled).size).toBe(250);
    expect(handled.length).toBe(250);
    expect(told.filter((e) => e.estateId === (estates[0] as { id: string }).id).length).toBe(125);
    expect(told.filter((e) => e.estateId === (estates[1] as { id: string }).id).length).toBe(125);
    for (const estate of estates) {
      const rows = await t.ctx.db
        .selectFrom('obligations')
        .select('breached_at')
        .where('estate_id', '=', estate.id)
        .where('rule', '=', RULE)
        .execute();
      expect(rows.filter((r) => r.breached_at !== null).length).toBe(125);
      expect(rows.filter((r) => r.breached_at === null).length).toBe(5);
    }

    // A second sweep finds nothing left to do.
    expect(await sweep(t.ctx)).toEqual({ breached: 0, skipped: false, breaches: [] });
    expect(handled.length).toBe(250);
  });
});
