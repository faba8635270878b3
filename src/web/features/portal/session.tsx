import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef } from 'react';
import type { ResidentSessionInfo } from '../../../contract/portal';
import { type ApiClient, ApiError, apiClient } from '../../app/api';

export type { ResidentSessionInfo };

/** The portal's queries all start with this key, so signing out forgets them in one call. */
export const PORTAL_KEY = 'portal';
const SESSION_KEY = [PORTAL_KEY, 'session'] as const;

interface PortalSessionValue {
  /** undefined while the first check runs; null when no resident is signed in. */
  session: ResidentSessionInfo | null | undefined;
  /** The requests of the resident's session: their cookie and CSRF token. */
  client: ApiClient;
  signedIn: (info: ResidentSessionInfo) => void;
  logout: () => Promise<void>;
}

const PortalSessionContext = createContext<PortalSessionValue | null>(null);

/**
 * The resident's session in the portal, apart from the staff's: its own cookie on the server,
 * its own CSRF token here, and a 401 that signs out only the portal.
 */
export function PortalSessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const token = useRef<string | null>(null);

  // The session's own query stays (its observers would lose it); everything else of the portal goes.
  const forgetRecords = useCallback(
    () => queryClient.removeQueries({ predicate: (q) => q.queryKey[0] === PORTAL_KEY && q.queryKey[1] !== SESSION_KEY[1] }),
    [queryClient],
  );

  const forget = useCallback(() => {
    token.current = null;
    forgetRecords();
    queryClient.setQueryData(SESSION_KEY, null);
  }, [queryClient, forgetRecords]);

  const client = useMemo(() => apiClient({ csrfToken: () => token.current, unauthorized: forget }), [forget]);

  const { data: session } = useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      try {
        return await client.get<ResidentSessionInfo>('/portal/session');
      } catch (err) {
        // No resident's cookie (perhaps a member of staff's): the portal's own sign-in.
        if (err instanceof ApiError && (err.status === 401 || err.status === 403)) return null;
        throw err;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });

  useEffect(() => {
    token.current = session?.csrfToken ?? null;
  }, [session]);

  const signedIn = useCallback(
    (info: ResidentSessionInfo) => {
      token.current = info.csrfToken;
      forgetRecords();
      queryClient.setQueryData(SESSION_KEY, info);
    },
    [queryClient, forgetRecords],
  );

  const logout = useCallback(async () => {
    try {
      await client.post('/portal/auth/logout', undefined, { expectUnauthorized: true });
    } finally {
      forget();
    }
  }, [client, forget]);

  const value = useMemo(() => ({ session, client, signedIn, logout }), [session, client, signedIn, logout]);
  return <PortalSessionContext.Provider value={value}>{children}</PortalSessionContext.Provider>;
}

export function usePortalSession(): PortalSessionValue {
  const value = useContext(PortalSessionContext);
  if (!value) throw new Error('usePortalSession must be used inside PortalSessionProvider');
  return value;
}

/** The signed-in resident's session; only for pages behind RequirePortalSession. */
export function useResident(): ResidentSessionInfo {
  const { session } = usePortalSession();
  if (!session) throw new Error('useResident needs a signed-in resident');
  return session;
}
