import type { z } from 'zod';
import type { SatisfactionBody } from '../../contract/cases.js';
import { warningsToKeep } from '../../phrases/index.js';
import { requireNotClosed } from '../access.js';
import { caseChange, caseEvent, caseHistory, residentWords } from '../change.js';
import { escalateToManager } from '../escalation/escalate-to-manager.js';
import { type CaseKind, satisfactionEscalates } from '../rules.js';
import { updateCase } from '../store.js';

/**
 * R-CP-3: records the resident's satisfaction with the handling. A complaint whose resident is
 * not satisfied stays open (a resolved one is taken up again) and escalates to the manager.
 */
export const recordSatisfaction = caseChange<z.infer<typeof SatisfactionBody>>(
  'case.satisfaction',
  async (uc, row, { ctx, actor, body: b }) => {
    requireNotClosed(row);
    const result = b.result ?? row.result;
    await updateCase(uc.trx, row.estate_id, row.id, { satisfaction: b.satisfaction, result });
    // R-WD-2: a handling result given here is told to the resident; the note is the resident's own words.
    const phraseWarnings = await residentWords(uc, row, actor, { result: b.result });
    await caseEvent(uc, row, actor.id, {
      type: 'satisfaction',
      text: b.note,
      data: {
        satisfaction: b.satisfaction,
        result,
        ...(phraseWarnings.length > 0 && { phraseWarnings: warningsToKeep(phraseWarnings) }),
      },
      search: b.note,
    });
    await caseHistory(
      uc,
      row,
      'satisfaction',
      { satisfaction: row.satisfaction, result: row.result },
      { satisfaction: b.satisfaction, result, note: b.note ?? null },
    );
    if (satisfactionEscalates(row.kind as CaseKind, b.satisfaction)) {
      if (row.status === 'resolved') await updateCase(uc.trx, row.estate_id, row.id, { status: 'in_progress' });
      const reason = b.note ?? 'R-CP-3: the resident is not satisfied';
      uc.live(...(await escalateToManager(uc, ctx, row, { actorId: actor.id, reason, rule: 'R-CP-3' })));
    }
    return phraseWarnings;
  },
);
