/**
 * Reconnect delays: exponential backoff with full jitter (AWS Architecture Blog, "Exponential
 * Backoff and Jitter"). After a city-wide outage 56 agents come back at once, each with an
 * outbox to replay; spreading their attempts uniformly over a growing window keeps them from
 * hitting IoT Core (and the ingest Lambda) in lockstep. The SDK's own MQTT 3.1.1 reconnect only
 * doubles, without jitter, hence our own loop (cloud-link.ts).
 */
export interface BackoffOptions {
  /** The first window: attempt 0 waits up to this long. */
  readonly minMs: number;
  /** No window grows beyond this. */
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { minMs: 1_000, maxMs: 60_000 };

/** The window of attempt `n` (0-based): min·2ⁿ, capped at max. */
export function backoffCeiling(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  // 2^n overflows to Infinity long after it passed maxMs; Math.min handles that too.
  return Math.min(options.maxMs, options.minMs * 2 ** Math.max(0, attempt));
}

/** Full jitter: uniform in [0, ceiling) for attempt `n`; `random` returns [0, 1) like Math.random. */
export function backoffDelay(
  attempt: number,
  random: () => number = Math.random,
  options: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * backoffCeiling(attempt, options));
}
