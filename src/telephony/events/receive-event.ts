import { PbxEvent } from '../../contract/telephony.js';
import { estateIdByCode } from '../../directory/index.js';
import { takeMissedCallMessage } from '../../frontdesk/index.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { checkBodyShape } from '../../platform/http/body-shape.js';
import { newId } from '../../platform/ids.js';
import { runUseCase, type UseCase } from '../../platform/use-case.js';
import { matchPbxCall } from '../matching.js';
import { insertPbxCall, type PbxCallRow, pbxCallById, pbxCallByPbxId, updatePbxCall } from '../store/calls.js';
import { extensionOf } from '../store/extensions.js';
import { pbxSettingsRow } from '../store/settings.js';
import type { PbxCallTable } from '../tables.js';
import { transition } from './transitions.js';
import { signatureMatches, timestampFresh } from './verify.js';

/** A call event as it came over the wire: the estate's code from the path, the signing headers, the raw body. */
export interface SignedPbxEvent {
  estateCode: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: string;
}

/**
 * The checks, in order, before anything is written: the estate (404), the signature with its
 * secret (401 pbx.bad_signature), the replay window (401 pbx.stale), the body (400 naming the
 * field), the extension (400 pbx.unknown_extension).
 */
export async function checkPbxEvent(ctx: AppContext, signed: SignedPbxEvent) {
  const estateId = await estateIdByCode(ctx.db, signed.estateCode.toUpperCase());
  if (!estateId) throw notFound('estate');
  const settings = await pbxSettingsRow(ctx.db, estateId);
  if (!settings?.secret || !signatureMatches(settings.secret, signed.timestamp, signed.rawBody, signed.signature)) {
    throw new AppError('pbx.bad_signature', 'X-EstateDesk-Signature: missing or wrong', { field: 'X-EstateDesk-Signature' });
  }
  if (!timestampFresh(signed.timestamp ?? '', ctx.clock.now())) {
    throw new AppError('pbx.stale', 'X-EstateDesk-Timestamp: more than five minutes from the server clock', {
      field: 'X-EstateDesk-Timestamp',
    });
  }
  const event = parseEvent(signed.rawBody);
  const extension = await extensionOf(ctx.db, estateId, event.extension);
  if (!extension) throw new AppError('pbx.unknown_extension', 'extension: not an extension of this estate', { field: 'extension' });
  return { estateId, event, staffId: extension.staff_id };
}

function parseEvent(rawBody: string): PbxEvent {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new AppError('request.malformed_json', 'body: the request body is not valid JSON', { field: 'body' });
  }
  checkBodyShape(json, 'body');
  const parsed = PbxEvent.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.flatMap((i) => {
    const keys = i.code === 'unrecognized_keys' ? i.keys.map((k) => [...i.path, k]) : [i.path];
    return keys.map((p) => ({ path: ['body', ...p].join('.'), message: i.message, code: i.code }));
  });
  throw new AppError('validation.failed', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
}

/**
 * R-PH-5: one call event of the PBX, signed, applied to its call: the call is made on the first
 * event heard (in whatever order they come), ringing tells the phone desk at once, an answered
 * call is matched to the desk's log (R-PH-4), a missed one becomes a call-back (R-PH-3). An event
 * already applied changes nothing.
 */
export async function receivePbxEvent(ctx: AppContext, signed: SignedPbxEvent): Promise<{ ok: true }> {
  const checked = await checkPbxEvent(ctx, signed);
  await applyPbxEvent(ctx, checked);
  return { ok: true };
}

/** Applies a checked event (also how the first start and tests record a call without the wire). */
export async function applyPbxEvent(ctx: AppContext, c: { estateId: string; event: PbxEvent; staffId: string | null }): Promise<string> {
  return runUseCase(ctx, { actorId: null, duplicateField: 'callId' }, async (uc) => {
    const e = c.event;
    const at = new Date(e.at).toISOString();
    const known = await pbxCallByPbxId(uc.trx, c.estateId, e.callId);
    const before: PbxCallTable = known ?? {
      id: newId(),
      estate_id: c.estateId,
      pbx_call_id: e.callId,
      from_number: e.from,
      caller_name: e.callerName || null,
      extension: e.extension,
      staff_id: c.staffId,
      state: 'ringing',
      disposition: null,
      ringing_at: at,
      answered_at: null,
      ended_at: null,
      duration_seconds: null,
      source: 'event',
      call_log_id: null,
      callback_message_id: null,
      created_at: uc.at,
      updated_at: uc.at,
    };
    const step = transition(before, e.event, at);
    if (!known) await insertPbxCall(uc.trx, { ...before, ...step.set });
    else if (Object.keys(step.set).length) await updatePbxCall(uc.trx, c.estateId, before.id, { ...step.set, updated_at: uc.at });
    else return before.id;
    if (step.answered) await matchPbxCall(uc.trx, c.estateId, before.id, uc.at);
    if (step.missed) await missed(ctx, uc, { ...before, ...step.set }, at);
    const after = (await pbxCallById(uc.trx, c.estateId, before.id)) as PbxCallRow;
    const { staff_name: _, ...stored } = after;
    await uc.history({
      estateId: c.estateId,
      entityType: 'pbx_call',
      entityId: before.id,
      action: e.event,
      before: known ? stripName(known) : null,
      after: stored,
    });
    uc.live({ estateId: c.estateId, type: e.event === 'ringing' && !known ? 'telephony.ringing' : 'telephony.call', subjectId: before.id });
    return before.id;
  });
}

const stripName = ({ staff_name: _, ...row }: PbxCallRow) => row;

/** A missed call: a message for the extension's person or the desk, its call-back due as a promise (R-PH-3). */
async function missed(ctx: AppContext, uc: UseCase, call: PbxCallTable, at: string): Promise<void> {
  if (!call.callback_message_id) {
    const message = await takeMissedCallMessage(uc.trx, ctx, {
      estateId: call.estate_id,
      from: call.from_number,
      callerName: call.caller_name,
      extension: call.extension,
      staffId: call.staff_id,
      at,
    });
    if (message) {
      await updatePbxCall(uc.trx, call.estate_id, call.id, { callback_message_id: message.messageId });
      uc.live(
        { estateId: call.estate_id, type: 'frontdesk.message', subjectId: message.messageId },
        { estateId: call.estate_id, type: 'notice.created', subjectId: message.messageId, staffIds: [message.forId] },
      );
    }
  }
}
