import type { z } from 'zod';
import { type Actor, requireAbility, residentOf } from '../../auth/index.js';
import type { ListPortalCasesQuery, PortalCasePage } from '../../contract/portal.js';
import type { AppContext } from '../../platform/context.js';
import { portalCasePage } from './portal.store.js';
import { presentPortalCase } from './present.js';

/** R-PT-1: the resident's own cases, with their status; counts and pages hold nothing of other units. */
export async function listPortalCases(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; query: z.infer<typeof ListPortalCasesQuery> },
): Promise<z.infer<typeof PortalCasePage>> {
  requireAbility(opts.actor, opts.estateId, 'portal.case.read');
  const q = opts.query;
  const { rows, total } = await portalCasePage(
    ctx.db,
    residentOf(opts.actor),
    { status: q.status, kind: q.kind, unitId: q.unitId },
    { page: q.page, pageSize: q.pageSize },
  );
  return { items: rows.map(presentPortalCase), total, page: q.page, pageSize: q.pageSize };
}
