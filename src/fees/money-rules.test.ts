import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageBand,
  allocateOldestFirst,
  chosenAllocationProblem,
  daysOfMonth,
  monthlyCharge,
  type RatedPeriod,
  receiptNumber,
  roundHalfUp,
  takingsByMethod,
} from './rules.js';

const period = (id: string, basis: string, rate: number, effectiveFrom: string, effectiveTo: string | null = null): RatedPeriod => ({
  id,
  basis,
  rate,
  effectiveFrom,
  effectiveTo,
});

describe('R-FE-3: the month charge, rounded half up once (ADR 0013)', () => {
  it.each([
    [
      'R-FE-3 per m²: 65.3 m² × 285 = 18,610.5 rounds up to 18,611',
      [period('a', 'per_m2_month', 285, '2026-01-01')],
      '2026-11',
      65.3,
      18611,
    ],
    ['R-FE-3 per m²: 40 m² × 285 = 11,400', [period('a', 'per_m2_month', 285, '2026-01-01')], '2026-11', 40, 11400],
    ['R-FE-3 per m²: 0.01 m² × 49 = 0.49 rounds down to 0', [period('a', 'per_m2_month', 49, '2026-01-01')], '2026-11', 0.01, 0],
    [
      'R-FE-3 per m²: area to the hundredth: 65.304 m² is 65.30 m²',
      [period('a', 'per_m2_month', 100, '2026-01-01')],
      '2026-11',
      65.304,
      6530,
    ],
    ['R-FE-3 per unit: the rate', [period('a', 'per_unit_month', 280000, '2026-01-01')], '2026-11', null, 280000],
    [
      'R-FE-3 a rate from the 16th of a 30-day month: 15 days at each rate',
      [period('a', 'per_m2_month', 285, '2026-01-01', '2026-11-15'), period('b', 'per_m2_month', 300, '2026-11-16')],
      '2026-11',
      40,
      11700,
    ],
    [
      'R-FE-3 an item starting on the 11th of a 31-day month: 21 of 31 days',
      [period('a', 'per_unit_month', 31000, '2026-12-11')],
      '2026-12',
      null,
      21000,
    ],
    [
      'R-FE-3 an item ending on 14 February 2026: 14 of 28 days',
      [period('a', 'per_unit_month', 1001, '2026-01-01', '2026-02-14')],
      '2026-02',
      null,
      501,
    ],
  ])('%s', (_name, periods, month, area, amount) => {
    const charge = monthlyCharge(periods, month, area);
    expect(charge.charged && charge.amount).toBe(amount);
  });

  it('R-FE-3 a per-m² item and a unit without area is not charged; an item not in force that month neither', () => {
    expect(monthlyCharge([period('a', 'per_m2_month', 285, '2026-01-01')], '2026-11', null)).toEqual({ charged: false, reason: 'no_area' });
    expect(monthlyCharge([period('a', 'per_unit_month', 1, '2027-01-01')], '2026-11', 10)).toEqual({
      charged: false,
      reason: 'not_in_force',
    });
  });

  it('R-FE-3 half up: exactly half goes up, under half down', () => {
    expect([roundHalfUp(5n, 10n), roundHalfUp(4n, 10n), roundHalfUp(15n, 10n), roundHalfUp(14n, 10n)]).toEqual([1n, 0n, 2n, 1n]);
  });

  it('R-FE-3 property: a month wholly in force is the full month charge; split rates lie between the two full charges', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 50_000 }).map((n) => n / 100),
        fc.integer({ min: 2, max: 28 }),
        (r1, r2, area, splitDay) => {
          const full = monthlyCharge([period('a', 'per_m2_month', r1, '2026-01-01')], '2026-02', area);
          expect(full.charged && full.amount).toBe(Math.round((Math.round(area * 100) * r1) / 100));
          const split = monthlyCharge(
            [
              period('a', 'per_m2_month', r1, '2026-01-01', `2026-02-${String(splitDay - 1).padStart(2, '0')}`),
              period('b', 'per_m2_month', r2, `2026-02-${String(splitDay).padStart(2, '0')}`),
            ],
            '2026-02',
            area,
          );
          const bound = (r: number) => (Math.round(area * 100) * r) / 100;
          if (!split.charged) throw new Error('not charged');
          expect(split.amount).toBeGreaterThanOrEqual(Math.floor(Math.min(bound(r1), bound(r2))));
          expect(split.amount).toBeLessThanOrEqual(Math.ceil(Math.max(bound(r1), bound(r2))));
          expect(split.daysCharged).toBe(28);
        },
      ),
    );
  });
});

