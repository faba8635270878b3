import { type Actor, requireAbility } from '../../auth/index.js';
import type { ImportRowError } from '../../contract/common.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { exclusively } from '../../platform/exclusive.js';
import { readSheet, type TabularFormat } from '../../platform/tabular.js';
import { HEADER_ALIASES } from '../rules.js';
import { findEstate } from '../store.js';

/**
 * Import of units and residents. An import is all rows or none: every row is checked (in the
 * file and against the estate) before anything is written, and the whole write is one
 * transaction.
 */
export interface ImportOptions {
  actor: Actor;
  estateId: string;
  format: TabularFormat;
  content: Buffer;
  dryRun: boolean;
}

export interface ImportOutcome {
  created: number;
  updated: number;
  total: number;
}

export function rejectIfAny(errors: ImportRowError[]) {
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
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
}

/**
 * One import at a time per estate (on every instance): reading a large file and writing its rows
 * is the heaviest thing the server does, and two at once into one estate would only fight over
 * the same rows. A second one is refused at once (409), after the caller's access is checked.
 */
export async function oneImportAtATime<T>(
  ctx: AppContext,
  opts: ImportOptions,
  ability: 'unit.import' | 'resident.import',
  work: () => Promise<T>,
): Promise<T> {
  requireAbility(opts.actor, opts.estateId, ability);
  if (!(await findEstate(ctx.db, opts.estateId))) throw notFound('estate');
  const busy = () =>
    new AppError('import.busy', 'another import into this estate is running; try again when it has finished', {
      estateId: opts.estateId,
    });
  return exclusively(ctx, `import:${opts.estateId}`, busy, work);
}

export function readImport(opts: ImportOptions) {
  return readSheet(opts.format, opts.content, HEADER_ALIASES);
}

/** Thrown at the end of a dry run, which checks everything, database included, then throws the work away. */
export class DryRunDone extends Error {}

export function ignoreDryRun(err: unknown) {
  if (!(err instanceof DryRunDone)) throw err;
}
