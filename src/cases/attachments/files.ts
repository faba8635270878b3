import path from 'node:path';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';

/**
 * Photo attachments of a case. Files live under the data folder, not in the database; only
 * images whose bytes match their declared type are accepted, and they are served back with
 * headers that stop a browser from treating them as anything else.
 */
export const ATTACHMENT_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export function sniff(bytes: Buffer): keyof typeof ATTACHMENT_TYPES | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'image/webp';
  return null;
}

/** A name fit for a Content-Disposition header: no path separators, quotes or control characters. */
export function safeFileName(name: string): string {
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

/** Where a photo's bytes are kept. */
export function fileOf(ctx: AppContext, estateId: string, id: string): string {
  return path.join(ctx.config.dataDir, 'attachments', estateId, id);
}
