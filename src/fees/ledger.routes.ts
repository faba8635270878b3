import { z } from 'zod';
import { actorOf, operation } from '../auth/index.js';
import { Id, pageOf } from '../contract/common.js';
import {
  CashierDay,
  CashierDaySummary,
  CheckCashierDayBody,
  CloseCashierDayBody,
  CreateFeeChargeBody,
  FeeAccount,
  FeeArrears,
  FeeArrearsQuery,
  FeeCharge,
  FeeChargeRun,
  FeeChargeRunPreview,
  FeeChargeRunQuery,
  FeePayment,
  FeeStatement,
  FeeStatementQuery,
  FeeSummary,
  FeeSummaryQuery,
  ListCashierDaysQuery,
  ListFeeChargeRunsQuery,
  ListFeeChargesQuery,
  ListFeePaymentsQuery,
  StartFeeChargeRunBody,
  TakeFeePaymentBody,
  VoidFeePaymentBody,
} from '../contract/fees.js';
import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';
import { createdResponses } from '../platform/http/errors.js';
import { IDEMPOTENCY_HEADER, IdempotencyKey } from '../platform/idempotency.js';
import { getFeeAccount as getFeeAccountOf } from './accounts/fee-account.js';
import { feeArrears } from './accounts/fee-arrears.js';
import { feeSummary } from './accounts/fee-summary.js';
import { feeStatement } from './accounts/statement.js';
import { addFeeCharge } from './charges/add-charge.js';
import { listFeeCharges } from './charges/list-charges.js';
import { previewFeeChargeRun } from './charges/preview-charge-run.js';
import { getFeeChargeRun, listFeeChargeRuns } from './charges/read-runs.js';
import { runFeeCharges } from './charges/run-charges.js';
import { checkCashierDay } from './days/check-day.js';
import { closeCashierDay } from './days/close-day.js';
import { getCashierDay, listCashierDays, myCashierDay } from './days/read-days.js';
import { registerFeeFileRoutes } from './files.routes.js';
import { listFeePayments } from './payments/list-payments.js';
import { getFeePayment } from './payments/read-payment.js';
import { takeFeePayment } from './payments/take-payment.js';
import { voidFeePayment } from './payments/void-payment.js';

const EstateParams = z.strictObject({ estateId: Id });
const UnitParams = z.strictObject({ estateId: Id, unitId: Id });
const PaymentParams = z.strictObject({ estateId: Id, feePaymentId: Id });
const RunParams = z.strictObject({ estateId: Id, feeChargeRunId: Id });
const DayParams = z.strictObject({ estateId: Id, cashierDayId: Id });
const tags = ['fees'];

