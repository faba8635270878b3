import type { AppContext } from '../../platform/context.js';
import { deliveryStates } from '../../platform/outbox/index.js';

/**
 * R-CP-5: the timeline shows what became of each progress message (pending, sent, failed, and
 * when it was sent), read from the outbox as the case is read.
 */
export async function withDeliveryStates<E extends { type: string; data: string }>(db: AppContext['db'], events: E[]): Promise<E[]> {
  const ids = events
    .filter((e) => e.type === 'progress_message')
    .map((e) => (JSON.parse(e.data) as { outboxId?: string }).outboxId)
    .filter((id): id is string => typeof id === 'string');
  if (!ids.length) return events;
  const states = await deliveryStates(db, ids);
  return events.map((e) => {
    if (e.type !== 'progress_message') return e;
    const data = JSON.parse(e.data) as { outboxId?: string };
    const state = data.outboxId ? states.get(data.outboxId) : undefined;
    return { ...e, data: JSON.stringify({ ...data, status: state?.status ?? 'pending', sentAt: state?.sentAt ?? null }) };
  });
}
