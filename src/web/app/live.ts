import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { API_BASE } from './api';

/** One message of the live stream: something changed that open screens may show. */
export interface LiveMessage {
  estateId: string;
  type: string;
  subjectId?: string;
}

function parse(data: unknown): LiveMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return null;
    const { estateId, type, subjectId } = value as Record<string, unknown>;
    if (typeof estateId !== 'string' || typeof type !== 'string') return null;
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

/**
 * Keeps the screens of the estate current: a change announced on the live stream marks the
 * matching queries stale, so lists, queues and the open case refetch by themselves.
 */
const FOLLOW_UP_FAMILY = ['followup.', 'rectification.', 'rain.', 'spotcheck.', 'case.'];
// Calls, messages and visits change the desk; presence changes who should rise for a visitor.
const FRONT_DESK_FAMILY = ['frontdesk.', 'presence.'];

export function useLiveRefresh(estateId: string | null | undefined): void {
  const queryClient = useQueryClient();
  useLiveEvents(estateId, (message) => {
    const estateKey = ['estate', message.estateId];
    // Follow-ups, rectification notices, rain and spot checks are one family (a completed
    // repair schedules follow-ups, a problem opens a notice): any change refreshes all of it.
    if (FOLLOW_UP_FAMILY.some((prefix) => message.type.startsWith(prefix))) {
      void queryClient.invalidateQueries({ queryKey: [...estateKey, 'followups'] });
    }
    if (FRONT_DESK_FAMILY.some((prefix) => message.type.startsWith(prefix))) {
      void queryClient.invalidateQueries({ queryKey: [...estateKey, 'frontdesk'] });
    }
    if (message.type.startsWith('case.')) {
      void queryClient.invalidateQueries({ queryKey: [...estateKey, 'cases'] });
      void queryClient.invalidateQueries({ queryKey: [...estateKey, 'obligations'] });
    } else if (message.type.startsWith('obligation.')) {
      void queryClient.invalidateQueries({ queryKey: [...estateKey, 'obligations'] });
    } else if (message.type.startsWith('notice.')) {
      void queryClient.invalidateQueries({ queryKey: ['notices'] });
    } else if (message.type.startsWith('presence.')) {
      void queryClient.invalidateQueries({ queryKey: [...estateKey, 'presence'] });
    }
  });
}
