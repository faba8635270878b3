import type { ExpressionBuilder } from 'kysely';

/**
 * Reading a period's records a page at a time, in (time, id) order, so an export never holds the
 * period in memory: each capability's store answers pages of its own records with these.
 */
export interface PeriodRange {
  /** The first instant of the period (inclusive), ISO-8601 UTC. */
  from: string;
  /** The instant after the period (exclusive), ISO-8601 UTC. */
  to: string;
}

/** Where the previous page ended: the last row's time and id. */
export interface PageKey {
  at: string;
  id: string;
}

export interface PeriodPage {
  estateId: string;
  range: PeriodRange;
  after: PageKey | null;
  limit: number;
}

/** The rows in the range after the key: `at >= from and at < to and (at, id) > key`. */
// biome-ignore lint/suspicious/noExplicitAny: one condition over whichever table's columns the store names
export function inPeriodAfter<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, at: any, id: any, page: PeriodPage) {
  // The lower bound is the last page's time, so each page's index scan starts where the last ended.
  const { after } = page;
  const inRange = [eb(at, '>=', after ? after.at : page.range.from), eb(at, '<', page.range.to)];
  if (!after) return eb.and(inRange);
  return eb.and([...inRange, eb.or([eb(at, '>', after.at), eb.and([eb(at, '=', after.at), eb(id, '>', after.id)])])]);
}
