import { managersOf } from '../../directory/index.js';
import { notifyStaff } from '../../notices/index.js';
import type { AppContext } from '../../platform/context.js';
import type { LiveEvent } from '../../platform/live.js';
import { escalateObligation, type ObligationRow } from '../../platform/obligations/index.js';
import { RECTIFY_RULE } from '../rules.js';
import { changed, FOLLOW_UP, type Trx } from '../shared.js';
import { noticeIssuer } from '../store/notices.js';

/**
 * A follow-up deadline breached (R-FU-1, R-FU-2, R-FU-5, R-RC-1, R-RC-2): the estate's managers
 * are told, and the issuer of a notice whose rectification is late; the obligation names who it
 * went to. Runs in the sweep's transaction that marks the breach.
 */
export async function escalateBreach(trx: Trx, ctx: AppContext, obligation: ObligationRow, at: string): Promise<LiveEvent[]> {
  const managers = (await managersOf(trx, obligation.estate_id)).map((m) => m.id);
  await escalateObligation(trx, { id: obligation.id, to: managers[0] ?? null, at });
  const extra: string[] = [];
  if (obligation.rule === RECTIFY_RULE) {
    const issuer = await noticeIssuer(trx, obligation.estate_id, obligation.subject_id);
    if (issuer) extra.push(issuer);
  }
  const data = JSON.parse(obligation.data) as Record<string, unknown>;
  const told = await notifyStaff(trx, ctx, {
    estateId: obligation.estate_id,
    staffIds: [...managers, ...extra],
    kind: 'obligation.breached',
    subjectType: obligation.subject_type,
    subjectId: obligation.subject_id,
    at,
    data: { rule: obligation.rule, dueAt: obligation.due_at, ...data },
    email: {
      subject: `${obligation.rule} 逾期 / overdue`,
      body: `${obligation.rule}: due ${obligation.due_at}\n${JSON.stringify(data)}`,
      key: obligation.id,
    },
  });
  const live: LiveEvent[] = [
    changed(
      obligation.estate_id,
      obligation.subject_type === FOLLOW_UP ? 'followup.changed' : 'rectification.changed',
      obligation.subject_id,
    ),
  ];
  if (told.length) live.push({ estateId: obligation.estate_id, type: 'notice.created', subjectId: obligation.subject_id, staffIds: told });
  return live;
}
