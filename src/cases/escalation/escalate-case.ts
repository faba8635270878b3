import type { z } from 'zod';
import type { EscalateBody } from '../../contract/cases.js';
import { requireNotClosed } from '../access.js';
import { caseChange } from '../change.js';
import { escalateToManager } from './escalate-to-manager.js';

/** R-CP-2: a matter of policy goes up to the estate's manager, with the reason. */
export const escalateCase = caseChange<z.infer<typeof EscalateBody>>('case.escalate', async (uc, row, { ctx, actor, body }) => {
  requireNotClosed(row);
  uc.live(...(await escalateToManager(uc, ctx, row, { actorId: actor.id, reason: body.reason, rule: 'R-CP-2' })));
});
