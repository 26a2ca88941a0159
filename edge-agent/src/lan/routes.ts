import { type AgentApi, AgentError, type CounterAction } from '../agent-api.ts';
import type { Reply, Route, RouteContext } from './http.ts';
import type { LiveStream } from './live.ts';
import { type LoginThrottle, refuseStaff, requireCounter, requireSession } from './sessions.ts';
import {
  AnnouncementPath,
  CounterPath,
  IssueTicketBody,
  LoginBody,
  parse,
  RatingBody,
  TicketPath,
  TransferBody,
} from './validation.ts';

export interface ApiDeps {
  readonly agent: AgentApi;
  readonly live: LiveStream;
  readonly throttle: LoginThrottle;
}

/** The JSON API of the LAN: kiosk, counter consoles, hall display and rating pads. */
export function apiRoutes({ agent, live, throttle }: ApiDeps): Route[] {
  const post = (path: string, handle: (c: RouteContext) => Promise<Reply | undefined>): Route => ({
    method: 'POST',
    path,
    handle,
  });
  const get = (path: string, handle: (c: RouteContext) => Promise<Reply | undefined>): Route => ({
    method: 'GET',
    path,
    handle,
  });

  /** A counter command: 401 without a session, 400 for a bad counter, 403 for another counter's session. */
  const command = (path: string, action: CounterAction) =>
    post(`/api/counters/:counter/${path}`, async ({ req, params, body }) => {
      const session = requireSession(agent, req);
      const { counter } = parse(CounterPath, params, 'path');
      requireCounter(session, counter);
      const args = action === 'transfer' ? parse(TransferBody, body) : undefined;
      return { status: 200, body: await agent.counterAction(session, action, args) };
    });

  return [
    post('/api/tickets', async ({ body }) => {
      const { field, priority } = parse(IssueTicketBody, body);
      return { status: 201, body: await agent.issueTicket(field, priority ?? null) };
    }),
    post('/api/tickets/:number/rejoin', async ({ params }) => {
      const { number } = parse(TicketPath, params, 'path');
      await agent.rejoin(number);
      return { status: 200, body: { number, rejoined: true } };
    }),

    post('/api/counters/:counter/login', async ({ req, params, body }) => {
      const { counter } = parse(CounterPath, params, 'path');
      const { clerk, pin } = parse(LoginBody, body);
      const address = req.socket.remoteAddress ?? 'unknown';
      throttle.check(address);
      try {
        const { token, session } = await agent.loginClerk(counter, clerk, pin);
        throttle.succeeded(address);
        return { status: 200, body: { token, counter: session.counter, clerk: session.clerk } };
      } catch (error) {
        if (error instanceof AgentError && error.status === 401) throttle.failed(address);
        throw error;
      }
    }),
    post('/api/counters/:counter/logout', async ({ req, params }) => {
      const session = requireSession(agent, req);
      const { counter } = parse(CounterPath, params, 'path');
      requireCounter(session, counter);
      await agent.logoutClerk(session);
      return { status: 204 };
    }),
    command('call-next', 'call_next'),
    command('recall', 'recall'),
    command('complete', 'complete'),
    command('no-show', 'no_show'),
    command('transfer', 'transfer'),

    post('/api/ratings', async ({ req, body }) => {
      refuseStaff(req);
      const { counter, score } = parse(RatingBody, body);
      await agent.rate(counter, score);
      return { status: 201, body: { counter, score } };
    }),

    get('/api/state', async () => ({ status: 200, body: agent.snapshot() })),
    get('/api/live', async ({ res }) => {
      live.connect(res);
      return undefined;
    }),
    get('/api/announcements/:number/:counter.wav', async ({ res, params }) => {
      const { number, counter } = parse(AnnouncementPath, params, 'path');
      const wav = await agent.announcement(number, counter);
      res
        .writeHead(200, {
          'content-type': 'audio/wav',
          'content-length': wav.length,
          // The same call always sounds the same; the display may replay it from cache.
          'cache-control': 'public, max-age=3600',
          'x-content-type-options': 'nosniff',
        })
        .end(wav);
      return undefined;
    }),
    get('/health', async () => {
      const { online, outboxDepth } = agent.snapshot().cloud;
      return { status: 200, body: { status: 'ok', cloud: { online, outboxDepth } } };
    }),
  ];
}
