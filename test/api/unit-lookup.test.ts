import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBuilding, buildEstate, buildResident, buildStaff, buildUnit } from '../support/factories.js';
import { type Client, createTestApp, ENGINE, type TestApp } from '../support/harness.js';

interface Match {
  unit: { id: string; buildingName: string; number: string } | null;
  resident: { id: string; name: string; phone: string | null } | null;
  matchedBy: 'unit' | 'phone' | 'name';
  rank: 0 | 1 | 2;
}

const label = (m: Match) => (m.unit ? `${m.unit.buildingName} ${m.unit.number}` : `${m.resident?.name}`);

/**
 * The one unit and caller lookup of every screen (phone desk, new case, walk-ins, message and
 * call forms): building-aware, Traditional and Simplified alike, exact before prefix before
 * contains, then by building and natural number order; only the asking estate's records.
 */
describe(`the unit lookup [${ENGINE}]`, () => {
  let t: TestApp;
  let desk: Client;
  let fixer: Client;
  let estateId: string;
  let otherEstateId: string;
  const units = new Map<string, string>();
  const people = new Map<string, { id: string; phone: string }>();

  const lookup = async (client: Client, q: string, estate = estateId) => {
    const res = await client.get(`/estates/${estate}/unit-lookup?q=${encodeURIComponent(q)}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items as Match[];
  };

  beforeAll(async () => {
    t = await createTestApp();
    const estate = await buildEstate(t);
    estateId = estate.id;
    const a = await buildBuilding(t, estateId, 'A座');
    const b = await buildBuilding(t, estateId, 'B座');
    // Made out of order, so that the order of the answers is the lookup's own.
    for (const [building, number, floor] of [
      [a, '23A', 23],
      [a, '13A', 13],
      [a, '3A', 3],
      [a, '12B', 12],
      [a, '2B', 2],
      [b, '12B', 12],
      [b, '3A', 3],
    ] as const) {
      const unit = await buildUnit(t, estateId, { buildingId: building.id, number, floor });
      units.set(`${building.name} ${number}`, unit.id);
    }
    const chan = await buildResident(t, estateId, { name: '陳大文', phone: '9123 4567', unitIds: [units.get('A座 12B') as string] });
    people.set('陳大文', { id: chan.id, phone: '9123 4567' });

    // Another estate with the same building and unit names, and a resident with the same phone.
    const other = await buildEstate(t);
    otherEstateId = other.id;
    const otherA = await buildBuilding(t, otherEstateId, 'A座');
    const otherUnit = await buildUnit(t, otherEstateId, { buildingId: otherA.id, number: '12B', floor: 12 });
    await buildUnit(t, otherEstateId, { buildingId: otherA.id, number: '3A', floor: 3 });
    units.set('other A座 12B', otherUnit.id);
    const twin = await buildResident(t, otherEstateId, { name: '陳大文', phone: '9123 4567', unitIds: [otherUnit.id] });
    people.set('other 陳大文', { id: twin.id, phone: '9123 4567' });

    await buildStaff(t, estateId, { username: 'desk', role: 'receptionist' });
    await buildStaff(t, estateId, { username: 'fixer', role: 'maintenance' });
    desk = await t.as('desk');
    fixer = await t.as('fixer');
  });
  afterAll(async () => t?.close());

  it('"3A" lists 3A of each block first, then 13A and 23A in number order, not string order', async () => {
    const found = await lookup(desk, '3A');
    expect(found.map(label)).toEqual(['A座 3A', 'B座 3A', 'A座 13A', 'A座 23A']);
    expect(found.map((m) => m.rank)).toEqual([0, 0, 2, 2]);
  });

  it('a number finds exact units first, then those starting with it, then those holding it', async () => {
    const found = await lookup(desk, '2');
    // Prefix (2B, 23A) before contains (12B, 12B); within each, by building then natural number.
    const units = found.filter((m) => m.matchedBy === 'unit').map((m) => `${label(m)}:${m.rank}`);
    expect([...new Set(units)]).toEqual(['A座 2B:1', 'A座 23A:1', 'A座 12B:2', 'B座 12B:2']);
  });

  it('the same unit however the desk writes it: 「A座 12B」「A棟12B」「A栋 12b」 "Block A 12B" "12B A座"', async () => {
    for (const q of ['A座 12B', 'A座12B', 'A棟12B', 'A栋 12b', 'Block A 12B', 'block a 12b', '12B A座', '12B, Block A', 'Ａ座１２Ｂ']) {
      const found = await lookup(desk, q);
      expect(
        found.map((m) => m.unit?.id),
        q,
      ).toEqual([units.get('A座 12B')]);
      expect(found[0]?.resident?.name, q).toBe('陳大文');
      expect(found[0]?.rank, q).toBe(0);
    }
  });

  it('a bare "12B" finds it in every block, the block with the name first', async () => {
    const found = await lookup(desk, '12B');
    expect(found.map(label)).toEqual(['A座 12B', 'B座 12B']);
    expect(found[0]?.resident?.name).toBe('陳大文');
    expect(found[1]?.resident).toBeNull();
  });

  it('a phone number (spaces ignored) or a name finds the resident with their unit', async () => {
    for (const q of ['91234567', '9123 4567', '4567']) {
      const found = await lookup(desk, q);
      expect(
        found.map((m) => [m.resident?.id, m.unit?.id, m.matchedBy]),
        q,
      ).toEqual([[people.get('陳大文')?.id, units.get('A座 12B'), 'phone']]);
    }
    expect((await lookup(desk, '91234567'))[0]?.rank).toBe(0);
    expect((await lookup(desk, '陳大')).map((m) => [m.resident?.id, m.matchedBy])).toEqual([[people.get('陳大文')?.id, 'name']]);
  });

  it("another estate's units and residents never appear, even with the same names and phone", async () => {
    const other = [units.get('other A座 12B'), people.get('other 陳大文')?.id];
    for (const q of ['A座 12B', '12B', '3A', '91234567', '陳大文']) {
      const text = JSON.stringify(await lookup(desk, q));
      for (const id of other) expect(text, q).not.toContain(id);
    }
    // Asking in the other estate is as if it did not exist.
    const res = await desk.get(`/estates/${otherEstateId}/unit-lookup?q=12B`);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain(units.get('other A座 12B'));
  });

  it('maintenance staff find units but never residents or their phones', async () => {
    const found = await lookup(fixer, 'A座 12B');
    expect(found.map((m) => [m.unit?.id, m.resident])).toEqual([[units.get('A座 12B'), null]]);
    expect(await lookup(fixer, '91234567')).toEqual([]);
    expect(JSON.stringify(await lookup(fixer, '陳大文'))).not.toContain('9123');
  });

  it('the phone desk finds the same unit from the same text', async () => {
    for (const q of ['A棟12B', 'Block A 12B', '12B A座']) {
      const res = await desk.get(`/estates/${estateId}/callers?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(
        res.body.items.map((m: { unit: { id: string } | null }) => m.unit?.id),
        q,
      ).toEqual([units.get('A座 12B')]);
    }
  });
});
