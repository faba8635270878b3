import type { Actor } from '../../auth/index.js';
import type { AppContext } from '../../platform/context.js';
import { noticePdf } from '../pdf.js';
import { presentNotice } from '../present.js';
import { readableNotice } from './access.js';

/** The notice as one A4 page of PDF with signature lines, its times in the estate's time zone, in the asked language or the actor's. */
export async function rectificationNoticePdf(ctx: AppContext, opts: { actor: Actor; noticeId: string; locale?: string | undefined }) {
  const row = await readableNotice(ctx.db, opts.actor, opts.noticeId);
  const notice = presentNotice(row);
  return { code: notice.code, pdf: await noticePdf(notice, { timeZone: row.time_zone, locale: opts.locale ?? opts.actor.locale }) };
}