/** R-FE-2..4: charges and runs, accounts, payments and receipts, voids, arrears and the cashier's day. */
export function registerLedgerRoutes(api: App, ctx: AppContext): void {
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/fee-charge-runs/preview',
    ability: 'fee.charge',
    operationId: 'previewFeeChargeRun',
    tags,
    summary: "R-FE-3: what a month's charge run would create, and what is charged already",
    params: EstateParams,
    querystring: FeeChargeRunQuery,
    response: FeeChargeRunPreview,
    run: ({ actor, params, query }) => previewFeeChargeRun(ctx, { actor, estateId: params.estateId, period: query.period }),
  });
  operation(api, {
    method: 'post',
    url: '/estates/:estateId/fee-charge-runs',
    ability: 'fee.charge',
    operationId: 'runFeeCharges',
    tags,
    summary:
      'R-FE-3: charge every unit for a month from the items in force, in batches; a month run again creates only what is missing, a run cut short is resumed',
    params: EstateParams,
    body: StartFeeChargeRunBody,
    response: FeeChargeRun,
    created: true,
    run: ({ actor, params, body }) => runFeeCharges(ctx, { actor, estateId: params.estateId, period: body.period }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/fee-charge-runs',
    ability: 'fee.charge',
    operationId: 'listFeeChargeRuns',
    tags,
    params: EstateParams,
    querystring: ListFeeChargeRunsQuery,
    response: pageOf(FeeChargeRun),
    run: ({ actor, params, query }) => listFeeChargeRuns(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/fee-charge-runs/:feeChargeRunId',
    ability: 'fee.charge',
    operationId: 'getFeeChargeRun',
    tags,
    summary: 'A charge run and its progress, for a screen to poll',
    params: RunParams,
    response: FeeChargeRun,
    run: ({ actor, params }) => getFeeChargeRun(ctx, { actor, estateId: params.estateId, runId: params.feeChargeRunId }),
  });
  operation(api, {
    method: 'post',
    url: '/estates/:estateId/fee-charges',
    ability: 'fee.charge.oneoff',
    operationId: 'addFeeCharge',
    tags,
    summary: 'R-FE-3: a one-off charge: a per-use item at the counter; a fixed item or an amount of its own (a paid repair) by a manager',
    params: EstateParams,
    body: CreateFeeChargeBody,
    response: FeeCharge,
    created: true,
    run: ({ actor, params, body }) => addFeeCharge(ctx, { actor, estateId: params.estateId, body }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/fee-charges',
    ability: 'fee.account.read',
    operationId: 'listFeeCharges',
    tags,
    params: EstateParams,
    querystring: ListFeeChargesQuery,
    response: pageOf(FeeCharge),
    run: ({ actor, params, query }) => listFeeCharges(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/fee-accounts/:unitId',
    ability: 'fee.account.read',
    operationId: 'getFeeAccount',
    tags,
    summary: 'R-FE-3: what a unit owes, oldest first, its balance and its latest receipts',
    params: UnitParams,
    response: FeeAccount,
    run: ({ actor, params }) => getFeeAccountOf(ctx, { actor, estateId: params.estateId, unitId: params.unitId }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/fee-accounts/:unitId/statement',
    ability: 'fee.account.read',
    operationId: 'getFeeStatement',
    tags,
    summary: "R-FE-3: a unit's statement of months: balance brought forward, charges, payments, voids, running balance",
    params: UnitParams,
    querystring: FeeStatementQuery,
    response: FeeStatement,
    run: ({ actor, params, query }) => feeStatement(ctx, { actor, estateId: params.estateId, unitId: params.unitId, ...query }),
  });
  api.post(
    '/estates/:estateId/fee-payments',
    {
      config: { ability: 'fee.collect' },
      schema: {
        operationId: 'takeFeePayment',
        tags,
        summary: 'R-FE-2, R-FE-3: take a payment and issue its receipt, numbered gap-free per estate and year',
        description:
          'Answers 201 with the receipt. The amount goes to the oldest charges first unless `allocations` names them; more than the unit owes is refused (422 `fee.overpaid`). ' +
          'Send an `Idempotency-Key` header (a UUID generated once per form): a retried request answers 200 with the receipt the first one issued, and takes no second number.',
        params: EstateParams,
        headers: z.object({ [IDEMPOTENCY_HEADER]: IdempotencyKey.optional() }),
        body: TakeFeePaymentBody,
        response: { 200: FeePayment, ...createdResponses(FeePayment) },
      },
    },
    async (req, reply) => {
      const { payment, created } = await takeFeePayment(ctx, {
        actor: actorOf(req),
        estateId: req.params.estateId,
        body: req.body,
        idempotencyKey: req.headers[IDEMPOTENCY_HEADER],
      });
      return reply.status(created ? 201 : 200).send(payment);
    },
  );
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/fee-payments',
    ability: 'fee.account.read',
    operationId: 'listFeePayments',
    tags,
    params: EstateParams,
    querystring: ListFeePaymentsQuery,
    response: pageOf(FeePayment),
    run: ({ actor, params, query }) => listFeePayments(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/fee-payments/:feePaymentId',
    ability: 'fee.account.read',
    operationId: 'getFeePayment',
    tags,
    params: PaymentParams,
    response: FeePayment,
    run: ({ actor, params }) => getFeePayment(ctx, { actor, estateId: params.estateId, paymentId: params.feePaymentId }),
  });
  operation(api, {
    method: 'post',
    url: '/estates/:estateId/fee-payments/:feePaymentId/void',
    ability: 'fee.void',
    operationId: 'voidFeePayment',
    tags,
    summary: 'R-FE-2: a manager voids a receipt with a reason; it keeps its number and what it paid is owed again',
    params: PaymentParams,
    body: VoidFeePaymentBody,
    response: FeePayment,
    run: ({ actor, params, body }) => voidFeePayment(ctx, { actor, estateId: params.estateId, paymentId: params.feePaymentId, body }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/fee-arrears',
    ability: 'fee.arrears.read',
    operationId: 'getFeeArrears',
    tags,
    summary: 'R-FE-3: arrears by unit and age band (0–30, 31–90, 91–180, over 180 days)',
    params: EstateParams,
    querystring: FeeArrearsQuery,
    response: FeeArrears,
    run: ({ actor, params, query }) => feeArrears(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/fee-summary',
    ability: 'fee.account.read',
    operationId: 'getFeeSummary',
    tags,
    summary: "The dashboard's fee figures: the day's takings by method, arrears by age band",
    params: EstateParams,
    querystring: FeeSummaryQuery,
    response: FeeSummary,
    run: ({ actor, params, query }) => feeSummary(ctx, { actor, estateId: params.estateId, date: query.date }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/cashier-days',
    ability: 'fee.account.read',
    operationId: 'listCashierDays',
    tags,
    params: EstateParams,
    querystring: ListCashierDaysQuery,
    response: pageOf(CashierDaySummary),
    run: ({ actor, params, query }) => listCashierDays(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/cashier-days/mine',
    ability: 'fee.collect',
    operationId: 'getMyCashierDay',
    tags,
    summary: "R-FE-4: the signed-in cashier's day of today; null before the day's first payment",
    params: EstateParams,
    response: CashierDay.nullable(),
    run: ({ actor, params }) => myCashierDay(ctx, { actor, estateId: params.estateId }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/cashier-days/:cashierDayId',
    ability: 'fee.account.read',
    operationId: 'getCashierDay',
    tags,
    params: DayParams,
    response: CashierDay,
    run: ({ actor, params }) => getCashierDay(ctx, { actor, estateId: params.estateId, dayId: params.cashierDayId }),
  });
  operation(api, {
    method: 'post',
    url: '/estates/:estateId/cashier-days/:cashierDayId/close',
    ability: 'fee.day.close',
    operationId: 'closeCashierDay',
    tags,
    summary: 'R-FE-4: the cashier closes their day; its takings are frozen and nothing more is booked on it',
    params: DayParams,
    body: CloseCashierDayBody,
    response: CashierDay,
    run: ({ actor, params, body }) => closeCashierDay(ctx, { actor, estateId: params.estateId, dayId: params.cashierDayId, body }),
  });
  operation(api, {
    method: 'post',
    url: '/estates/:estateId/cashier-days/:cashierDayId/check',
    ability: 'fee.day.check',
    operationId: 'checkCashierDay',
    tags,
    summary: 'R-FE-4: a manager checks a closed day',
    params: DayParams,
    body: CheckCashierDayBody,
    response: CashierDay,
    run: ({ actor, params, body }) => checkCashierDay(ctx, { actor, estateId: params.estateId, dayId: params.cashierDayId, body }),
  });
  registerFeeFileRoutes(api, ctx);
}
