import type { Transaction } from 'kysely';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { Visit } from '../../contract/frontdesk.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { runUseCase, type UseCase } from '../../platform/use-case.js';
import { presentVisit } from '../present.js';
import { estateOfVisit, findVisit, type VisitRow } from '../store/visits.js';

type Trx = Transaction<Database>;
export const VISIT = 'visit';

/** A visit to record on: `visit.record` in its estate; another estate's visit answers 404 like a missing one. */
export async function visitFor(trx: Trx, actor: Actor, visitId: string): Promise<VisitRow> {
  const estateId = await estateOfVisit(trx, visitId);
  if (!estateId) throw notFound('visit');
  requireAbility(actor, estateId, 'visit.record', 'visit');
  return findVisit(trx, estateId, visitId);
}

/** The visit as the desk sees it now, with its wait limit under the estate's policy. */
export async function shownVisit(trx: Trx, estateId: string, visitId: string, asOf: Date): Promise<Visit> {
  const estate = await estateSettings(trx, estateId);
  return presentVisit(await findVisit(trx, estateId, visitId), estate.policy, asOf);
}

/**
 * A use case changing one visit, as the routes call it: `(ctx, { actor, visitId, body })`. The
 * visit is read in the use case's transaction with `visit.record` checked, changed by `fn`,
 * told to the desk's screens and answered as the desk now sees it.
 */
export function visitChange<B>(
  fn: (uc: UseCase, row: VisitRow, input: { ctx: AppContext; actor: Actor; body: B }) => Promise<void>,
): (ctx: AppContext, opts: { actor: Actor; visitId: string; body: B }) => Promise<Visit> {
  return (ctx, { actor, visitId, body }) =>
    runUseCase(ctx, { actorId: actor.id }, async (uc) => {
      const row = await visitFor(uc.trx, actor, visitId);
      // Events go out only once the transaction commits, so a refused change tells nobody.
      uc.live({ estateId: row.estate_id, type: 'frontdesk.visit', subjectId: row.id });
      await fn(uc, row, { ctx, actor, body });
      return shownVisit(uc.trx, row.estate_id, row.id, uc.now);
    });
}
