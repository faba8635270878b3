import type { Transaction } from 'kysely';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { Visit } from '../../contract/frontdesk.js';
import { estateSettings } from '../../directory/index.js';
import type { Database } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
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
