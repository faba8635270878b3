import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { z } from 'zod';
import type {
  CashierDay,
  CashierDaySummary,
  CheckCashierDayBody,
  CloseCashierDayBody,
  CreateFeeChargeBody,
  FeeAccount,
  FeeArrears,
  FeeCharge,
  FeeChargeRun,
  FeeChargeRunPreview,
  FeeItem,
  FeePayment,
  FeeStatement,
  FeeSummary,
  TakeFeePaymentBody,
  VoidFeePaymentBody,
} from '../../../contract/fees';
import { api, apiUrl, isRecordId, type Page, type QueryParams } from '../../app/api';
import { useEstate } from '../../app/session';

export type TakePaymentInput = z.input<typeof TakeFeePaymentBody>;
export type OneOffChargeInput = z.input<typeof CreateFeeChargeBody>;

/**
 * Money at the counter: charges, receipts, voids, arrears and cashiers' days change one another
 * (a payment lowers the arrears and adds to the day), so their queries share one prefix and any
 * change refreshes the whole family.
 */
export const feeMoneyKeys = {
  all: (estateId: string) => ['estate', estateId, 'feeMoney'] as const,
  account: (estateId: string, unitId: string) => ['estate', estateId, 'feeMoney', 'account', unitId] as const,
  payment: (estateId: string, id: string) => ['estate', estateId, 'feeMoney', 'payment', id] as const,
  statement: (estateId: string, unitId: string, from: string, to: string) =>
    ['estate', estateId, 'feeMoney', 'statement', unitId, from, to] as const,
  runs: (estateId: string, params: QueryParams) => ['estate', estateId, 'feeMoney', 'runs', params] as const,
  run: (estateId: string, id: string) => ['estate', estateId, 'feeMoney', 'run', id] as const,
  preview: (estateId: string, period: string) => ['estate', estateId, 'feeMoney', 'preview', period] as const,
  arrears: (estateId: string, params: QueryParams) => ['estate', estateId, 'feeMoney', 'arrears', params] as const,
  summary: (estateId: string) => ['estate', estateId, 'feeMoney', 'summary'] as const,
  days: (estateId: string, params: QueryParams) => ['estate', estateId, 'feeMoney', 'days', params] as const,
  day: (estateId: string, id: string) => ['estate', estateId, 'feeMoney', 'day', id] as const,
  myDay: (estateId: string) => ['estate', estateId, 'feeMoney', 'myDay'] as const,
  items: (estateId: string, on: string) => ['estate', estateId, 'feeMoney', 'items', on] as const,
};

/** What a unit owes, oldest first, its balance and latest receipts (GET …/fee-accounts/{unitId}). */
export function useFeeAccount(unitId: string | null) {
  const estate = useEstate();
  return useQuery({
    queryKey: feeMoneyKeys.account(estate.id, unitId ?? ''),
    queryFn: ({ signal }) => api.get<FeeAccount>(`/estates/${estate.id}/fee-accounts/${unitId}`, undefined, signal),
    enabled: unitId !== null,
  });
}

export function useFeePayment(paymentId: string) {
  const estate = useEstate();
  return useQuery({
    queryKey: feeMoneyKeys.payment(estate.id, paymentId),
    queryFn: ({ signal }) => api.get<FeePayment>(`/estates/${estate.id}/fee-payments/${paymentId}`, undefined, signal),
    enabled: isRecordId(paymentId),
    retry: false,
  });
}

export function useFeeStatement(unitId: string | null, from: string, to: string, enabled: boolean) {
  const estate = useEstate();
  return useQuery({
    queryKey: feeMoneyKeys.statement(estate.id, unitId ?? '', from, to),
    queryFn: ({ signal }) => api.get<FeeStatement>(`/estates/${estate.id}/fee-accounts/${unitId}/statement`, { from, to }, signal),
    enabled: enabled && unitId !== null,
    placeholderData: keepPreviousData,
  });
}

/** The items a counter may charge by hand on a day: those in force, per use and fixed. */
export function useChargeableItems(on: string, enabled: boolean) {
  const estate = useEstate();
  return useQuery({
    queryKey: feeMoneyKeys.items(estate.id, on),
    queryFn: ({ signal }) => api.get<Page<FeeItem>>(`/estates/${estate.id}/fee-items`, { inForceOn: on, page: 1, pageSize: 100 }, signal),
    enabled,
  });
}

export function useChargeRunPreview(period: string | null) {
  const estate = useEstate();
  return useQuery({
    queryKey: feeMoneyKeys.preview(estate.id, period ?? ''),
    queryFn: ({ signal }) =>
      api.get<FeeChargeRunPreview>(`/estates/${estate.id}/fee-charge-runs/preview`, { period: period ?? '' }, signal),
    enabled: Boolean(period),
    staleTime: 0,
  });
}

