import fs from 'node:fs';
import type { Actor } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { findAttachment } from '../attachments/attachments.store.js';
import { fileOf } from '../attachments/files.js';
import { portalCaseFor } from './get-portal-case.js';

/** R-PT-1: a photo of the resident's own case, by the case it belongs to; any other answers 404. */
export async function readPortalPhoto(ctx: AppContext, opts: { actor: Actor; estateId: string; caseId: string; attachmentId: string }) {
  await portalCaseFor(ctx.db, opts.actor, opts.estateId, opts.caseId, 'portal.case.read');
  const row = await findAttachment(ctx.db, opts.attachmentId);
  if (!row || row.case_id !== opts.caseId) throw notFound('attachment');
  return { row, bytes: fs.readFileSync(fileOf(ctx, row.estate_id, row.id)) };
}
