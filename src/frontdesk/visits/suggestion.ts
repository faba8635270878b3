import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { SuggestReceiverQuery } from '../../contract/frontdesk.js';
import type { estateSettings } from '../../directory/index.js';
import type { Database } from '../../platform/db/schema.js';
import { unknownReference } from '../../platform/errors.js';
import { type DeskPerson, deskStaff } from '../presence/desk-staff.js';
import { type DeskStaff, type Seat, suggestReceiver } from '../rules.js';
import { countWaiting } from '../store/visits.js';

type Estate = Awaited<ReturnType<typeof estateSettings>>;

/** R-WK-2, R-WK-3: who should rise for a visitor, and whose duties the purpose routes to. */
export async function suggestionFor(
  db: Kysely<Database> | Transaction<Database>,
  estate: Estate,
  query: z.infer<typeof SuggestReceiverQuery>,
) {
  const staff = await deskStaff(db, estate.id);
  if (query.askedForId && !staff.some((s) => s.id === query.askedForId)) throw unknownReference('askedForId');
  const desk: DeskStaff[] = staff.map((s) => ({
    id: s.id,
    name: s.name,
    seat: s.seat,
    state: s.state,
    onTask: s.onTask,
    serving: s.serving,
  }));
  const pick = suggestReceiver(desk, estate.policy.counterSeatOrder as Seat[], query.askedForId);
  // R-WK-3: the colleague whose duties cover the purpose (not the front desk itself when another department does).
  const kind = query.purpose && query.purpose !== 'other' ? query.purpose : null;
  const covering = kind ? staff.filter((s) => s.caseKinds.includes(kind)) : [];
  const owners = covering.some((s) => s.departmentCode !== 'front_desk')
    ? covering.filter((s) => s.departmentCode !== 'front_desk')
    : covering;
  const free = (s: DeskPerson) => s.state === 'in_office' && !s.serving;
  const routed = owners.find(free) ?? owners[0] ?? null;
  const waiting = await countWaiting(db, estate.id);
  return {
    rule: 'R-WK-2' as const,
    receiver: pick.receiver ? { id: pick.receiver.id, name: pick.receiver.name, seat: pick.receiver.seat } : null,
    reason: pick.reason,
    routedTo: routed ? { id: routed.id, name: routed.name, state: routed.state, until: routed.until, available: free(routed) } : null,
    sameDuty: routed ? owners.filter((s) => s.id !== routed.id && free(s)).map((s) => ({ id: s.id, name: s.name, state: s.state })) : [],
    options: routed && !free(routed) ? (['page', 'hand_over', 'take_contact'] as const).slice() : [],
    waiting,
  };
}
