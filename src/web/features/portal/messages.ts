import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ResidentPreferencesBody } from '../../../contract/directory';
import type { PortalMessagePage as PortalMessagePageSchema, PortalPreferences as PortalPreferencesSchema } from '../../../contract/portal';
import { PORTAL_KEY, usePortalSession, useResident } from './session';

/** R-CP-5 in the portal: what the resident was told there, and how they choose to be told. */
export type PortalMessagePage = z.infer<typeof PortalMessagePageSchema>;
export type PortalPreferences = z.infer<typeof PortalPreferencesSchema>;
export type PreferencesInput = z.input<typeof ResidentPreferencesBody>;

function useBase() {
  const resident = useResident();
  const { client } = usePortalSession();
  return { client, estateId: resident.estate.id, base: `/estates/${resident.estate.id}/portal` };
}

export function usePortalMessages(pageSize: number) {
  const { client, estateId, base } = useBase();
  return useQuery({
    queryKey: [PORTAL_KEY, estateId, 'messages', pageSize],
    queryFn: ({ signal }) => client.get<PortalMessagePage>(`${base}/messages`, { page: 1, pageSize }, signal),
    refetchInterval: 30_000,
    placeholderData: (previous) => previous,
  });
}

export function usePortalPreferences() {
  const { client, estateId, base } = useBase();
  return useQuery({
    queryKey: [PORTAL_KEY, estateId, 'preferences'],
    queryFn: ({ signal }) => client.get<PortalPreferences>(`${base}/preferences`, undefined, signal),
  });
}

export function useSavePreferences() {
  const { client, estateId, base } = useBase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PreferencesInput) => client.put<PortalPreferences>(`${base}/preferences`, body),
    onSuccess: (saved) => queryClient.setQueryData([PORTAL_KEY, estateId, 'preferences'], saved),
  });
}
