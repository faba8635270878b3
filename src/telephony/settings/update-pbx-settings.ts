import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { PbxSettings, PbxSettingsBody } from '../../contract/telephony.js';
import { estateSettings, staffInEstate } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, unknownReference } from '../../platform/errors.js';
import { runUseCase } from '../../platform/use-case.js';
import { extensionsOf, replaceExtensions } from '../store/extensions.js';
import { pbxSettingsRow, savePbxSettings } from '../store/settings.js';
import type { PbxExtensionTable } from '../tables.js';
import { presentPbxSettings } from './present.js';

/**
 * R-PH-5: the estate's extensions become those given, each answered by one of the estate's staff
 * or nobody (its missed calls then go to the desk); the generic CSV's mapping is kept unless given.
 */
export async function updatePbxSettings(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; body: z.infer<typeof PbxSettingsBody> },
): Promise<PbxSettings> {
  const b = opts.body;
  const authorise = () => requireAbility(opts.actor, opts.estateId, 'pbx.manage');
  return runUseCase(ctx, { actorId: opts.actor.id, authorise }, async (uc) => {
    const estate = await estateSettings(uc.trx, opts.estateId);
    const seen = new Set<string>();
    const rows: PbxExtensionTable[] = [];
    for (const [i, e] of b.extensions.entries()) {
      if (seen.has(e.extension)) {
        const path = `extensions.${i}.extension`;
        throw new AppError('validation.failed', `${path}: extension ${e.extension} is given twice`, {
          field: path,
          issues: [{ path: `body.${path}`, message: 'given twice' }],
        });
      }
      seen.add(e.extension);
      if (e.staffId && !(await staffInEstate(uc.trx, estate.id, e.staffId))) throw unknownReference(`extensions.${i}.staffId`);
      rows.push({ estate_id: estate.id, extension: e.extension, staff_id: e.staffId, label: e.label || null });
    }
    const beforeRow = await pbxSettingsRow(uc.trx, estate.id);
    const beforeExtensions = await extensionsOf(uc.trx, estate.id);
    const csvMapping = b.csvMapping === undefined ? (beforeRow?.csv_mapping ?? null) : b.csvMapping ? JSON.stringify(b.csvMapping) : null;
    const row = {
      estate_id: estate.id,
      secret: beforeRow?.secret ?? null,
      secret_set_at: beforeRow?.secret_set_at ?? null,
      csv_mapping: csvMapping,
      updated_at: uc.at,
    };
    await savePbxSettings(uc.trx, row);
    await replaceExtensions(uc.trx, estate.id, rows);
    const before = presentPbxSettings(estate, beforeRow, beforeExtensions);
    const after = presentPbxSettings(estate, row, rows);
    await uc.history({ estateId: estate.id, entityType: 'pbx_settings', entityId: estate.id, action: 'updated', before, after });
    return after;
  });
}
