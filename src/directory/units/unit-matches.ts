import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { residentsByPhoneOrName, residentsOfUnits, unitsNumbered } from '../desk.store.js';
import { presentJoinedUnit } from '../present.js';
import { buildingKey, compareUnitsNaturally, type MatchRank, matchRank, parseUnitQuery, unitKey } from '../rules.js';
import { buildingsOf } from '../units.store.js';

type Db = Kysely<Database>;
type JoinedUnit = NonNullable<ReturnType<typeof presentJoinedUnit>>;

/** One line of a unit or caller lookup: a unit, a resident, or a resident with the unit they live in. */
export interface UnitMatch {
  unit: JoinedUnit | null;
  resident: { id: string; name: string; phone: string | null; kind: 'owner' | 'tenant' } | null;
  matchedBy: 'unit' | 'phone' | 'name';
  rank: MatchRank;
}

// Units are looked at this many at a time before they are put in natural order.
const UNIT_CANDIDATES = 200;
const PHONE_LIKE = /^\+?[\d\s()-]+$/;

/** The buildings a typed building means: its key equal, else its key holding what was typed. */
async function buildingIdsFor(db: Db, estateId: string, building: string): Promise<string[]> {
  const buildings = (await buildingsOf(db, estateId)).map((b) => ({ id: b.id, key: buildingKey(b.name) }));
  const exact = buildings.filter((b) => b.key === building);
  return (exact.length ? exact : buildings.filter((b) => b.key.includes(building))).map((b) => b.id);
}

const MATCHED_BY_ORDER = { unit: 0, phone: 1, name: 2 } as const;

function compareMatches(a: UnitMatch, b: UnitMatch): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.matchedBy !== b.matchedBy) return MATCHED_BY_ORDER[a.matchedBy] - MATCHED_BY_ORDER[b.matchedBy];
  if (a.unit && b.unit) {
    const byUnit = compareUnitsNaturally(a.unit, b.unit);
    if (byUnit) return byUnit;
  } else if (a.unit || b.unit) return a.unit ? -1 : 1;
  return (a.resident?.name ?? '').localeCompare(b.resident?.name ?? '');
}

/**
 * The one way the desk finds a unit or a caller from what is typed, on every screen: units by
 * building and number (「A座 12B」, 「A棟12B」, "Block A 12B", "12B A座", bare "12B"), and,
 * for those who may read residents, residents by phone or name and the residents of each unit
 * found. Exact matches first, then those that start with the text, then those that hold it;
 * within each, by building and in natural number order (3A, 13A, 23A). Only the estate's.
 */
export async function unitMatches(
  db: Db,
  estateId: string,
  opts: { q: string; withResidents: boolean; limit: number },
): Promise<UnitMatch[]> {
  const text = opts.q.trim();
  if (!text) return [];
  const wanted = parseUnitQuery(text);
  const buildingIds = wanted.building === null ? null : await buildingIdsFor(db, estateId, wanted.building);
  const units = (await unitsNumbered(db, estateId, { unit: wanted.unit, buildingIds, limit: UNIT_CANDIDATES }))
    .map((row) => ({ unit: presentJoinedUnit(row) as JoinedUnit, rank: matchRank(unitKey(row.unit_number ?? ''), wanted.unit) }))
    .filter((u): u is { unit: JoinedUnit; rank: MatchRank } => u.rank !== null)
    .sort((a, b) => a.rank - b.rank || compareUnitsNaturally(a.unit, b.unit))
    .slice(0, opts.limit);

  const matches: UnitMatch[] = [];
  const households = opts.withResidents
    ? await residentsOfUnits(
        db,
        estateId,
        units.map((u) => u.unit.id),
      )
    : [];
  for (const { unit, rank } of units) {
    const living = households.filter((r) => r.unit_id === unit.id);
    if (!living.length) matches.push({ unit, resident: null, matchedBy: 'unit', rank });
    for (const r of living)
      matches.push({
        unit,
        resident: { id: r.id, name: r.name, phone: r.phone, kind: r.kind as 'owner' | 'tenant' },
        matchedBy: 'unit',
        rank,
      });
  }

  if (opts.withResidents) {
    const digits = PHONE_LIKE.test(text) ? text.replace(/\D/g, '') : null;
    const rows = await residentsByPhoneOrName(db, estateId, { digits, name: digits ? null : text, limit: opts.limit });
    for (const r of rows) {
      const byPhone = digits
        ? [r.phone, r.phone_alt].map((p) => matchRank((p ?? '').replace(/\D/g, ''), digits)).filter((x) => x !== null)
        : [];
      const rank = byPhone.length ? (Math.min(...byPhone) as MatchRank) : (matchRank(r.name, text) ?? 2);
      const unit = presentJoinedUnit(r);
      if (matches.some((m) => m.resident?.id === r.id && m.unit?.id === unit?.id)) continue;
      matches.push({
        unit,
        resident: { id: r.id, name: r.name, phone: r.phone, kind: r.kind as 'owner' | 'tenant' },
        matchedBy: byPhone.length ? 'phone' : 'name',
        rank,
      });
    }
  }
  return matches.sort(compareMatches).slice(0, opts.limit);
}
