import { createEstate } from '../../src/directory/estates/create-estate.js';
import { createResident } from '../../src/directory/residents/create-resident.js';
import { createStaff } from '../../src/directory/staff/create-staff.js';
import { createBuilding } from '../../src/directory/units/create-building.js';
import { createUnit } from '../../src/directory/units/create-unit.js';
import type { TestApp } from './harness.js';
import { ADMIN_PASSWORD } from './harness.js';

/** Factories (outline's test/factories.ts shape): a record with sensible defaults, overridable. */
let seq = 0;
const next = () => ++seq;

export async function buildEstate(
  t: TestApp,
  overrides: Partial<{ code: string; name: string; timeZone: string; officeName: string }> = {},
) {
  const n = next();
  return createEstate(t.ctx, {
    actor: t.system,
    body: {
      code: overrides.code ?? `E${n}X${Date.now().toString(36).slice(-4)}`.slice(0, 16),
      name: overrides.name ?? `測試苑${n}`,
      address: `香港測試道${n}號`,
      timeZone: overrides.timeZone ?? 'Asia/Hong_Kong',
      officeName: overrides.officeName ?? `測試苑${n}`,
    },
  });
}

export async function buildBuilding(t: TestApp, estateId: string, name = `${next()}座`) {
  return createBuilding(t.ctx, { actor: t.system, estateId, body: { name } });
}

export async function buildUnit(
  t: TestApp,
  estateId: string,
  overrides: Partial<{ buildingId: string; number: string; floor: number; areaM2: number }> = {},
) {
  const buildingId = overrides.buildingId ?? (await buildBuilding(t, estateId)).id;
  const n = next();
  return createUnit(t.ctx, {
    actor: t.system,
    estateId,
    body: { buildingId, number: overrides.number ?? `${n}A`, floor: overrides.floor ?? (n % 30) + 1, areaM2: overrides.areaM2 ?? 50 },
  });
}

export async function buildResident(
  t: TestApp,
  estateId: string,
  overrides: Partial<{ name: string; phone: string; unitIds: string[]; kind: 'owner' | 'tenant' }> = {},
) {
  const n = next();
  return createResident(t.ctx, {
    actor: t.system,
    estateId,
    body: {
      name: overrides.name ?? `住戶${n}`,
      phone: overrides.phone ?? `9${String(1000000 + n).slice(-7)}`,
      kind: overrides.kind ?? 'owner',
      unitIds: overrides.unitIds ?? [],
    },
  });
}

export async function buildStaff(
  t: TestApp,
  estateId: string,
  overrides: Partial<{
    username: string;
    role: 'admin' | 'manager' | 'receptionist' | 'department' | 'maintenance';
    /** The role held in this estate; defaults to `role` (roles are held per estate). */
    estateRole: 'manager' | 'receptionist' | 'department' | 'maintenance';
    departmentId: string | null;
    counterSeat: 'L1' | 'L2' | 'R1' | 'R2' | null;
  }> = {},
) {
  const n = next();
  return createStaff(t.ctx, {
    actor: t.system,
    body: {
      username: overrides.username ?? `staff${n}`,
      name: `職員${n}`,
      surname: '陳',
      role: overrides.role ?? 'receptionist',
      locale: 'zh-Hant',
      password: ADMIN_PASSWORD,
      estates: [
        {
          estateId,
          ...(overrides.estateRole && { role: overrides.estateRole }),
          departmentId: overrides.departmentId ?? null,
          counterSeat: overrides.counterSeat ?? null,
        },
      ],
    },
  });
}

/** An estate with one building, one unit and one resident: the smallest world a test needs. */
export async function buildWorld(t: TestApp) {
  const estate = await buildEstate(t);
  const building = await buildBuilding(t, estate.id, 'A座');
  const unit = await buildUnit(t, estate.id, { buildingId: building.id, number: '1A', floor: 1 });
  const resident = await buildResident(t, estate.id, { unitIds: [unit.id] });
  return { estate, building, unit, resident };
}

export const RESIDENT_PASSWORD = 'Resident-pass-2026';

/** A resident signed in to the portal (R-PT-1): invited by the admin with a code shown at the counter, accepted with a password. */
export async function buildResidentClient(t: TestApp, estateId: string, residentId: string, password = RESIDENT_PASSWORD) {
  const invitation = await t.admin.post<{ code: string }>(`/estates/${estateId}/residents/${residentId}/portal-invitation`, {
    delivery: 'show',
  });
  if (invitation.status !== 201) throw new Error(`invitation failed: ${JSON.stringify(invitation.body)}`);
  const client = t.client();
  const res = await client.acceptInvitation(invitation.body.code, password);
  if (res.status !== 200) throw new Error(`accepting the invitation failed: ${JSON.stringify(res.body)}`);
  return client;
}
