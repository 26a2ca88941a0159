import { useCallback, useEffect, useState } from 'react';
import { api } from '../../shared/api/client.ts';
import type { QueuePicture } from '../../shared/api/types.ts';
import { type Loaded, useLoad } from '../../shared/use-load.ts';
import { counterStorageKey, storedCounter } from './queue-view.ts';

/** How often the panel asks for the queue: every 3 s, faster for a while after a command. */
const NORMAL_MS = 3_000;
const HURRIED_MS = 1_500;
const HURRY_FOR_MS = 12_000;

/** What the desk may ask of a counter; the paths of `POST /v1/wards/{wardId}/counters/{n}/…`. */
export type CounterCommand = 'call-next' | 'recall' | 'complete' | 'no-show' | 'transfer';

/** How the last command went, for the line under the buttons. */
export type CommandState =
  | { readonly kind: 'sending'; readonly command: CounterCommand }
  | { readonly kind: 'sent'; readonly command: CounterCommand; readonly at: Date }
  | { readonly kind: 'failed'; readonly command: CounterCommand; readonly error: unknown };

/**
 * The ward's queue picture, refreshed every few seconds. A command's effect arrives through the
 * agent, MQTT and the cloud's ingest, so after one the panel asks more often for a while.
 */
export function useQueuePicture(
  wardId: string,
  district: string | undefined,
): Loaded<QueuePicture | undefined> & { hurry(): void } {
  const [hurriedUntil, setHurriedUntil] = useState(0);
  const picture = useLoad(
    (signal) =>
      district
        ? api<QueuePicture>(`/v1/wards/${encodeURIComponent(wardId)}/queue`, { district, signal })
        : Promise.resolve(undefined),
    [wardId, district],
    hurriedUntil ? HURRIED_MS : NORMAL_MS,
  );
  useEffect(() => {
    if (!hurriedUntil) return;
    const timer = setTimeout(() => setHurriedUntil(0), Math.max(0, hurriedUntil - Date.now()));
    return () => clearTimeout(timer);
  }, [hurriedUntil]);
  const { reload } = picture;
  const hurry = useCallback(() => {
    setHurriedUntil(Date.now() + HURRY_FOR_MS);
    reload();
  }, [reload]);
  return { ...picture, hurry };
}

/** Sends counter commands (202: the agent acts when it gets them) and says how the last one went. */
export function useCounterCommands(
  wardId: string,
  district: string | undefined,
  counter: number | undefined,
  onSent: () => void,
) {
  const [state, setState] = useState<CommandState>();
  const busy = state?.kind === 'sending';
  const send = useCallback(
    async (command: CounterCommand, body?: { field: string }) => {
      if (counter === undefined || !district || busy) return;
      setState({ kind: 'sending', command });
      try {
        const path = `/v1/wards/${encodeURIComponent(wardId)}/counters/${counter}/${command}`;
        await api(path, { method: 'POST', district, ...(body ? { body } : {}) });
        setState({ kind: 'sent', command, at: new Date() });
        onSent();
      } catch (error) {
        setState({ kind: 'failed', command, error });
      }
    },
    [wardId, district, counter, busy, onSent],
  );
  return { state, busy, send };
}

/** The counter this browser's clerk sits at, remembered per ward; undefined until chosen. */
export function useChosenCounter(wardId: string, numbers: readonly number[] | undefined) {
  const key = counterStorageKey(wardId);
  const [raw, setRaw] = useState<string | null>(() => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  });
  const choose = useCallback(
    (counter: number | undefined) => {
      const value = counter === undefined ? null : String(counter);
      setRaw(value);
      try {
        if (value === null) localStorage.removeItem(key);
        else localStorage.setItem(key, value);
      } catch {
        // Private mode: remembered for this page only.
      }
    },
    [key],
  );
  return { counter: numbers ? storedCounter(raw, numbers) : undefined, choose };
}
