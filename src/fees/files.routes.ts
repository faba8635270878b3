import { z } from 'zod';
import { actorOf } from '../auth/index.js';
import { Id, Locale } from '../contract/common.js';
import { FeeArrearsExportQuery, FeeReminderQuery, FeeStatementQuery } from '../contract/fees.js';
import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';
import { errorResponses } from '../platform/http/errors.js';
import { exportFeeArrears, exportFeeStatement } from './accounts/exports.js';
import { feeReminderLetter } from './accounts/reminder-letter.js';
import { feeReceiptPdf } from './payments/receipt-pdf.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['fees'];
const pdfAnswer = (description: string) => ({
  200: { description, content: { 'application/pdf': { schema: z.string() } } },
  ...errorResponses,
});
const xlsxAnswer = (description: string) => ({ 200: { description, content: { [XLSX]: { schema: z.string() } } }, ...errorResponses });
const safeName = (name: string) => name.replace(/[^\w.-]+/g, '_');

/** The printed and exported fee papers: receipt and reminder PDFs, statement and arrears XLSX. */
export function registerFeeFileRoutes(api: App, ctx: AppContext): void {
  api.get(
    '/estates/:estateId/fee-payments/:feePaymentId/pdf',
    {
      config: { ability: 'fee.account.read' },
      schema: {
        operationId: 'getFeeReceiptPdf',
        tags,
        summary: 'R-FE-2: the receipt as one A5 page of PDF (amount in figures and in Chinese capitals), stamped VOID when voided',
        params: z.strictObject({ estateId: Id, feePaymentId: Id }),
        querystring: z.strictObject({ locale: Locale.optional() }),
        response: pdfAnswer('One A5 page'),
      },
    },
    async (req, reply) => {
      const { number, pdf } = await feeReceiptPdf(ctx, {
        actor: actorOf(req),
        estateId: req.params.estateId,
        paymentId: req.params.feePaymentId,
        locale: req.query.locale,
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename="receipt-${number}.pdf"`)
        .send(pdf as unknown as string);
    },
  );
  api.get(
    '/estates/:estateId/fee-accounts/:unitId/reminder/pdf',
    {
      config: { ability: 'fee.arrears.read' },
      schema: {
        operationId: 'getFeeReminderPdf',
        tags,
        summary: 'R-FE-3: the reminder letter to a unit in arrears, one A4 page',
        params: z.strictObject({ estateId: Id, unitId: Id }),
        querystring: FeeReminderQuery.extend({ locale: Locale.optional() }),
        response: pdfAnswer('One A4 page'),
      },
    },
    async (req, reply) => {
      const { pdf } = await feeReminderLetter(ctx, {
        actor: actorOf(req),
        estateId: req.params.estateId,
        unitId: req.params.unitId,
        asOf: req.query.asOf,
        locale: req.query.locale,
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename="reminder-${req.params.unitId}.pdf"`)
        .send(pdf as unknown as string);
    },
  );
  api.get(
    '/estates/:estateId/fee-accounts/:unitId/statement/xlsx',
    {
      config: { ability: 'fee.account.read' },
      schema: {
        operationId: 'exportFeeStatement',
        tags,
        summary: "R-FE-3: a unit's statement of months as XLSX (amounts in major units)",
        params: z.strictObject({ estateId: Id, unitId: Id }),
        querystring: FeeStatementQuery,
        response: xlsxAnswer('The statement'),
      },
    },
    async (req, reply) => {
      const { file, name } = await exportFeeStatement(ctx, {
        actor: actorOf(req),
        estateId: req.params.estateId,
        unitId: req.params.unitId,
        ...req.query,
      });
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="${safeName(name)}.xlsx"`)
        .send(file as unknown as string);
    },
  );
  api.get(
    '/estates/:estateId/fee-arrears/xlsx',
    {
      config: { ability: 'fee.arrears.read' },
      schema: {
        operationId: 'exportFeeArrears',
        tags,
        summary: 'R-FE-3: arrears by unit and age band as XLSX (amounts in major units)',
        params: z.strictObject({ estateId: Id }),
        querystring: FeeArrearsExportQuery,
        response: xlsxAnswer('The arrears'),
      },
    },
    async (req, reply) => {
      const { file, name } = await exportFeeArrears(ctx, {
        actor: actorOf(req),
        estateId: req.params.estateId,
        asOf: req.query.asOf,
      });
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="${safeName(name)}.xlsx"`)
        .send(file as unknown as string);
    },
  );
}
