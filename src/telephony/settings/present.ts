import type { PbxCsvMapping, PbxSettings } from '../../contract/telephony.js';
import { API_PREFIX } from '../../platform/http/app.js';
import type { PbxExtensionTable, PbxSettingsTable } from '../tables.js';

/** The webhook's address for an estate, relative to the server. */
export const eventsPathOf = (estateCode: string) => `${API_PREFIX}/pbx/${encodeURIComponent(estateCode)}/events`;

/** An estate's PBX settings as the API shows them: never the secret itself, only whether one is set. */
export function presentPbxSettings(
  estate: { id: string; code: string },
  row: PbxSettingsTable | undefined,
  extensions: PbxExtensionTable[],
): PbxSettings {
  return {
    estateId: estate.id,
    estateCode: estate.code,
    hasSecret: Boolean(row?.secret),
    secretSetAt: row?.secret_set_at ?? null,
    extensions: extensions.map((e) => ({ extension: e.extension, staffId: e.staff_id, label: e.label })),
    csvMapping: row?.csv_mapping ? (JSON.parse(row.csv_mapping) as PbxCsvMapping) : null,
    eventsPath: eventsPathOf(estate.code),
  };
}
