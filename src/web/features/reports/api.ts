import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { FigureRecordPage, HeadOffice, MonthlyReport, SweepResult } from '../../../contract/reports';
import { ApiError, api, apiUrl, NetworkError } from '../../app/api';
import { useEstate } from '../../app/session';

export type FigureRecords = z.infer<typeof FigureRecordPage>;
export type FigureRecord = FigureRecords['items'][number];
export type HeadOfficeRow = HeadOffice['estates'][number];

/** The reports of an estate share a prefix: running the sweep refreshes them all. */
export const reportKeys = {
  all: (estateId: string) => ['estate', estateId, 'reports'] as const,
  monthly: (estateId: string, month: string) => ['estate', estateId, 'reports', 'monthly', month] as const,
  records: (estateId: string, month: string, figure: string, asOf: string | undefined, page: number, pageSize: number) =>
    ['estate', estateId, 'reports', 'records', month, figure, asOf, page, pageSize] as const,
  // The head office reads every estate the person may read, so its key names no one estate.
  headOffice: (month: string) => ['reports', 'headOffice', month] as const,
};

/** The estate's monthly service report (GET …/reports/monthly/{month}). */
export function useMonthlyReport(month: string, options: { enabled?: boolean } = {}) {
  const estate = useEstate();
  return useQuery({
    queryKey: reportKeys.monthly(estate.id, month),
    queryFn: ({ signal }) => api.get<MonthlyReport>(`/estates/${estate.id}/reports/monthly/${month}`, undefined, signal),
    placeholderData: keepPreviousData,
    ...options,
  });
}

/** The records behind one figure of the report, read at the report's own `asOf` so they add up to it. */
export function useFigureRecords(month: string, figure: string | null, asOf: string | undefined, page: number, pageSize: number) {
  const estate = useEstate();
  return useQuery({
    queryKey: reportKeys.records(estate.id, month, figure ?? '', asOf, page, pageSize),
    queryFn: ({ signal }) =>
      api.get<FigureRecords>(
        `/estates/${estate.id}/reports/monthly/${month}/records`,
        { figure: figure ?? '', page, pageSize, asOf },
        signal,
      ),
    enabled: figure !== null,
    placeholderData: keepPreviousData,
  });
}

/** The estates the person may read, side by side and ranked (GET /reports/head-office). */
export function useHeadOffice(month: string) {
  return useQuery({
    queryKey: reportKeys.headOffice(month),
    queryFn: ({ signal }) => api.get<HeadOffice>('/reports/head-office', { month }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Runs the deadline sweep now; the reports then read the breaches it recorded. */
export function useRunSweep() {
  const estate = useEstate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<SweepResult>(`/estates/${estate.id}/sweep`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.all(estate.id) }),
  });
}

/** The file name the server gave in `Content-Disposition` (RFC 6266: `filename*` first), or the fallback. */
export function attachmentName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() || fallback;
}

/**
 * Downloads a report file with the session cookie and saves it under the server's name: a
 * refusal then shows as a message on the page instead of an error page in a new tab. The file is
 * in the page's language and, for a month still open, counted at the same instant as the page.
 */
export async function downloadReportFile(
  estateId: string,
  month: string,
  format: 'xlsx' | 'pdf',
  options: { asOf?: string | undefined; locale: string },
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(apiUrl(`/estates/${estateId}/reports/monthly/${month}/${format}`, options), { credentials: 'same-origin' });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : String(err));
  }
  if (!response.ok) {
    const payload = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(response.status, payload?.error?.code ?? `http.${response.status}`, payload?.error?.message ?? response.statusText);
  }
  const blob = await response.blob();
  const name = attachmentName(response.headers.get('Content-Disposition'), `report-${month}.${format}`);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the address may go after.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
