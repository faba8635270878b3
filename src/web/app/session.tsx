import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { CompanyAbilityName, EstateAbilityName } from '../../contract/abilities';
import type { SessionInfo } from '../../contract/auth';
import { forgetDeskCalls } from '../features/frontdesk/deskCall';
import { ApiError, api, setCsrfToken, setUnauthorizedHandler } from './api';

export type EstateSummary = SessionInfo['estates'][number];
export type SessionStaff = SessionInfo['staff'];

const SESSION_KEY = ['session'] as const;
const ESTATE_STORAGE_KEY = 'estatedesk.estate';

interface SessionContextValue {
  /** undefined while the first session check runs; null when nobody is signed in. */
  session: SessionInfo | null | undefined;
  login: (username: string, password: string) => Promise<SessionInfo>;
  logout: () => Promise<void>;
  /** Re-reads the session, e.g. after an estate was created or renamed. */
  reload: () => Promise<void>;
  estate: EstateSummary | null;
  selectEstate: (estateId: string) => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

async function fetchSession(): Promise<SessionInfo | null> {
  try {
    return await api.get<SessionInfo>('/auth/session');
  } catch (err) {
    // 403: the browser holds a resident's portal session, not a member of staff's.
    if (err instanceof ApiError && (err.status === 401 || err.status === 403)) return null;
    throw err;
  }
}

function readStoredEstate(): string | null {
  try {
    return localStorage.getItem(ESTATE_STORAGE_KEY);
  } catch {
    return null;
  }
}

function storeEstate(estateId: string): void {
  try {
    localStorage.setItem(ESTATE_STORAGE_KEY, estateId);
  } catch {
    // Storage refused: the choice lasts for this page only.
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { data: session } = useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
  const [chosenEstateId, setChosenEstateId] = useState<string | null>(readStoredEstate);

  useEffect(() => {
    setCsrfToken(session?.csrfToken ?? null);
  }, [session]);

  const signedOut = useCallback(() => {
    setCsrfToken(null);
    // Nothing of the previous session may stay on screen for the next person at the desk.
    forgetDeskCalls();
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
    queryClient.setQueryData(SESSION_KEY, null);
  }, [queryClient]);

  useEffect(() => {
    setUnauthorizedHandler(signedOut);
    return () => setUnauthorizedHandler(null);
  }, [signedOut]);

  const login = useCallback(
    async (username: string, password: string) => {
      const info = await api.post<SessionInfo>('/auth/login', { username, password }, { expectUnauthorized: true });
      setCsrfToken(info.csrfToken);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, info);
      return info;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout', undefined, { expectUnauthorized: true });
    } finally {
      signedOut();
    }
  }, [signedOut]);

  const reload = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  }, [queryClient]);

  const estate = useMemo(() => {
    const estates = session?.estates ?? [];
    return estates.find((e) => e.id === chosenEstateId) ?? estates[0] ?? null;
  }, [session, chosenEstateId]);

  const selectEstate = useCallback((estateId: string) => {
    storeEstate(estateId);
    setChosenEstateId(estateId);
  }, []);

  const value = useMemo(
    () => ({ session, login, logout, reload, estate, selectEstate }),
    [session, login, logout, reload, estate, selectEstate],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside SessionProvider');
  return value;
}

/** The signed-in staff member; only for components rendered behind RequireSession. */
export function useStaff(): SessionStaff {
  const { session } = useSession();
  if (!session) throw new Error('useStaff needs a signed-in session');
  return session.staff;
}

/** The estate every page works on; only for components rendered inside the estate shell. */
export function useEstate(): EstateSummary {
  const { estate } = useSession();
  if (!estate) throw new Error('useEstate needs a selected estate');
  return estate;
}

/** May the signed-in person do this in the selected estate? The server still decides every request. */
export type Can = (ability: EstateAbilityName) => boolean;

/** Whether the session answer lists the ability for this estate (false for an estate the person does not work for). */
export function holdsIn(estate: Pick<EstateSummary, 'abilities'> | null | undefined, ability: EstateAbilityName): boolean {
  return estate?.abilities.includes(ability) ?? false;
}

/**
 * The abilities the person holds in the selected estate, from the session answer (each
 * capability's policy table decides them): `const can = useCan(); can('case.close')`. A screen
 * shows only the actions its reader holds; what they may not do is not shown at all.
 */
export function useCan(): Can {
  const { estate } = useSession();
  return useCallback((ability: EstateAbilityName) => holdsIn(estate, ability), [estate]);
}

/** Whether the person may do this in the given estate (e.g. grant a role there), not only the selected one. */
export function useCanIn(): (estateId: string, ability: EstateAbilityName) => boolean {
  const { session } = useSession();
  return useCallback(
    (estateId: string, ability: EstateAbilityName) =>
      holdsIn(
        session?.estates.find((e) => e.id === estateId),
        ability,
      ),
    [session],
  );
}

/** Abilities that belong to no one estate (making an estate, resetting a password): the company's admins. */
export function useCanInCompany(): (ability: CompanyAbilityName) => boolean {
  const { session } = useSession();
  return useCallback((ability: CompanyAbilityName) => session?.companyAbilities.includes(ability) ?? false, [session]);
}

/**
 * The company's admins (the company-level role, not an estate's): only they may make someone
 * an admin. Nothing inside an estate is decided by it; use `useCan` there.
 */
export function useIsCompanyAdmin(): boolean {
  return useStaff().role === 'admin';
}

/**
 * Maintenance staff read only the cases whose repair they hold (`case.read.own` without
 * `case.read`): their screen is "my repairs and my notices", not the office's dashboard.
 */
export function worksOwnCasesOnly(can: Can): boolean {
  return !can('case.read') && can('case.read.own');
}
