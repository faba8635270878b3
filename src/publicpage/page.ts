import { type Actor, type EstateAbility, requireAbility } from '../auth/index.js';
import type { PagePolicyFigures } from '../contract/publicpage.js';
import { estateIdByCodeOrId, estateSettings, findEstate } from '../directory/index.js';
import { feeScheduleOn } from '../fees/index.js';
import type { AppContext } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import type { Trx } from '../platform/use-case.js';
import { feeSection } from './fee-section.js';
import { presentAnnouncement } from './present.js';
import type { PageEstate, PageLang } from './render.js';
import { dayIn, policyFigures } from './rules.js';
import { listAnnouncements } from './store.js';

type Db = AppContext['db'] | Trx;

/** The public page's address: by the estate's code, which people can read and type. */
export function pageAddress(code: string): string {
  return `/p/${encodeURIComponent(code.toLowerCase())}`;
}

/** The estate as the page shows it, and its policy figures as the system enforces them now. */
export async function pageEstate(db: Db, estateId: string): Promise<{ estate: PageEstate; policy: PagePolicyFigures }> {
  const row = await findEstate(db, estateId);
  if (!row) throw notFound('estate');
  const settings = await estateSettings(db, estateId);
  return {
    estate: { key: row.code, name: row.name, officeName: row.office_name, address: row.address, timeZone: row.time_zone },
    policy: policyFigures(settings.policy),
  };
}

/** The estate of a public address (code or id), or 404. */
export async function estateOfAddress(db: Db, codeOrId: string): Promise<string> {
  const id = await estateIdByCodeOrId(db, codeOrId);
  if (!id) throw notFound('estate');
  return id;
}

/** The announcements running today in the estate's time zone, urgent first. */
export async function currentAnnouncements(db: Db, estateId: string, timeZone: string, now: Date) {
  const { rows } = await listAnnouncements(db, estateId, { state: 'current', today: dayIn(timeZone, now) }, { page: 1, pageSize: 50 });
  return rows.map(presentAnnouncement);
}

/** R-FE-1: the fee items and rates in force today in the estate's zone, read live like the policy's times. */
export async function feeScheduleSection(db: Db, estateId: string, timeZone: string, now: Date, lang: PageLang): Promise<string> {
  return feeSection(lang, await feeScheduleOn(db, estateId, dayIn(timeZone, now)));
}

/** The ability in the estate, and the estate itself: a deleted estate answers 404. */
export async function requirePageEstate(ctx: AppContext, actor: Actor, estateId: string, ability: EstateAbility): Promise<void> {
  requireAbility(actor, estateId, ability);
  if (!(await findEstate(ctx.db, estateId))) throw notFound('estate');
}
