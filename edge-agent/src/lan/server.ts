import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AgentApi, AgentError } from '../agent-api.ts';
import { HttpError, type Route, readJsonBody, sendJson, toErrorResponse } from './http.ts';
import { HEARTBEAT_MS, LiveStream } from './live.ts';
import { createRouter, type Match } from './router.ts';
import { apiRoutes } from './routes.ts';
import { LoginThrottle } from './sessions.ts';
import { PAGES_DIR, pageRoutes, StaticPages } from './static.ts';

export interface LanServerOptions {
  readonly agent: AgentApi;
  /**
   * The address to listen on, chosen by the agent: the mini-PC's ward LAN address. The kiosk,
   * display and rating routes have no login, so this must never be reachable from outside
   * the ward LAN (see README.md).
   */
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** Shown on every page, before the live state arrives. */
  readonly wardName: string;
  /** The pages folder; edge-agent/pages/ unless told otherwise. */
  readonly pagesDir?: string;
  /** Between SSE heartbeat comments; 15 s unless told otherwise (tests shorten it). */
  readonly heartbeatMs?: number;
  /** Told about unexpected failures, the 500s (never shown to the client); stderr unless given. */
  readonly onError?: (error: unknown, request: { method: string; path: string }) => void;
}

/** How long stop() lets requests in flight finish before cutting their connections. */
const SHUTDOWN_GRACE_MS = 2_000;

/**
 * The agent's HTTP server on the ward LAN: the JSON API, the live stream and the pages of
 * the kiosk, counter consoles, hall display and rating pads. node:http, no framework.
 */
export class LanServer {
  readonly #options: LanServerOptions;
  readonly #live: LiveStream;
  readonly #match: (method: string, path: string) => Match<Route>;
  #server: Server | undefined;

  constructor(options: LanServerOptions) {
    this.#options = options;
    this.#live = new LiveStream(options.agent, options.heartbeatMs ?? HEARTBEAT_MS);
    const pages = new StaticPages(options.pagesDir ?? PAGES_DIR, options.wardName);
    const throttle = new LoginThrottle();
    this.#match = createRouter([
      ...apiRoutes({ agent: options.agent, live: this.#live, throttle }),
      ...pageRoutes(pages),
    ]);
  }

  /** Listens on host:port; resolves with the address the pages are reached at. */
  async start(): Promise<{ url: string; port: number }> {
    if (this.#server) throw new Error('the LAN server is already started');
    const server = createServer((req, res) => void this.#serve(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#options.port, this.#options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.#server = server;
    this.#live.start();
    const { port } = server.address() as AddressInfo;
    const host = this.#options.host.includes(':') ? `[${this.#options.host}]` : this.#options.host;
    return { url: `http://${host}:${port}`, port };
  }

  /** Ends the live streams, stops listening, and waits for requests in flight (briefly). */
  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = undefined;
    this.#live.stop();
    await new Promise<void>((resolve) => {
      const cut = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      server.close(() => {
        clearTimeout(cut);
        resolve();
      });
      server.closeIdleConnections();
    });
  }

  async #serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?', 1)[0] as string;
    try {
      const found = this.#match(method, path);
      if (found.kind === 'not_found') throw new HttpError(404, 'not_found', `nothing at ${path}`);
      if (found.kind === 'method_not_allowed') {
        const allow = found.allow.join(', ');
        const message = `${method} is not allowed here; use ${allow}`;
        throw new HttpError(405, 'method_not_allowed', message, undefined, { allow });
      }
      let body: unknown;
      if (method === 'POST') {
        refuseCrossOrigin(req);
        body = await readJsonBody(req);
      }
      const reply = await found.route.handle({ req, res, params: found.params, body });
      if (reply) sendJson(res, reply.status, reply.body);
    } catch (error) {
      const { status, body, headers } = toErrorResponse(error);
      // A refusal the agent chose (even a 503) is not a bug; anything else is, and is reported.
      const expected = error instanceof HttpError || error instanceof AgentError;
      if (!expected) (this.#options.onError ?? logToStderr)(error, { method, path });
      // A page or stream that failed halfway has no clean way to say so: close it.
      if (res.headersSent) {
        res.destroy();
        return;
      }
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      sendJson(res, status, body);
    }
  }
}

/**
 * A browser on the ward LAN that opens some other site must not let that site drive the
 * agent: browsers send Origin on POST, and ours always matches the Host it was served from.
 */
function refuseCrossOrigin(req: IncomingMessage): void {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  if (host !== req.headers.host) {
    throw new HttpError(403, 'cross_origin', 'requests from pages of another site are refused');
  }
}

function logToStderr(error: unknown, request: { method: string; path: string }): void {
  // Method and path only: bodies carry PINs, and headers carry session tokens.
  console.error(`LAN server: ${request.method} ${request.path} failed`, error);
}
