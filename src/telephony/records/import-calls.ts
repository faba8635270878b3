import type { Insertable } from 'kysely';
import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { PbxImportBody, PbxImportResult } from '../../contract/telephony.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { exclusively } from '../../platform/exclusive.js';
import { newId } from '../../platform/ids.js';
import { runUseCase } from '../../platform/use-case.js';
import { matchPbxCall } from '../matching.js';
import { extensionsOf, insertPbxCalls, knownPbxCallIds, savedCsvMapping } from '../store/records.js';
import type { PbxCallTable } from '../tables.js';
import { type ReadRecords, readAsterisk, readMapped } from './read-records.js';

type Result = z.infer<typeof PbxImportResult>;

/** Thrown at the end of a dry run: everything was checked and written, then thrown away. */
class DryRunDone extends Error {}

/**
 * R-PH-5: the PBX's call-detail records imported from a file (Asterisk's Master.csv, or a CSV
 * read through the estate's saved mapping). All rows or none: every row is checked first, and a
 * row with a problem refuses the file, naming its row and field. A call the estate has already
 * (imported before, or told live by the PBX's events) is counted as known and left as it is, so
 * importing a file twice adds nothing. Imported calls are history: a missed one makes no
 * call-back task; an answered one is matched to the desk's call log (R-PH-4).
 */
export async function importPbxCalls(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; body: z.output<typeof PbxImportBody> },
): Promise<Result> {
  requireAbility(opts.actor, opts.estateId, 'pbx.manage');
  const estate = await estateSettings(ctx.db, opts.estateId);
  const busy = () => new AppError('import.busy', 'another call-record import into this estate is running; try again when it has finished');
  return exclusively(ctx, `pbx-import:${estate.id}`, busy, async () => {
    const { body } = opts;
    const content = Buffer.from(body.content, 'base64');
    if (!content.length) throw new AppError('import.unreadable_file', 'content: not base64 text of a file', { field: 'content' });
    let read: ReadRecords;
    if (body.format === 'asterisk') read = readAsterisk(content, estate.timeZone);
    else {
      const mapping = await savedCsvMapping(ctx.db, estate.id);
      if (!mapping)
        throw new AppError('reference.not_found', 'format: no CSV mapping is saved for this estate; save one in the PBX settings first', {
          field: 'format',
        });
      read = readMapped(content, estate.timeZone, mapping);
    }
    const errors = read.errors.sort((a, b) => a.row - b.row);
    if (errors.length && body.dryRun)
      return { rows: read.calls.length + new Set(errors.map((e) => e.row)).size, added: 0, known: 0, errors, dryRun: true };
    if (errors.length) {
      const rows = [...new Set(errors.map((e) => e.row))];
      throw new AppError(
        'import.invalid_rows',
        `nothing was imported: ${errors.length} problem(s) on row(s) ${rows.slice(0, 10).join(', ')}`,
        {
          rows: errors.slice(0, 500),
          errorCount: errors.length,
        },
      );
    }
    const result: Result = { rows: read.calls.length, added: 0, known: 0, errors: [], dryRun: body.dryRun };
    await runUseCase(ctx, { actorId: opts.actor.id }, async (uc) => {
      const { trx, at } = uc;
      const staffOf = new Map((await extensionsOf(trx, estate.id)).map((x) => [x.extension, x.staff_id]));
      const known = await knownPbxCallIds(
        trx,
        estate.id,
        read.calls.map((c) => c.pbxCallId),
      );
      const rows: Insertable<PbxCallTable>[] = [];
      for (const c of read.calls) {
        // The same call twice in one file is one call.
        if (known.has(c.pbxCallId)) continue;
        known.add(c.pbxCallId);
        rows.push({
          id: newId(),
          estate_id: estate.id,
          pbx_call_id: c.pbxCallId,
          from_number: c.from,
          caller_name: c.callerName,
          extension: c.extension,
          staff_id: staffOf.get(c.extension) ?? null,
          state: c.answeredAt ? (c.endedAt ? 'ended' : 'answered') : 'missed',
          disposition: c.disposition,
          ringing_at: c.ringingAt,
          answered_at: c.answeredAt,
          ended_at: c.endedAt,
          duration_seconds: c.durationSeconds,
          source: 'import',
          call_log_id: null,
          callback_message_id: null,
          created_at: at,
          updated_at: at,
        });
      }
      await insertPbxCalls(trx, rows);
      for (const r of rows) if (r.answered_at) await matchPbxCall(trx, estate.id, r.id as string, at);
      result.added = rows.length;
      result.known = read.calls.length - rows.length;
      await uc.history({
        estateId: estate.id,
        entityType: 'pbx_import',
        entityId: newId(),
        action: 'imported',
        after: { fileName: body.fileName, format: body.format, rows: result.rows, added: result.added, known: result.known },
      });
      if (body.dryRun) throw new DryRunDone();
    }).catch((err) => {
      if (!(err instanceof DryRunDone)) throw err;
    });
    return result;
  });
}
