import { type ClientRequest, get, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { calledEvent, SNAPSHOT, startLan } from './fake-agent.ts';

/** GET /api/live: Server-Sent Events, read off a real socket. */

interface Stream {
  readonly response: IncomingMessage;
  /** Everything received so far, as text. */
  text(): string;
  /** The events received so far (comments left out). */
  events(): { event: string; data: unknown }[];
  /** Resolves once `predicate` holds for what has arrived (polling, 2 s at most). */
  until(predicate: () => boolean): Promise<void>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

function openStream(url: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    let request: ClientRequest | undefined;
    request = get(`${url}/api/live`, (response) => {
      let received = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        received += chunk;
      });
      const ended = new Promise<void>((done) => response.once('close', done));
      resolve({
        response,
        text: () => received,
        events: () =>
          received
            .split('\n\n')
            .map((block) => block.split('\n').filter((line) => !line.startsWith(':')))
            .filter((lines) => lines.some((line) => line.startsWith('event: ')))
            .map((lines) => ({
              event: (lines.find((l) => l.startsWith('event: ')) as string).slice(7),
              data: JSON.parse((lines.find((l) => l.startsWith('data: ')) as string).slice(6)),
            })),
        until: async (predicate) => {
          const deadline = Date.now() + 2000;
          while (!predicate()) {
            if (Date.now() > deadline) throw new Error(`timed out; received so far:\n${received}`);
            await new Promise((r) => setTimeout(r, 10));
          }
        },
        ended,
        close: () => request?.destroy(),
      });
    });
    request.on('error', reject);
  });
}

let lan: Awaited<ReturnType<typeof startLan>>;
afterEach(() => lan.server.stop());

describe('Route: GET /api/live', () => {
  it('sends the snapshot on connect, then each live update', async () => {
    lan = await startLan();
    const stream = await openStream(lan.url);
    await stream.until(() => stream.events().length === 1);

    const update = { snapshot: SNAPSHOT, events: [calledEvent('B005', 2)] };
    lan.agent.emit(update);
    await stream.until(() => stream.events().length === 2);

    expect(stream.response.statusCode).toBe(200);
    expect(stream.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.events()).toEqual([
      { event: 'snapshot', data: SNAPSHOT },
      { event: 'update', data: update },
    ]);
    stream.close();
  });

  it('sends a heartbeat comment while idle', async () => {
    lan = await startLan({ heartbeatMs: 20 });
    const stream = await openStream(lan.url);

    await stream.until(() => stream.text().includes(': heartbeat\n\n'));

    expect(stream.events()).toHaveLength(1);
    stream.close();
  });

  it('unsubscribes from the agent when the client goes away', async () => {
    lan = await startLan();
    const first = await openStream(lan.url);
    const second = await openStream(lan.url);
    await first.until(() => lan.agent.listeners.size === 2);

    first.close();
    await first.until(() => lan.agent.listeners.size === 1);
    lan.agent.emit({ snapshot: SNAPSHOT, events: [] });
    await second.until(() => second.events().length === 2);

    expect(lan.agent.listeners.size).toBe(1);
    second.close();
    await second.until(() => lan.agent.listeners.size === 0);
  });

  it('ends open streams and unsubscribes when the server stops', async () => {
    lan = await startLan({ heartbeatMs: 20 });
    const stream = await openStream(lan.url);
    await stream.until(() => stream.events().length === 1);

    const started = Date.now();
    await lan.server.stop();
    await stream.ended;

    expect(Date.now() - started).toBeLessThan(1000);
    expect(lan.agent.listeners.size).toBe(0);
  });
});
