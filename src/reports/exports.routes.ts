import { z } from 'zod';
import { actorOf, operation } from '../auth/index.js';
import { EXPORT_ROWS_HEADER, ExportCount, ExportCountQuery, ExportParams, ExportQuery } from '../contract/exports.js';
import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';
import { errorResponses } from '../platform/http/errors.js';
import { countExport } from './exports/count-export.js';
import { exportPeriod } from './exports/export-period.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['reports'];

/** The period exports: a dataset's records over whole days in the estate's zone, counted, and streamed as CSV or XLSX. */
export function registerExportRoutes(api: App, ctx: AppContext): void {
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/exports/:dataset/count',
    ability: 'report.export',
    operationId: 'countExport',
    tags,
    summary: 'How many rows the export of a dataset over the period holds (for a progress bar)',
    params: ExportParams,
    querystring: ExportCountQuery,
    response: ExportCount,
    run: ({ actor, params, query }) => countExport(ctx, { actor, estateId: params.estateId, dataset: params.dataset, ...query }),
  });
  api.get(
    '/estates/:estateId/exports/:dataset',
    {
      config: { ability: 'report.export' },
      schema: {
        operationId: 'exportPeriod',
        tags,
        summary: `The records of a dataset over the period as a streamed CSV (UTF-8 with BOM) or XLSX file; ${EXPORT_ROWS_HEADER} carries the row count`,
        params: ExportParams,
        querystring: ExportQuery,
        response: {
          200: {
            description: 'The file, as an attachment',
            content: { 'text/csv': { schema: z.string() }, [XLSX]: { schema: z.string() } },
          },
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const file = await exportPeriod(ctx, {
        actor: actorOf(req),
        estateId: req.params.estateId,
        dataset: req.params.dataset,
        ...req.query,
      });
      return reply
        .header('content-type', file.contentType)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header(EXPORT_ROWS_HEADER, String(file.rows))
        .header('access-control-expose-headers', EXPORT_ROWS_HEADER)
        .send(file.body as unknown as string);
    },
  );
}
