import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  InvitationDelivery as InvitationDeliverySchema,
  ResidentAccount,
  ResidentAccountStatus as ResidentAccountStatusSchema,
  ResidentInvitation as ResidentInvitationSchema,
} from '../../../contract/portal';
import { api, type Page, type QueryParams } from '../../app/api';
import { useEstateList } from '../../app/queries';
import { useEstate } from '../../app/session';

export type { ResidentAccount };
export type ResidentInvitation = z.infer<typeof ResidentInvitationSchema>;
export type InvitationDelivery = z.infer<typeof InvitationDeliverySchema>;
export type ResidentAccountStatus = z.infer<typeof ResidentAccountStatusSchema>;
export const ACCOUNT_STATUSES = ['invited', 'active', 'disabled'] as const satisfies readonly ResidentAccountStatus[];
export const DELIVERIES = ['show', 'sms', 'email'] as const satisfies readonly InvitationDelivery[];

const accountKeys = {
  all: (estateId: string) => ['estate', estateId, 'residentAccounts'] as const,
  list: (estateId: string, params: QueryParams) => ['estate', estateId, 'residentAccounts', 'list', params] as const,
  byResident: (estateId: string) => ['estate', estateId, 'residentAccounts', 'byResident'] as const,
};

export function useResidentAccounts(params: QueryParams) {
  return useEstateList<Page<ResidentAccount>>((estateId) => accountKeys.list(estateId, params), 'resident-accounts', params);
}

const PAGE = 200;
const MAX_PAGES = 50;

/**
 * Every portal account of the estate by resident, for the residents list's "has an account"
 * column: the accounts list read page by page (an estate has one account per resident at most).
 */
export function useAccountsByResident(enabled: boolean) {
  const estate = useEstate();
  return useQuery({
    queryKey: accountKeys.byResident(estate.id),
    enabled,
    queryFn: async ({ signal }) => {
      const byResident = new Map<string, ResidentAccount>();
      for (let page = 1; page <= MAX_PAGES; page++) {
        const answer = await api.get<Page<ResidentAccount>>(`/estates/${estate.id}/resident-accounts`, { page, pageSize: PAGE }, signal);
        for (const account of answer.items) byResident.set(account.residentId, account);
        if (page * PAGE >= answer.total) break;
      }
      return byResident;
    },
  });
}

export function useInviteResident() {
  const estate = useEstate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ residentId, delivery }: { residentId: string; delivery: InvitationDelivery }) =>
      api.post<ResidentInvitation>(`/estates/${estate.id}/residents/${residentId}/portal-invitation`, { delivery }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.all(estate.id) }),
  });
}

export function useDisableAccount() {
  const estate = useEstate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) => api.post(`/estates/${estate.id}/resident-accounts/${accountId}/disable`, {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.all(estate.id) }),
  });
}
