import { IANAZone } from 'luxon';

/**
 * Luxon finds a zone's UTC offset at an instant by formatting the instant with `Intl` and
 * reading the parts back: about 10 µs each, and a dashboard's day and month bounds, due times
 * and spot-check dates need dozens. Offsets change only at a zone's transitions, which the time
 * zone database places on whole minutes, so the offset found for an instant holds for its whole
 * minute: it is kept per zone and minute (at most 20,000 kept; instants before 1970, where some
 * zones kept local mean time to the second, are not kept).
 */
const MINUTE = 60_000;
const LIMIT = 20_000;
const kept = new Map<string, number>();
const offsetOf = IANAZone.prototype.offset;

IANAZone.prototype.offset = function offset(this: IANAZone, ts: number): number {
  if (!(ts >= 0)) return offsetOf.call(this, ts);
  const key = `${this.name}|${Math.floor(ts / MINUTE)}`;
  const known = kept.get(key);
  if (known !== undefined) return known;
  const found = offsetOf.call(this, ts);
  if (kept.size >= LIMIT) kept.clear();
  kept.set(key, found);
  return found;
};
