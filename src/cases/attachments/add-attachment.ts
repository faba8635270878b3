import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { runUseCase } from '../../platform/use-case.js';
import { caseChanged, caseFor } from '../access.js';
import { caseEvent, caseHistory } from '../change.js';
import { insertAttachment } from './attachments.store.js';
import { ATTACHMENT_TYPES, fileOf, safeFileName, sniff } from './files.js';

/**
 * Attaches a photo to a case: only a JPEG, PNG or WebP image whose bytes match its declared
 * type. The file is written before the row that points to it, and removed again if the row is
 * not written.
 */
export async function addAttachment(
  ctx: AppContext,
  opts: { actor: Actor; caseId: string; contentType: string; fileName: string; bytes: Buffer },
) {
  const row = await caseFor(ctx.db, opts.actor, opts.caseId, 'case.attach');
  const declared = opts.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(declared in ATTACHMENT_TYPES)) {
    throw new AppError('request.unsupported_media_type', 'body: send a JPEG, PNG or WebP image', {
      field: 'body',
      allowed: Object.keys(ATTACHMENT_TYPES),
    });
  }
  if (!opts.bytes.length) throw new AppError('validation.failed', 'body: the file is empty', { field: 'body' });
  if (sniff(opts.bytes) !== declared)
    throw new AppError('validation.failed', `body: the file is not a ${declared} image`, { field: 'body' });
  const id = newId();
  const file = fileOf(ctx, row.estate_id, id);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, opts.bytes, { flag: 'wx' });
  const fileName = safeFileName(opts.fileName) || `photo.${ATTACHMENT_TYPES[declared as keyof typeof ATTACHMENT_TYPES]}`;
  try {
    const at = await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
      const attachment = {
        id,
        estate_id: row.estate_id,
        case_id: row.id,
        file_name: fileName,
        content_type: declared,
        size: opts.bytes.length,
        sha256: createHash('sha256').update(opts.bytes).digest('hex'),
        created_by: opts.actor.id,
        created_at: uc.at,
      };
      await insertAttachment(uc.trx, attachment);
      await caseEvent(uc, row, opts.actor.id, { type: 'attachment', text: fileName, data: { attachmentId: id } });
      await caseHistory(uc, row, 'attachment.added', null, attachment);
      uc.live(caseChanged(row.estate_id, row.id));
      return uc.at;
    });
    return { id, fileName, contentType: declared, size: opts.bytes.length, createdAt: at, url: `/api/v1/attachments/${id}` };
  } catch (err) {
    fs.rmSync(file, { force: true });
    throw err;
  }
}
