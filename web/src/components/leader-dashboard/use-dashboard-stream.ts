'use client';
import { useEffect, useEffectEvent, useState } from 'react';
import { DASHBOARD_SIGNAL, DASHBOARD_STREAM_PATH } from './refresh-scheduler';

export type StreamState = 'connecting' | 'live' | 'offline';

/** Waits this long before opening a stream anew after it was refused (signed out, service down). */
const REOPEN_MS = 15_000;

/**
 * The dashboard's live connection: calls `onSignal` for every `dashboard` event, and once more
 * when the stream opens again after a break (signals may have been missed meanwhile). EventSource
 * reconnects by itself; only when it gives up (an answer that is not a stream) is it reopened.
 */
export function useDashboardStream(onSignal: () => void): StreamState {
  const [state, setState] = useState<StreamState>('connecting');
  const signal = useEffectEvent(onSignal);

  useEffect(() => {
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let opened = false;

    const connect = () => {
      const current = new EventSource(DASHBOARD_STREAM_PATH);
      source = current;
      current.addEventListener('open', () => {
        setState('live');
        if (opened) signal();
        opened = true;
      });
      current.addEventListener(DASHBOARD_SIGNAL, () => signal());
      current.addEventListener('error', () => {
        setState('offline');
        if (current.readyState !== EventSource.CLOSED) return;
        reopen = setTimeout(connect, REOPEN_MS);
      });
    };

    connect();
    return () => {
      clearTimeout(reopen);
      source?.close();
    };
  }, []);

  return state;
}
