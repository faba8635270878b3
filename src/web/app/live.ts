import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { isLiveEventType, LIVE_REFRESHES, type LiveFamily, type LiveMessage } from '../../contract/live';
import { API_BASE } from './api';

export type { LiveMessage };

function parse(data: unknown): LiveMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return null;
    const { estateId, type, subjectId } = value as Record<string, unknown>;
    if (typeof estateId !== 'string' || typeof type !== 'string' || !isLiveEventType(type)) return null;
    return { estateId, type, subjectId: typeof subjectId === 'string' ? subjectId : undefined };
  } catch {
    return null;
  }
}

// EventSource reconnects by itself after a dropped connection; it gives up only when the
// server refuses the stream (a restart, a deploy), so then it is opened again after a while.
const REOPEN_AFTER_MS = 15_000;

/** Listens to the estate's live stream (server-sent events) while the component is mounted. */
export function useLiveEvents(estateId: string | null | undefined, onEvent: (message: LiveMessage) => void): void {
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });

  useEffect(() => {
    if (!estateId || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let timer: number | undefined;
    let stopped = false;

    const open = () => {
      source = new EventSource(`${API_BASE}/live?estateId=${encodeURIComponent(estateId)}`, { withCredentials: true });
      source.onmessage = (event: MessageEvent) => {
        const message = parse(event.data);
        if (message && message.estateId === estateId) handler.current(message);
      };
      source.onerror = () => {
        if (stopped || source?.readyState !== EventSource.CLOSED) return;
        source.close();
        timer = window.setTimeout(open, REOPEN_AFTER_MS);
      };
    };
    open();

    return () => {
      stopped = true;
      window.clearTimeout(timer);
      source?.close();
    };
  }, [estateId]);
}

/** The queries each family of screens reads, under the estate's key or (notices) the person's. */
function queryKeyOf(family: LiveFamily, estateId: string): unknown[] {
  return family === 'notices' ? ['notices'] : ['estate', estateId, family];
}

/**
 * Keeps the screens of the estate current: a change announced on the live stream marks the
 * matching queries stale (contract/live.ts says which), so lists, queues and the open case
 * refetch by themselves.
 */
export function useLiveRefresh(estateId: string | null | undefined): void {
  const queryClient = useQueryClient();
  useLiveEvents(estateId, (message) => {
    for (const family of LIVE_REFRESHES[message.type]) {
      void queryClient.invalidateQueries({ queryKey: queryKeyOf(family, message.estateId) });
    }
  });
}
