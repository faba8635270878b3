import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/** Records who a breached obligation was escalated to, and when (R-CP-4 and the rules like it). */
export async function escalateObligation(trx: Transaction<Database>, o: { id: string; to: string | null; at: string }): Promise<void> {
  await trx.updateTable('obligations').set({ escalated_to: o.to, escalated_at: o.at }).where('id', '=', o.id).execute();
}
