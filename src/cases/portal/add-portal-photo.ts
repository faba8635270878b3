import type { Actor } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { addAttachment } from '../attachments/add-attachment.js';
import { portalCaseFor } from './get-portal-case.js';
import { portalPhotoUrl } from './present.js';

/** R-PT-1: a resident adds a photo (JPEG, PNG or WebP) to a case of their own unit; it is answered at the portal's address. */
export async function addPortalPhoto(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; caseId: string; contentType: string; fileName: string; bytes: Buffer },
) {
  await portalCaseFor(ctx.db, opts.actor, opts.estateId, opts.caseId, 'portal.case.create');
  return addAttachment(ctx, { ...opts, ability: 'portal.case.create', urlOf: portalPhotoUrl });
}
