import type { Transaction } from 'kysely';
import { callLogsBetween } from '../frontdesk/index.js';
import type { Database } from '../platform/db/schema.js';
import { MATCH_WINDOW_MINUTES, phoneKey } from './rules.js';
import { pbxCallById, unmatchedPbxCallsNear, updatePbxCall } from './store/calls.js';
import { callLogIdsMatched } from './store/matched.js';

/**
 * R-PH-4: one call is counted once. A PBX call is matched to the desk's call log entry of the
 * same caller's number whose start lies within ten minutes of its ringing, the nearest one not
 * matched to another PBX call; unmatched answered PBX calls are the desk's "not logged".
 */
const windowMs = MATCH_WINDOW_MINUTES * 60_000;
const around = (at: string) =>
  [new Date(Date.parse(at) - windowMs).toISOString(), new Date(Date.parse(at) + windowMs).toISOString()] as const;

/** Matches one PBX call (by row id) to a call log entry, if one fits; answers the entry's id. */
export async function matchPbxCall(trx: Transaction<Database>, estateId: string, id: string, at: string): Promise<string | null> {
  const call = await pbxCallById(trx, estateId, id);
  const key = phoneKey(call?.from_number);
  if (!call || call.call_log_id || !key) return call?.call_log_id ?? null;
  const [from, to] = around(call.ringing_at);
  const logs = (await callLogsBetween(trx, estateId, from, to)).filter((l) => phoneKey(l.caller_phone) === key);
  const taken = await callLogIdsMatched(
    trx,
    estateId,
    logs.map((l) => l.id),
  );
  const best = logs
    .filter((l) => !taken.has(l.id))
    .sort(
      (a, b) =>
        Math.abs(Date.parse(a.started_at) - Date.parse(call.ringing_at)) - Math.abs(Date.parse(b.started_at) - Date.parse(call.ringing_at)),
    )[0];
  if (!best) return null;
  await updatePbxCall(trx, estateId, id, { call_log_id: best.id, updated_at: at });
  return best.id;
}

/** Matches a call the desk just logged to the PBX's record of it, if there is one not matched yet. */
export async function matchCallLog(
  trx: Transaction<Database>,
  e: { estateId: string; callLogId: string; phone: string | null; startedAt: string },
  at: string,
): Promise<string | null> {
  const key = phoneKey(e.phone);
  if (!key) return null;
  const [from, to] = around(e.startedAt);
  const best = (await unmatchedPbxCallsNear(trx, e.estateId, from, to))
    .filter((c) => phoneKey(c.from_number) === key)
    .sort(
      (a, b) => Math.abs(Date.parse(a.ringing_at) - Date.parse(e.startedAt)) - Math.abs(Date.parse(b.ringing_at) - Date.parse(e.startedAt)),
    )[0];
  if (!best) return null;
  await updatePbxCall(trx, e.estateId, best.id, { call_log_id: e.callLogId, updated_at: at });
  return best.id;
}
