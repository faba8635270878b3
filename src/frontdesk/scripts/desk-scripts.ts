import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { PLAN_SCRIPTS, SITUATIONS } from '../rules.js';
import { ownScripts } from '../store/desk-scripts.js';

/** Every situation script in each language: the estate's wording where it has one, else the plan's. */
export async function deskScripts(db: Kysely<Database> | Transaction<Database>, estateId: string) {
  const own = await ownScripts(db, estateId);
  const items = SITUATIONS.flatMap((situation) =>
    (['zh-Hant', 'zh-Hans', 'en'] as const).map((locale) => {
      const custom = own.find((o) => o.situation === situation && o.locale === locale);
      return { situation, locale, text: custom?.text ?? PLAN_SCRIPTS[situation][locale], custom: Boolean(custom) };
    }),
  );
  return { items };
}
