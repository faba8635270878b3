import fs from 'node:fs';
import type { Actor } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { requireCaseRead } from '../access.js';
import { findCase } from '../store.js';
import { findAttachment } from './attachments.store.js';
import { fileOf } from './files.js';

/** A photo is read by whoever may read its case. */
export async function readAttachment(ctx: AppContext, opts: { actor: Actor; attachmentId: string }) {
  const row = await findAttachment(ctx.db, opts.attachmentId);
  const owner = row && (await findCase(ctx.db, row.case_id));
  if (!row || !owner) throw notFound('attachment');
  requireCaseRead(opts.actor, owner, 'attachment');
  return { row, bytes: fs.readFileSync(fileOf(ctx, row.estate_id, row.id)) };
}
