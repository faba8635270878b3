import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { runUseCase } from '../../platform/use-case.js';
import { type CaseAbility, caseChanged, caseFor, recorderOf } from '../access.js';
import { caseEvent, caseHistory } from '../change.js';
import { insertAttachment } from './attachments.store.js';
import { ATTACHMENT_TYPES, fileOf, safeFileName, sniff } from './files.js';

/**
 * Attaches a photo to a case: only a JPEG, PNG or WebP image whose bytes match its declared
 * type. The file is written before the row that points to it, and removed again if the row is
 * not written. A resident adds photos to the cases of their own units through the portal
 * (`portal.case.create`); the photo's address is then the portal's (`urlOf`).
 */
export async function addAttachment(
  ctx: AppContext,
  opts: {
    actor: Actor;
    caseId: string;
    contentType: string;
    fileName: string;
    bytes: Buffer;
    ability?: CaseAbility;
    urlOf?: (attachment: { id: string; caseId: string; estateId: string }) => string;
  },
) {
  const row = await caseFor(ctx.db, opts.actor, opts.caseId, opts.ability ?? 'case.attach');
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
        created_by: recorderOf(opts.actor),
        created_at: uc.at,
      };
      await insertAttachment(uc.trx, attachment);
      await caseEvent(uc, row, recorderOf(opts.actor), { type: 'attachment', text: fileName, data: { attachmentId: id } });
      await caseHistory(uc, row, 'attachment.added', null, attachment);
      uc.live(caseChanged(row.estate_id, row.id));
      return uc.at;
    });
    const url = opts.urlOf?.({ id, caseId: row.id, estateId: row.estate_id }) ?? `/api/v1/attachments/${id}`;
    return { id, fileName, contentType: declared, size: opts.bytes.length, createdAt: at, url };
  } catch (err) {
    fs.rmSync(file, { force: true });
    throw err;
  }
}
