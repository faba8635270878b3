import type { Actor } from '../../auth/index.js';
import type { CaseDetail } from '../../contract/cases.js';
import { staffNames } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { obligationsOf } from '../../platform/obligations/index.js';
import { CASE_SUBJECT, requireCaseRead } from '../access.js';
import { attachmentsOfCase } from '../attachments/attachments.store.js';
import { presentDetail } from '../present.js';
import { withDeliveryStates } from '../progress/delivery.js';
import { caseEvents, findCase } from '../store.js';

/**
 * A case with its timeline: `case.read` reads any case of the estate, `case.read.own` the
 * person's own. `db` is the transaction of a use case that answers with the case it wrote.
 */
export async function getCase(
  ctx: AppContext,
  opts: { actor: Actor; caseId: string; asOf?: Date; db?: AppContext['db'] },
): Promise<CaseDetail> {
  const db = opts.db ?? ctx.db;
  const row = await findCase(db, opts.caseId);
  if (!row) throw notFound('case');
  requireCaseRead(opts.actor, row);
  const asOf = opts.asOf ?? ctx.clock.now();
  const [events, obligations, attachments] = await Promise.all([
    caseEvents(db, row.estate_id, row.id).then((events) => withDeliveryStates(db, events)),
    obligationsWithNames(db, row.id),
    attachmentsOfCase(db, row.estate_id, row.id),
  ]);
  return presentDetail(row, { events, obligations, attachments, asOf });
}

async function obligationsWithNames(db: AppContext['db'], caseId: string) {
  const rows = await obligationsOf(db, CASE_SUBJECT, caseId);
  const names = await staffNames(db, [...new Set(rows.map((r) => r.escalated_to).filter((x): x is string => Boolean(x)))]);
  return rows.map((r) => ({
    ...r,
    escalated_name: r.escalated_to ? (names.get(r.escalated_to) ?? null) : null,
    case_number: null as string | null,
  }));
}
