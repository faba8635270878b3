import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/platform/errors.js';
import { verifyHistory } from '../../src/platform/history.js';
import { runUseCase, type Trx } from '../../src/platform/use-case.js';
import { buildEstate } from '../support/factories.js';
import { createTestApp, ENGINE, type TestApp } from '../support/harness.js';

// The use-case runner under concurrent requests. SQLite's commit queue: requests that arrive
// together share one transaction (one flush to disk), each in its own savepoint. PostgreSQL:
// each in its own transaction, side by side, the history chain's head locked only at the end.
describe('use cases that arrive together', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  async function entriesOf(estateId: string) {
    return t.ctx.db
      .selectFrom('history')
      .select(['entity_id', 'seq'])
      .where('chain', '=', `estate:${estateId}`)
      .where('entity_type', '=', 'group-commit-test')
      .orderBy('seq')
      .execute();
  }

  it('share one transaction; a refused one undoes only its own writes, and the history chain has no gap', async () => {
    const estate = await buildEstate(t);
    const refused = new Set([2, 5, 9]);
    const transactions: Trx[] = [];
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        runUseCase(t.ctx, { actorId: null }, async (uc) => {
          transactions.push(uc.trx);
          await uc.history({ estateId: estate.id, entityType: 'group-commit-test', entityId: `request-${i}`, action: 'created' });
          if (refused.has(i)) throw new AppError('validation.failed', `request ${i} refused`, { field: 'request' });
          return i;
        }),
      ),
    );

    expect(outcomes.map((o) => o.status)).toEqual(Array.from({ length: 12 }, (_, i) => (refused.has(i) ? 'rejected' : 'fulfilled')));
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o.reason as Error).message)).toEqual([
      'request 2 refused',
      'request 5 refused',
      'request 9 refused',
    ]);
    // SQLite: one transaction for all twelve (they arrived in one turn). PostgreSQL runs them
    // side by side, each in its own.
    expect(new Set(transactions).size).toBe(ENGINE === 'sqlite' ? 1 : 12);
    const rows = await entriesOf(estate.id);
    const kept = Array.from({ length: 12 }, (_, i) => i)
      .filter((i) => !refused.has(i))
      .map((i) => `request-${i}`);
    // In arrival order on SQLite; in commit order, whatever it was, on PostgreSQL.
    if (ENGINE === 'sqlite') expect(rows.map((r) => r.entity_id)).toEqual(kept);
    else expect(rows.map((r) => r.entity_id).sort()).toEqual([...kept].sort());
    // The refused requests' entries went with their savepoints: the sequence runs on without a hole.
    const seqs = rows.map((r) => r.seq);
    expect(seqs).toEqual(seqs.map((_, k) => (seqs[0] as number) + k));
    expect((await verifyHistory(t.ctx.db)).ok).toBe(true);
  });

  it('answers a request only once its batch is committed: what it returns is already in the database', async () => {
    const estate = await buildEstate(t);
    const seen = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        runUseCase(t.ctx, { actorId: null }, async (uc) => {
          await uc.history({ estateId: estate.id, entityType: 'group-commit-test', entityId: `request-${i}`, action: 'created' });
          return i;
        }).then(async (i) => {
          // Read outside any transaction, the moment the answer arrives.
          const row = await t.ctx.db
            .selectFrom('history')
            .select('entity_id')
            .where('entity_id', '=', `request-${i}`)
            .where('entity_type', '=', 'group-commit-test')
            .executeTakeFirst();
          return row?.entity_id;
        }),
      ),
    );
    expect(seen).toEqual(Array.from({ length: 8 }, (_, i) => `request-${i}`));
  });

  it('a use case that arrives while a batch is being written runs after the one under way and is not lost', async () => {
    const estate = await buildEstate(t);
    const order: string[] = [];
    let late: Promise<unknown> | undefined;
    await runUseCase(t.ctx, { actorId: null }, async (uc) => {
      order.push('first');
      await uc.history({ estateId: estate.id, entityType: 'group-commit-test', entityId: 'first', action: 'created' });
      // Not awaited inside: it waits for this batch, and runs after it.
      late = runUseCase(t.ctx, { actorId: null }, async (uc2) => {
        order.push('late');
        await uc2.history({ estateId: estate.id, entityType: 'group-commit-test', entityId: 'late', action: 'created' });
      });
    });
    await late;
    expect(order).toEqual(['first', 'late']);
    expect((await entriesOf(estate.id)).map((r) => r.entity_id)).toEqual(['first', 'late']);
  });

  it('a unique violation in one request is answered 409 naming the field, and the others of the batch stand', async () => {
    const estate = await buildEstate(t);
    const outcomes = await Promise.allSettled(
      ['A', 'B', 'A', 'C'].map((code, i) =>
        runUseCase(t.ctx, { actorId: null, duplicateField: 'code' }, async (uc) => {
          await uc.trx
            .insertInto('app_meta')
            .values({ key: `group-commit-test-${code}`, value: String(i), updated_at: uc.at })
            .execute();
          await uc.history({ estateId: estate.id, entityType: 'group-commit-test', entityId: `code-${code}-${i}`, action: 'created' });
        }),
      ),
    );
    // One of the two "A" requests is refused: the later one in the batch on SQLite, whichever
    // commits second on PostgreSQL.
    const statuses = outcomes.map((o) => o.status);
    expect([statuses[1], statuses[3]]).toEqual(['fulfilled', 'fulfilled']);
    expect([statuses[0], statuses[2]].sort()).toEqual(['fulfilled', 'rejected']);
    if (ENGINE === 'sqlite') expect(statuses[2]).toBe('rejected');
    const loser = statuses[0] === 'rejected' ? 0 : 2;
    const winner = loser === 0 ? 2 : 0;
    const refusal = (outcomes[loser] as PromiseRejectedResult).reason as AppError;
    expect(refusal.code).toBe('conflict.duplicate');
    expect(refusal.message).toContain('code');
    const kept = await t.ctx.db
      .selectFrom('app_meta')
      .select(['key', 'value'])
      .where('key', 'like', 'group-commit-test-%')
      .orderBy('key')
      .execute();
    expect(kept).toEqual([
      { key: 'group-commit-test-A', value: String(winner) },
      { key: 'group-commit-test-B', value: '1' },
      { key: 'group-commit-test-C', value: '3' },
    ]);
    expect((await entriesOf(estate.id)).map((r) => r.entity_id).sort()).toEqual([`code-A-${winner}`, 'code-B-1', 'code-C-3']);
    expect((await verifyHistory(t.ctx.db)).ok).toBe(true);
  });
});