export function useChargeRuns(params: QueryParams) {
  const estate = useEstate();
  return useQuery({
    queryKey: feeMoneyKeys.runs(estate.id, params),
    queryFn: ({ signal }) => api.get<Page<FeeChargeRun>>(`/estates/${estate.id}/fee-charge-runs`, params, signal),
    placeholderData: keepPreviousData,
  });
}

/** A run while it is running: asked again every second until it is done. */
export function useChargeRun(runId: string | null) {
  const estate = useEstate();
  return useQuery({
    queryKey: feeMoneyKeys.run(estate.id, runId ?? ''),
    queryFn: ({ signal }) => api.get<FeeChargeRun>(`/estates/${estate.id}/fee-charge-runs/${runId}`, undefined, signal),
    enabled: runId !== null,
    refetchInterval: (query) => (query.state.data?.state === 'done' ? false : 1000),
  });
}

export function useArrears(params: QueryParams) {
  const estate = useEstate();
  return useQuery({
    queryKey: feeMoneyKeys.arrears(estate.id, params),
    queryFn: ({ signal }) => api.get<FeeArrears>(`/estates/${estate.id}/fee-arrears`, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useFeeSummary(options: { enabled: boolean }) {
  const estate = useEstate();
  return useQuery({
    queryKey: feeMoneyKeys.summary(estate.id),
    queryFn: ({ signal }) => api.get<FeeSummary>(`/estates/${estate.id}/fee-summary`, undefined, signal),
    refetchInterval: 60_000,
    ...options,
  });
}

export function useCashierDays(params: QueryParams, options: { enabled: boolean }) {
  const estate = useEstate();
  return useQuery({
    queryKey: feeMoneyKeys.days(estate.id, params),
    queryFn: ({ signal }) => api.get<Page<CashierDaySummary>>(`/estates/${estate.id}/cashier-days`, params, signal),
    placeholderData: keepPreviousData,
    ...options,
  });
}

export function useCashierDay(dayId: string | null) {
  const estate = useEstate();
  return useQuery({
    queryKey: feeMoneyKeys.day(estate.id, dayId ?? ''),
    queryFn: ({ signal }) => api.get<CashierDay>(`/estates/${estate.id}/cashier-days/${dayId}`, undefined, signal),
    enabled: dayId !== null,
  });
}

/** The signed-in cashier's open day today, or null before the day's first payment. */
export function useMyCashierDay(options: { enabled: boolean }) {
  const estate = useEstate();
  return useQuery({
    queryKey: feeMoneyKeys.myDay(estate.id),
    queryFn: ({ signal }) => api.get<CashierDay | null>(`/estates/${estate.id}/cashier-days/mine`, undefined, signal),
    ...options,
  });
}

/** The changes money at the counter can make; each refreshes the family of fee queries. */
export function useFeeActions() {
  const estate = useEstate();
  const queryClient = useQueryClient();
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: feeMoneyKeys.all(estate.id) }), [queryClient, estate.id]);
  const after = useCallback(
    async <T>(work: Promise<T>): Promise<T> => {
      const result = await work;
      await refresh();
      return result;
    },
    [refresh],
  );
  const base = `/estates/${estate.id}`;
  return {
    refresh,
    /** `idempotencyKey`: one per opening of the form, so a second click or a retry never takes a second receipt number. */
    takePayment: (body: TakePaymentInput, idempotencyKey: string) =>
      after(api.post<FeePayment>(`${base}/fee-payments`, body, { headers: { 'Idempotency-Key': idempotencyKey } })),
    voidPayment: (paymentId: string, body: z.input<typeof VoidFeePaymentBody>) =>
      after(api.post<FeePayment>(`${base}/fee-payments/${paymentId}/void`, body)),
    addCharge: (body: OneOffChargeInput) => after(api.post<FeeCharge>(`${base}/fee-charges`, body)),
    startRun: (period: string) => after(api.post<FeeChargeRun>(`${base}/fee-charge-runs`, { period })),
    closeDay: (dayId: string, body: z.input<typeof CloseCashierDayBody>) =>
      after(api.post<CashierDay>(`${base}/cashier-days/${dayId}/close`, body)),
    checkDay: (dayId: string, body: z.input<typeof CheckCashierDayBody>) =>
      after(api.post<CashierDay>(`${base}/cashier-days/${dayId}/check`, body)),
  };
}

/** Files the browser downloads itself, with the session cookie. */
export const feeFiles = {
  receiptPdf: (estateId: string, paymentId: string) => apiUrl(`/estates/${estateId}/fee-payments/${paymentId}/pdf`),
  statementXlsx: (estateId: string, unitId: string, from: string, to: string) =>
    apiUrl(`/estates/${estateId}/fee-accounts/${unitId}/statement/xlsx`, { from, to }),
  reminderPdf: (estateId: string, unitId: string, asOf?: string) =>
    apiUrl(`/estates/${estateId}/fee-accounts/${unitId}/reminder/pdf`, { asOf }),
  arrearsXlsx: (estateId: string, asOf?: string) => apiUrl(`/estates/${estateId}/fee-arrears/xlsx`, { asOf }),
};
