import { useCallback, useSyncExternalStore } from 'react';
import type { LookupPick } from '../directory/UnitLookup';

/**
 * The call on the desk's line: when it was answered, who is calling (the resident and unit
 * found, or only the number typed) and whom they ask for. It lasts until the desk hangs up,
 * whatever is done meanwhile (a message, a case of any kind, the call log) and wherever the
 * desk goes to do it, so every record of the call carries the caller. Kept per estate in the
 * tab's session storage: a reload or the case screen and back leaves it on the line.
 */
export interface DeskCall {
  /** When the desk answered (ms since the epoch). */
  startedAt: number;
  caller: LookupPick | null;
  /** What was typed in the caller box when it looks like a phone number nobody is found for. */
  number: string | null;
  askedForId: string | null;
  /** A colleague calling on the internal line (§5.6): answered with one's department and name. */
  internal?: boolean;
}

const PREFIX = 'estatedesk.call.';
const storageKey = (estateId: string) => `${PREFIX}${estateId}`;
const listeners = new Set<() => void>();
// Parsed calls by their stored text, so a read returns the same object until the call changes.
const parsed = new Map<string, DeskCall>();

function read(estateId: string): DeskCall | null {
  let text: string | null = null;
  try {
    text = window.sessionStorage.getItem(storageKey(estateId));
  } catch {
    return null;
  }
  if (!text) return null;
  const known = parsed.get(text);
  if (known) return known;
  try {
    const call = JSON.parse(text) as DeskCall;
    if (typeof call.startedAt !== 'number') return null;
    parsed.clear();
    parsed.set(text, call);
    return call;
  } catch {
    return null;
  }
}

function write(estateId: string, call: DeskCall | null): void {
  try {
    if (call) window.sessionStorage.setItem(storageKey(estateId), JSON.stringify(call));
    else window.sessionStorage.removeItem(storageKey(estateId));
  } catch {
    // Storage refused (private mode): the call then lasts while the page does.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Ends every call of the tab: nothing of one person's calls stays for the next person signing in at the desk. */
export function forgetDeskCalls(): void {
  try {
    const keys = Array.from({ length: window.sessionStorage.length }, (_, i) => window.sessionStorage.key(i));
    for (const key of keys) if (key?.startsWith(PREFIX)) window.sessionStorage.removeItem(key);
  } catch {
    return;
  }
  for (const listener of listeners) listener();
}

/** The desk's call in an estate, and the ways to answer, change and end it. */
export function useDeskCall(estateId: string) {
  const call = useSyncExternalStore(subscribe, () => read(estateId));
  /** Starts the call now if none is on; otherwise keeps it as it is. */
  const answer = useCallback(() => {
    if (!read(estateId)) write(estateId, { startedAt: Date.now(), caller: null, number: null, askedForId: null });
  }, [estateId]);
  /** Changes what the desk knows of the call, answering it first if it was not. */
  const update = useCallback(
    (patch: Partial<Omit<DeskCall, 'startedAt'>>) => {
      const current = read(estateId) ?? { startedAt: Date.now(), caller: null, number: null, askedForId: null };
      write(estateId, { ...current, ...patch });
    },
    [estateId],
  );
  const hangUp = useCallback(() => write(estateId, null), [estateId]);
  return { call, answer, update, hangUp };
}
