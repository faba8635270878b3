import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../auth/policy.js';
import type { AppContext } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import { recordChange } from '../platform/history.js';
import { newId } from '../platform/ids.js';
import { requireCaseRead, requireOnCase } from './access.js';
import * as store from './store.js';

/**
 * Photo attachments of a case. Files live under the data folder, not in the database; only
 * images whose bytes match their declared type are accepted, and they are served back with
 * headers that stop a browser from treating them as anything else.
 */
export const ATTACHMENT_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

function sniff(bytes: Buffer): keyof typeof ATTACHMENT_TYPES | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'image/webp';
  return null;
}

/** A name fit for a Content-Disposition header: no path separators, quotes or control characters. */
function safeFileName(name: string): string {
  return [...name]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch === '/' || ch === '\\' || ch === '"' ? '_' : ch))
    .join('')
    .slice(0, 120);
}

/** The X-File-Name header is percent-encoded UTF-8 (so Chinese names survive HTTP); a broken escape is bad input. */
export function decodedFileName(header: string): string {
  try {
    return decodeURIComponent(header);
  } catch {
    throw new AppError('validation.failed', 'X-File-Name: not a percent-encoded UTF-8 file name', {
      field: 'X-File-Name',
      issues: [{ path: 'headers.x-file-name', message: 'not a percent-encoded UTF-8 file name', code: 'invalid_format' }],
    });
  }
}

function fileOf(ctx: AppContext, estateId: string, id: string): string {
  return path.join(ctx.config.dataDir, 'attachments', estateId, id);
}

export async function addAttachment(
  ctx: AppContext,
  opts: { actor: Actor; caseId: string; contentType: string; fileName: string; bytes: Buffer },
) {
  const row = await store.findCase(ctx.db, opts.caseId);
  if (!row) throw notFound('case');
  requireOnCase(opts.actor, row, 'case.attach');
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
  const at = ctx.clock.now().toISOString();
  const file = fileOf(ctx, row.estate_id, id);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written first, under a name nothing points to yet; removed again if the transaction fails.
  fs.writeFileSync(file, opts.bytes, { flag: 'wx' });
  const fileName = safeFileName(opts.fileName) || `photo.${ATTACHMENT_TYPES[declared as keyof typeof ATTACHMENT_TYPES]}`;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const attachment = {
        id,
        estate_id: row.estate_id,
        case_id: row.id,
        file_name: fileName,
        content_type: declared,
        size: opts.bytes.length,
        sha256: createHash('sha256').update(opts.bytes).digest('hex'),
        created_by: opts.actor.id,
        created_at: at,
      };
      await trx.insertInto('attachments').values(attachment).execute();
      await store.addEvent(trx, {
        estateId: row.estate_id,
        caseId: row.id,
        type: 'attachment',
        at,
        actorId: opts.actor.id,
        text: fileName,
        data: { attachmentId: id },
      });
      await recordChange(trx, {
        estateId: row.estate_id,
        actorId: opts.actor.id,
        at,
        entityType: 'case',
        entityId: row.id,
        action: 'attachment.added',
        after: attachment,
      });
    });
  } catch (err) {
    fs.rmSync(file, { force: true });
    throw err;
  }
  await ctx.live.publish({ estateId: row.estate_id, type: 'case.updated', subjectId: row.id });
  return { id, fileName, contentType: declared, size: opts.bytes.length, createdAt: at, url: `/api/v1/attachments/${id}` };
}

/** A photo is read by whoever may read its case. */
export async function readAttachment(ctx: AppContext, opts: { actor: Actor; attachmentId: string }) {
  const row = await ctx.db.selectFrom('attachments').selectAll().where('id', '=', opts.attachmentId).executeTakeFirst();
  const owner = row && (await store.findCase(ctx.db, row.case_id));
  if (!row || !owner) throw notFound('attachment');
  requireCaseRead(opts.actor, owner, 'attachment');
  return { row, bytes: fs.readFileSync(fileOf(ctx, row.estate_id, row.id)) };
}
