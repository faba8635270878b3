import type { PbxCall } from '../contract/telephony.js';
import { answeredInTime, ringSeconds } from './rules.js';
import type { PbxCallTable } from './tables.js';

/** A PBX call row (with its staff member's name) as the API shows it. */
export function presentPbxCall(row: PbxCallTable & { staff_name: string | null }, limitSeconds: number): PbxCall {
  return {
    id: row.id,
    pbxCallId: row.pbx_call_id,
    from: row.from_number,
    callerName: row.caller_name,
    extension: row.extension,
    staff: row.staff_id ? { id: row.staff_id, name: row.staff_name ?? '' } : null,
    state: row.state as PbxCall['state'],
    disposition: row.disposition as PbxCall['disposition'],
    ringingAt: row.ringing_at,
    answeredAt: row.answered_at,
    endedAt: row.ended_at,
    ringSeconds: ringSeconds(row),
    durationSeconds: row.duration_seconds,
    answeredInTime: answeredInTime(row, limitSeconds),
    source: row.source as PbxCall['source'],
    callLogId: row.call_log_id,
    callbackMessageId: row.callback_message_id,
  };
}
