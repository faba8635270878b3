import type { Random } from './random.js';
import { iso, MINUTE } from './random.js';
import type { Sink } from './sink.js';

/**
 * An obligation as the deadline engine leaves it at `now`: met when the trigger's answer came
 * (on time or late), breached (and, for R-CP-1, escalated) by the sweep once due passed unmet or
 * late. Deadlines that fell due within `unsweptMs` before `now` are left for the next sweep.
 */
export function obligation(
  sink: Sink,
  random: Random,
  o: {
    estateId: string;
    rule: string;
    subjectType: string;
    subjectId: string;
    ownerId?: string | null;
    departmentId?: string | null;
    openedAt: number;
    dueAt: number;
    metAt: number | null;
    metBy?: string | null;
    escalateTo?: string | null;
    now: number;
    unsweptMs: number;
    data?: Record<string, unknown>;
  },
): { breachedAt: number | null } {
  const met = o.metAt !== null && o.metAt <= o.now ? o.metAt : null;
  const late = met === null ? o.dueAt < o.now : met > o.dueAt;
  const sweptBy = o.dueAt + MINUTE;
  const breachedAt = late && sweptBy <= o.now && (met !== null ? sweptBy < met : o.now - o.dueAt > o.unsweptMs) ? sweptBy : null;
  sink.add('obligations', {
    id: random.id(o.openedAt),
    estate_id: o.estateId,
    rule: o.rule,
    subject_type: o.subjectType,
    subject_id: o.subjectId,
    owner_id: o.ownerId ?? null,
    department_id: o.departmentId ?? null,
    opened_at: iso(o.openedAt),
    due_at: iso(o.dueAt),
    met_at: met === null ? null : iso(met),
    met_by: met === null ? null : (o.metBy ?? null),
    breached_at: breachedAt === null ? null : iso(breachedAt),
    escalated_to: breachedAt !== null && o.escalateTo ? o.escalateTo : null,
    escalated_at: breachedAt !== null && o.escalateTo ? iso(breachedAt) : null,
    cancelled_at: null,
    data: JSON.stringify(o.data ?? {}),
  });
  return { breachedAt };
}
