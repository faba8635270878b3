import type { Kysely } from 'kysely';
import { estateSettings } from '../../directory/index.js';
import type { Database } from '../../platform/db/schema.js';
import { ringSeconds } from '../rules.js';
import { pbxCallsRinging } from '../store/records.js';
import { answerFigures, inFigure, PHONE_FIGURES, type PhoneFigure } from './answer-groups.js';

type Period = { estateId: string; from: string; to: string };

/**
 * R-PH-5 for the reports: the calls that rang in [from, to), answered, answered within the
 * estate's limit, missed, the longest ring and the answered calls the desk has not logged.
 */
export async function phoneFigures(db: Kysely<Database>, p: Period) {
  const limit = (await estateSettings(db, p.estateId)).policy.answerWithinSeconds;
  return answerFigures(await pbxCallsRinging(db, p.estateId, p.from, p.to), limit);
}

export function isPhoneFigure(figure: string | undefined): figure is PhoneFigure {
  return (PHONE_FIGURES as readonly (string | undefined)[]).includes(figure);
}

/** The calls behind one phone figure of a period, a page at a time, in ringing order. */
export async function pbxCallsOfFigure(db: Kysely<Database>, p: Period & { figure: PhoneFigure; page: number; pageSize: number }) {
  const limit = (await estateSettings(db, p.estateId)).policy.answerWithinSeconds;
  const calls = (await pbxCallsRinging(db, p.estateId, p.from, p.to)).filter((c) => inFigure(c, p.figure, limit));
  return {
    total: calls.length,
    items: calls.slice((p.page - 1) * p.pageSize, p.page * p.pageSize).map((c) => ({
      id: c.id,
      label: [c.caller_name, c.from_number].filter(Boolean).join(' '),
      ringingAt: c.ringing_at,
      answeredAt: c.answered_at,
      detail: [`${c.extension}${c.staff_name ? ` ${c.staff_name}` : ''}`, ringSeconds(c) === null ? c.disposition : `${ringSeconds(c)} s`]
        .filter(Boolean)
        .join(' · '),
    })),
  };
}
