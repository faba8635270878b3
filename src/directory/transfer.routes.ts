import { z } from 'zod';
import { actorOf } from '../auth/index.js';
import { ImportBody, ImportResult } from '../contract/common.js';
import { ExportQuery } from '../contract/directory.js';
import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';
import { errorResponses, okResponses } from '../platform/http/errors.js';
import { EstateParams } from './places.routes.js';
import { exportResidents } from './transfer/export-residents.js';
import { exportUnits } from './transfer/export-units.js';
import { importResidents } from './transfer/import-residents.js';
import { importUnits } from './transfer/import-units.js';

/** Import and export of units and residents, as CSV or XLSX. */
export function registerTransferRoutes(api: App, ctx: AppContext): void {
  // ------------------------------------------------------------ import / export
  const transfers = [
    {
      path: 'units',
      entity: 'Units',
      run: importUnits,
      dump: exportUnits,
      importAbility: 'unit.import',
      exportAbility: 'unit.export',
    },
    {
      path: 'residents',
      entity: 'Residents',
      run: importResidents,
      dump: exportResidents,
      importAbility: 'resident.import',
      exportAbility: 'resident.export',
    },
  ] as const;
  for (const t of transfers) {
    api.post(
      `/estates/:estateId/${t.path}/import`,
      {
        config: { ability: t.importAbility },
        bodyLimit: 20 * 1024 * 1024,
        schema: {
          operationId: `import${t.entity}`,
          tags: [t.path],
          summary: `Import ${t.path} from CSV or XLSX: all rows or none, with a row-by-row report of what is wrong`,
          params: EstateParams,
          body: ImportBody,
          response: okResponses(ImportResult),
        },
      },
      async (req) =>
        t.run(ctx, {
          actor: actorOf(req),
          estateId: req.params.estateId,
          format: req.body.format,
          content: Buffer.from(req.body.contentBase64, 'base64'),
          dryRun: req.body.dryRun,
        }),
    );
    api.get(
      `/estates/:estateId/${t.path}/export`,
      {
        config: { ability: t.exportAbility },
        schema: {
          operationId: `export${t.entity}`,
          tags: [t.path],
          summary: `Export ${t.path} as CSV or XLSX, in the columns the import reads`,
          params: EstateParams,
          querystring: ExportQuery,
          response: {
            200: {
              description: 'The file, with the columns the import reads',
              content: {
                'text/csv': { schema: z.string() },
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
              },
            },
            ...errorResponses,
          },
        },
      },
      async (req, reply) => {
        const format = req.query.format;
        const file = await t.dump(ctx, { actor: actorOf(req), estateId: req.params.estateId, format });
        const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
        return reply
          .header('content-type', type)
          .header('content-disposition', `attachment; filename="${t.path}.${format}"`)
          .send(file as unknown as string);
      },
    );
  }
}
