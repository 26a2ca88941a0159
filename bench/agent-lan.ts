import { COUNTERS, clerkOf, PIN } from './agent-setup.ts';

/** A reply of the agent's LAN API. */
export interface LanReply {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** One LAN API call as the kiosk, a counter console or the rating pad makes it. */
export async function lan(
  url: string,
  path: string,
  options: { body?: unknown; token?: string; method?: 'GET' | 'POST' } = {},
): Promise<LanReply> {
  const res = await fetch(`${url}${path}`, {
    method: options.method ?? 'POST',
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Throws with the agent's answer unless the reply has the expected status. */
export function expectStatus(reply: LanReply, status: number, what: string): LanReply {
  if (reply.status !== status)
    throw new Error(`${what}: HTTP ${reply.status} (expected ${status}): ${JSON.stringify(reply.body)}`);
  return reply;
}

/** Logs a clerk in at every counter; returns each counter's session token. */
export async function loginCounters(url: string): Promise<Map<number, string>> {
  const tokens = new Map<number, string>();
  for (const counter of COUNTERS) {
    const reply = await lan(url, `/api/counters/${counter}/login`, {
      body: { clerk: clerkOf(counter), pin: PIN },
    });
    expectStatus(reply, 200, `login at counter ${counter}`);
    tokens.set(counter, String(reply.body.token));
  }
  return tokens;
}

/**
 * The hall display: one `/api/live` stream read and thrown away, as the TV does all day. With a
 * listener the agent builds a snapshot for every event, which a ward always pays for.
 */
export function connectDisplay(url: string): { close(): void } {
  const abort = new AbortController();
  void (async () => {
    try {
      const res = await fetch(`${url}/api/live`, { signal: abort.signal });
      if (!res.body) return;
      for await (const _chunk of res.body) {
        // discarded: only the agent's side of the stream is measured
      }
    } catch {
      // aborted at the end, or the agent stopped: either way the display is gone
    }
  })();
  return { close: () => abort.abort() };
}