const owedArb = fc.array(
  fc.record({
    id: fc.uuid(),
    chargedOn: fc.constantFrom('2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01'),
    createdAt: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'),
    outstanding: fc.integer({ min: 0, max: 100_000 }),
  }),
  { maxLength: 12 },
);

describe('R-FE-3: payments are allocated to the oldest charges first', () => {
  it('R-FE-3 property: allocations never exceed what a charge owes, add up to the payment, and go oldest first', () => {
    fc.assert(
      fc.property(owedArb, fc.integer({ min: 1, max: 1_500_000 }), (charges, amount) => {
        const unique = [...new Map(charges.map((c) => [c.id, c])).values()];
        const owed = unique.reduce((s, c) => s + c.outstanding, 0);
        const allocations = allocateOldestFirst(unique, amount);
        if (amount > owed) {
          expect(allocations).toBeNull();
          return;
        }
        if (!allocations) throw new Error('refused a payment within what is owed');
        expect(allocations.reduce((s, a) => s + a.amount, 0)).toBe(amount);
        for (const a of allocations) {
          const charge = unique.find((c) => c.id === a.chargeId);
          expect(a.amount).toBeGreaterThan(0);
          expect(a.amount).toBeLessThanOrEqual(charge?.outstanding ?? -1);
        }
        // Only the last charge paid may be paid in part: every earlier one is paid in full.
        for (const a of allocations.slice(0, -1)) expect(a.amount).toBe(unique.find((c) => c.id === a.chargeId)?.outstanding);
        expect(chosenAllocationProblem(unique, allocations, amount)).toBeNull();
      }),
    );
  });

  it('R-FE-3 a chosen allocation over what a charge owes, to an unknown charge, or not adding up, is refused naming it', () => {
    const charges = [{ id: 'a', chargedOn: '2026-01-01', createdAt: '', outstanding: 100 }];
    expect(chosenAllocationProblem(charges, [{ chargeId: 'a', amount: 101 }], 101)?.code).toBe('fee.over_allocated');
    expect(chosenAllocationProblem(charges, [{ chargeId: 'b', amount: 1 }], 1)?.code).toBe('fee.unknown_charge');
    expect(chosenAllocationProblem(charges, [{ chargeId: 'a', amount: 50 }], 60)?.code).toBe('fee.allocation_sum');
    expect(
      chosenAllocationProblem(
        charges,
        [
          { chargeId: 'a', amount: 50 },
          { chargeId: 'a', amount: 50 },
        ],
        100,
      )?.code,
    ).toBe('fee.unknown_charge');
  });
});

describe('R-FE-3: arrears age from the day a charge falls due', () => {
  it.each([
    ['R-FE-3 due today is 0–30', '2026-11-20', 'd0_30'],
    ['R-FE-3 30 days is 0–30', '2026-10-21', 'd0_30'],
    ['R-FE-3 31 days is 31–90', '2026-10-20', 'd31_90'],
    ['R-FE-3 90 days is 31–90', '2026-08-22', 'd31_90'],
    ['R-FE-3 91 days is 91–180', '2026-08-21', 'd91_180'],
    ['R-FE-3 181 days is over 180', '2026-05-23', 'd181_plus'],
    ['R-FE-3 not yet due is not in arrears', '2026-12-01', null],
  ])('%s', (_name, chargedOn, band) => {
    expect(ageBand(chargedOn, '2026-11-20')).toBe(band);
  });
});

describe('R-FE-2, R-FE-4: receipt numbers and takings', () => {
  it('R-FE-2 a receipt number is the year and four digits at least', () => {
    expect([receiptNumber(2026, 1), receiptNumber(2026, 12345)]).toEqual(['2026-0001', '2026-12345']);
  });
  it('R-FE-4 a day takes its receipts less the voids booked on it, by method', () => {
    expect(
      takingsByMethod(
        [
          { method: 'cash', amount: 100 },
          { method: 'fps', amount: 50 },
        ],
        [{ method: 'cash', amount: 30 }],
      ),
    ).toEqual({ cash: 70, card: 0, bank_transfer: 0, fps: 50, ewallet: 0 });
  });
  it('months have their days', () => {
    expect([daysOfMonth('2026-02').length, daysOfMonth('2028-02').length, daysOfMonth('2026-12').at(-1)]).toEqual([28, 29, '2026-12-31']);
  });
});
