import type { LookupPick } from '../directory/UnitLookup';
import type { CallDraft } from '../frontdesk/DeskDialogs';
import type { PbxCall, PbxCallState } from './types';

const PHONE = /^\+?[0-9 ()-]{3,20}$/;

export const STATE_COLORS: Record<PbxCallState, string> = {
  ringing: 'warning',
  answered: 'processing',
  ended: 'default',
  missed: 'error',
};

/**
 * What the caller lookup is asked for a PBX number: its last eight digits, as residents' phones
 * are recorded without the country code (the PBX may send +852 …).
 */
export function lookupText(number: string | null | undefined): string {
  const digits = (number ?? '').replace(/\D+/g, '');
  return digits.length >= 8 ? digits.slice(-8) : digits;
}

/**
 * The call log form filled in from the PBX's record (R-PH-4, R-PH-5): the caller's number and the
 * resident and unit found for it, the PBX's ringing time as the start and, once the call has
 * ended, the PBX's duration.
 */
export function callDraftOf(call: PbxCall, pick: LookupPick | null): CallDraft {
  const phone = PHONE.test(call.from) ? call.from : (pick?.resident?.phone ?? null);
  return {
    startedAt: Date.parse(call.ringingAt),
    durationSeconds: call.durationSeconds,
    callerName: pick?.resident?.name ?? call.callerName,
    callerPhone: phone,
    unit: pick?.unit ?? null,
    residentId: pick?.resident?.id ?? null,
  };
}
