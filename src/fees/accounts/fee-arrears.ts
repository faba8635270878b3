import type { z } from 'zod';
import type { Actor } from '../../auth/index.js';
import type { FeeArrears, FeeArrearsQuery } from '../../contract/fees.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { requireEstateRecord } from '../items/access.js';
import { dayIn } from '../rules.js';
import { arrearsOf } from './arrears-of.js';

/** R-FE-3: arrears by unit and age band as of a day (today by default), the largest first. */
export async function feeArrears(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; query: z.infer<typeof FeeArrearsQuery> },
): Promise<FeeArrears> {
  await requireEstateRecord(ctx, opts.actor, opts.estateId, 'fee.arrears.read');
  const estate = await estateSettings(ctx.db, opts.estateId);
  const { page, pageSize, buildingId, band } = opts.query;
  const asOf = opts.query.asOf ?? dayIn(ctx.clock.now(), estate.timeZone);
  const all = await arrearsOf(ctx.db, opts.estateId, asOf);
  const items = all.items.filter((i) => (!buildingId || i.unit.building_id === buildingId) && (!band || i.bands[band] > 0));
  const bands = { d0_30: 0, d31_90: 0, d91_180: 0, d181_plus: 0 };
  for (const i of items) for (const b of Object.keys(bands) as (keyof typeof bands)[]) bands[b] += i.bands[b];
  return {
    asOf,
    currency: estate.policy.currency,
    total: items.reduce((s, i) => s + i.total, 0),
    bands,
    unitsInArrears: items.length,
    items: items.slice((page - 1) * pageSize, page * pageSize).map((i) => ({
      unit: { id: i.unit.id, buildingName: i.unit.building_name, number: i.unit.number, areaM2: i.unit.area_m2 },
      total: i.total,
      bands: i.bands,
      oldestChargedOn: i.oldest,
    })),
    page,
    pageSize,
  };
}
