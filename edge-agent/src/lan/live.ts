import type { ServerResponse } from 'node:http';
import type { AgentApi } from '../agent-api.ts';

/** How long between comment lines that keep idle proxies and Wi-Fi access points from dropping the stream. */
export const HEARTBEAT_MS = 15_000;

/** A client this far behind is stuck (a TV asleep with the socket open): drop it rather than buffer forever. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

interface Client {
  readonly res: ServerResponse;
  close(): void;
}

/**
 * `GET /api/live`: Server-Sent Events for the display, consoles and kiosk. Each client gets a
 * `snapshot` event on connect, then an `update` per LiveUpdate, and a heartbeat comment every
 * `heartbeatMs`. Clients re-sync from the snapshot when EventSource reconnects, so nothing
 * is replayed and the hall display never re-announces old calls.
 */
export class LiveStream {
  readonly #clients = new Set<Client>();
  #heartbeat: NodeJS.Timeout | undefined;

  constructor(
    private readonly agent: AgentApi,
    private readonly heartbeatMs = HEARTBEAT_MS,
  ) {}

  start(): void {
    this.#heartbeat ??= setInterval(() => {
      for (const client of this.#clients) write(client, ': heartbeat\n\n');
    }, this.heartbeatMs);
  }

  /** Ends every stream and the heartbeat; the clients' EventSource will reconnect to the next agent. */
  stop(): void {
    clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
    for (const client of [...this.#clients]) {
      client.close();
      client.res.end();
    }
  }

  /** Takes over the response until the client goes away. */
  connect(res: ServerResponse): void {
    // Read before the headers go out, so a failing agent still gets a proper JSON 500.
    const snapshot = JSON.stringify(this.agent.snapshot());
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // Tells a reverse proxy, should a ward put one in front, not to buffer the stream.
      'x-accel-buffering': 'no',
    });
    let unsubscribe = (): void => {};
    const client: Client = {
      res,
      // Runs on stop, on a stuck client and on the socket's close: only the first one counts.
      close: () => {
        if (!this.#clients.delete(client)) return;
        unsubscribe();
      },
    };
    this.#clients.add(client);
    unsubscribe = this.agent.subscribe((update) => {
      write(client, `event: update\ndata: ${JSON.stringify(update)}\n\n`);
    });
    // After subscribing (no update can slip in between: both run in this one turn), so that a
    // close during this first write also unsubscribes.
    write(client, `retry: 3000\n\nevent: snapshot\ndata: ${snapshot}\n\n`);
    // The response's close, not the request's: since Node 16 the request closes as soon as its
    // (empty) body is read, while the response closes when the client goes away.
    res.once('close', client.close);
  }
}

function write(client: Client, text: string): void {
  if (client.res.writableEnded || client.res.destroyed) return;
  if (client.res.writableLength > MAX_BUFFERED_BYTES) {
    client.close();
    client.res.destroy();
    return;
  }
  client.res.write(text);
}
