import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { spawnTsx, stopChild } from './agent-child.ts';

const MAIN = fileURLToPath(new URL('./agent-broker-main.ts', import.meta.url));

/** What the bench asks the broker child (agent-broker-main.ts). */
export type BrokerRequest =
  | { type: 'expect'; events: number }
  | { type: 'reset' }
  | { type: 'counts' }
  | { type: 'stop' };

/** What the broker child reports; `at` is epoch ms (see epochMs). */
export type BrokerReport =
  | { type: 'ready'; port: number }
  | { type: 'online'; at: number }
  | { type: 'reached'; at: number; distinct: number }
  | { type: 'reset' }
  | { type: 'counts'; messages: number; unreadable: number; ids: string[] };

type Of<T extends BrokerReport['type']> = Extract<BrokerReport, { type: T }>;

/** The local broker in its own process, with the cloud's count of what arrived. */
export class BrokerChild {
  /** Reports not yet taken by `next`, oldest first. */
  readonly #inbox: BrokerReport[] = [];
  #wake: (() => void) | undefined;
  readonly #errors: string[] = [];

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (report: BrokerReport) => {
      this.#inbox.push(report);
      this.#wake?.();
    });
    child.stderr?.on('data', (d: Buffer) => this.#errors.push(d.toString()));
    child.stdout?.resume();
    child.once('exit', () => this.#wake?.());
  }

  /** Starts the broker on `port` (of 127.0.0.1) with the workspace's CA. */
  static async start(caDir: string, port: number): Promise<BrokerChild> {
    const broker = new BrokerChild(spawnTsx(MAIN, [caDir, String(port)], true));
    try {
      await broker.next('ready', 30_000);
    } catch (error) {
      await broker.stop();
      throw error;
    }
    return broker;
  }

  /** Takes the oldest report of `type`, waiting up to `timeoutMs` for one. */
  async next<T extends BrokerReport['type']>(type: T, timeoutMs: number): Promise<Of<T>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.#inbox.findIndex((r) => r.type === type);
      if (index >= 0) return this.#inbox.splice(index, 1)[0] as Of<T>;
      if (this.child.exitCode !== null || this.child.signalCode !== null)
        throw new Error(`broker exited before '${type}': ${this.#errors.join('').slice(-2000)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`broker: no '${type}' within ${timeoutMs} ms`);
      await new Promise<void>((done) => {
        const timer = setTimeout(done, left);
        this.#wake = () => {
          clearTimeout(timer);
          done();
        };
      });
      this.#wake = undefined;
    }
  }

  /** Asks for a `reached` report once `events` distinct event ids have arrived. */
  expect(events: number): void {
    this.#send({ type: 'expect', events });
  }

  /** Forgets what arrived so far (and any unread reports), for the next phase. */
  async reset(): Promise<void> {
    this.#inbox.length = 0;
    this.#send({ type: 'reset' });
    await this.next('reset', 10_000);
  }

  async counts(): Promise<Of<'counts'>> {
    this.#send({ type: 'counts' });
    return this.next('counts', 10_000);
  }

  async stop(): Promise<void> {
    if (this.child.connected) this.#send({ type: 'stop' });
    await stopChild(this.child);
  }

  #send(request: BrokerRequest): void {
    this.child.send(request);
  }
}
