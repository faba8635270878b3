import { z } from 'zod';
import { actorOf, operation } from '../auth/index.js';
import { Id, Locale } from '../contract/common.js';
import {
  FigureRecordPage,
  FigureRecordsQuery,
  HeadOffice,
  HeadOfficeQuery,
  Month,
  MonthlyReport,
  MonthlyReportQuery,
  SweepResult,
} from '../contract/reports.js';
import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';
import { errorResponses } from '../platform/http/errors.js';
import { headOffice } from './head-office.js';
import { figureRecords } from './monthly/figure-records.js';
import { monthlyReport } from './monthly/monthly-report.js';
import { monthlyReportFile } from './monthly/report-files.js';
import { sweepNow } from './sweep-now.js';

const tags = ['reports'];
const MonthParams = z.strictObject({ estateId: Id, month: Month });
const FILE_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/** The monthly service report, the records behind its figures, its files, the head office's comparison, the sweep now. */
export function registerMonthlyReportRoutes(api: App, ctx: AppContext): void {
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/reports/monthly/:month',
    ability: 'report.read',
    operationId: 'getMonthlyReport',
    tags,
    summary:
      "The month's service report: volumes, each deadline rule's compliance (R-CP-1, R-CP-5, R-FU-1, R-FU-2, R-RC-1, R-PH-3, R-WK-4, R-FU-5), satisfaction, spot check, notices, desk, fees; frozen once the month has ended",
    params: MonthParams,
    querystring: MonthlyReportQuery,
    response: MonthlyReport,
    run: ({ actor, params, query }) => monthlyReport(ctx, { actor, estateId: params.estateId, month: params.month, asOf: query.asOf }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/reports/monthly/:month/records',
    ability: 'report.read',
    operationId: 'listMonthlyReportRecords',
    tags,
    summary: 'The records behind one figure of the monthly report, a page at a time',
    params: MonthParams,
    querystring: FigureRecordsQuery,
    response: FigureRecordPage,
    run: ({ actor, params, query }) => figureRecords(ctx, { actor, estateId: params.estateId, month: params.month, ...query }),
  });
  operation(api, {
    method: 'get',
    url: '/reports/head-office',
    ability: 'report.read',
    operationId: 'getHeadOfficeReport',
    tags,
    summary: "The head office's comparison: each readable estate's month side by side, ranked by on-time rate, with twelve months' trend",
    querystring: HeadOfficeQuery,
    response: HeadOffice,
    run: ({ actor, query }) => headOffice(ctx, { actor, ...query }),
  });
  operation(api, {
    method: 'post',
    url: '/estates/:estateId/sweep',
    ability: 'sweep.run',
    operationId: 'runSweep',
    tags,
    summary: "Runs the estate's deadline sweep now: what it found past due, breached and escalated",
    params: z.strictObject({ estateId: Id }),
    body: z.strictObject({}),
    response: SweepResult,
    run: ({ actor, params }) => sweepNow(ctx, { actor, estateId: params.estateId }),
  });
  for (const format of ['xlsx', 'pdf'] as const)
    api.get(
      `/estates/:estateId/reports/monthly/:month/${format}`,
      {
        config: { ability: 'report.export' },
        schema: {
          operationId: format === 'xlsx' ? 'exportMonthlyReportXlsx' : 'exportMonthlyReportPdf',
          tags,
          summary: format === 'xlsx' ? 'The monthly report as an XLSX workbook' : 'The monthly report as PDF, on A4',
          params: MonthParams,
          querystring: z.strictObject({ asOf: MonthlyReportQuery.shape.asOf, locale: Locale.optional() }),
          response: { 200: { description: 'The file', content: { [FILE_TYPES[format]]: { schema: z.string() } } }, ...errorResponses },
        },
      },
      async (req, reply) => {
        const { file, name } = await monthlyReportFile(ctx, {
          actor: actorOf(req),
          estateId: req.params.estateId,
          month: req.params.month,
          asOf: req.query.asOf,
          locale: req.query.locale,
          format,
        });
        return reply
          .header('content-type', FILE_TYPES[format])
          .header('cache-control', 'private, no-store')
          .header('content-disposition', `attachment; filename="${name.replace(/[^\w.-]+/g, '_')}.${format}"`)
          .send(file as unknown as string);
      },
    );
}
