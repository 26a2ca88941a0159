import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CloudLink,
  type CloudLinkOptions,
  CloudOfflineError,
} from '../../../../edge-agent/src/cloud/cloud-link.ts';
import type { ConnectionHandlers, ConnectionOptions } from '../../../../edge-agent/src/cloud/connection.ts';

/**
 * CloudLink's loop against a scripted connection and fake timers: which attempts it makes,
 * when, and what publishes do around a loss. The real SDK against the real broker is in
 * test/integration/edge-agent/cloud.
 */

vi.mock('aws-iot-device-sdk-v2', () => ({ mqtt: { MqttClient: class {}, QoS: { AtLeastOnce: 1 } } }));

const fake = vi.hoisted(() => {
  type Open = 'ok' | 'fail';
  class FakeConnection {
    static instances: FakeConnection[] = [];
    /** How the next open() calls end, in order; 'ok' once the script runs out. */
    static script: Open[] = [];
    published: Array<{ topic: string; payload: string; retain: boolean }> = [];
    subscribed: string[] = [];
    closed = false;
    /** When set, publishes to topics ending with it never get their PUBACK. */
    holdPublishesTo?: string;

    constructor(
      _client: unknown,
      readonly options: ConnectionOptions,
      readonly handlers: ConnectionHandlers,
    ) {
      // The real one reads the certificate here.
      if (options.certPath === 'missing.pem') throw new Error('ENOENT: missing.pem');
      FakeConnection.instances.push(this);
    }

    async open() {
      if ((FakeConnection.script.shift() ?? 'ok') === 'fail') throw new Error('connection refused');
      return false;
    }

    async subscribe(filter: string) {
      this.subscribed.push(filter);
    }

    publish(topic: string, payload: string, retain: boolean) {
      this.published.push({ topic, payload, retain });
      if (this.holdPublishesTo && topic.endsWith(this.holdPublishesTo)) return new Promise<void>(() => {});
      return Promise.resolve();
    }

    async close() {
      this.closed = true;
    }

    lose() {
      this.handlers.onLost(new Error('socket closed'));
    }
  }
  return { FakeConnection };
});

vi.mock('../../../../edge-agent/src/cloud/connection.ts', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  Connection: fake.FakeConnection,
}));

const { FakeConnection } = fake;
const BASE = 'motcua/hai-chau/hai-chau-i';
const batch = { events: [{ id: '01JMOTCUA00000000000000001', type: 'ticket_issued', at: 'x' }] };

function newLink(options: Partial<CloudLinkOptions> = {}) {
  const link = new CloudLink({
    endpoint: '127.0.0.1:8883',
    ward: { id: 'hai-chau-i', districtId: 'hai-chau' },
    certPath: 'thing.pem',
    keyPath: 'thing.key',
    currentStatus: () => ({ outboxDepth: 2, devices: {} }),
    clock: () => new Date('2026-03-02T01:00:00Z'),
    random: () => 0.999,
    ...options,
  });
  const delays: number[] = [];
  const warnings: string[] = [];
  link.on('reconnecting', (next) => delays.push(next.delayMs));
  link.on('warning', (w) => warnings.push(w.message));
  return { link, delays, warnings };
}

const latest = () => FakeConnection.instances.at(-1) as InstanceType<typeof FakeConnection>;

beforeEach(() => {
  vi.useFakeTimers();
  FakeConnection.instances = [];
  FakeConnection.script = [];
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Class: CloudLink', () => {
  describe('Method: start', () => {
    it('connects as motcua-<ward> with an offline last will, subscribes, and says online', async () => {
      const { link } = newLink();
      const online = vi.fn();
      link.on('online', online);
      link.start();
      await vi.advanceTimersByTimeAsync(0);
      const connection = latest();
      expect(connection.options).toMatchObject({
        host: '127.0.0.1',
        port: 8883,
        clientId: 'motcua-hai-chau-i',
        keepAliveSeconds: 30,
        will: { topic: `${BASE}/status`, payload: '{"online":false,"reason":"connection_lost"}' },
      });
      expect(connection.subscribed).toEqual([`${BASE}/commands`, `${BASE}/config`]);
      expect(connection.published).toEqual([
        {
          topic: `${BASE}/status`,
          payload: '{"online":true,"outboxDepth":2,"devices":{},"at":"2026-03-02T08:00:00+07:00"}',
          retain: true,
        },
      ]);
      expect(link.online).toBe(true);
      expect(online).toHaveBeenCalledOnce();
      await link.stop();
    });

    it('retries failed attempts with growing full-jitter windows up to 60 s', async () => {
      FakeConnection.script = Array(9).fill('fail');
      const { link, delays } = newLink();
      link.start();
      await vi.advanceTimersByTimeAsync(0);
      for (let i = 0; i < 9; i++) await vi.advanceTimersByTimeAsync(60_000);
      // ⌊0.999 × window⌋ for windows of 1, 2, 4 … 32 s, then 60 s.
      expect(delays).toEqual([999, 1_998, 3_996, 7_992, 15_984, 31_968, 59_940, 59_940, 59_940]);
      expect(FakeConnection.instances).toHaveLength(10);
      expect(FakeConnection.instances.slice(0, 9).every((c) => c.closed)).toBe(true);
      expect(link.online).toBe(true);
      await link.stop();
    });

    it('starts the backoff over after a connection that lasted, not after one dropped at once', async () => {
      FakeConnection.script = ['fail', 'fail', 'ok'];
      const { link, delays } = newLink();
      link.start();
      await vi.advanceTimersByTimeAsync(0);
      await vi.advanceTimersByTimeAsync(1_000 + 2_000);
      expect(link.online).toBe(true);
      latest().lose(); // dropped right away (say, another agent with the same certificate)
      await vi.advanceTimersByTimeAsync(4_000);
      expect(link.online).toBe(true);
      await vi.advanceTimersByTimeAsync(10_000);
      latest().lose(); // after a stable connection
      expect(delays).toEqual([999, 1_998, 3_996, 999]);
      await link.stop();
    });

    it('retries, never throws, when the certificate cannot be read', async () => {
      const { link, delays } = newLink({ certPath: 'missing.pem' });
      const causes: string[] = [];
      link.on('reconnecting', (next) => causes.push(next.cause.message));
      link.start();
      await vi.advanceTimersByTimeAsync(5_000);
      expect(delays).toEqual([999, 1_998, 3_996]);
      expect(causes[0]).toMatch(/ENOENT/);
      await link.stop();
    });

    it('is idempotent, and fails at once on an endpoint that is not host:port', async () => {
      const { link } = newLink();
      link.start();
      link.start();
      await vi.advanceTimersByTimeAsync(0);
      expect(FakeConnection.instances).toHaveLength(1);
      await link.stop();
      expect(() => newLink({ endpoint: 'mqtts://somewhere' }).link.start()).toThrow(/host:port/);
    });
  });

  describe('Method: publishEvents', () => {
    it('rejects at once while offline, without touching a connection', async () => {
      FakeConnection.script = ['fail'];
      const { link } = newLink();
      link.start();
      await vi.advanceTimersByTimeAsync(0);
      await expect(link.publishEvents(batch)).rejects.toBeInstanceOf(CloudOfflineError);
      await link.stop();
    });

    it('rejects a publish waiting for its PUBACK as soon as the connection is lost', async () => {
      const { link } = newLink();
      const offline = vi.fn();
      link.on('offline', offline);
      link.start();
      await vi.advanceTimersByTimeAsync(0);
      latest().holdPublishesTo = '/events';
      const pending = link.publishEvents(batch);
      latest().lose();
      await expect(pending).rejects.toBeInstanceOf(CloudOfflineError);
      expect(offline).toHaveBeenCalledOnce();
      expect(link.online).toBe(false);
      await link.stop();
    });
  });

  describe('Method: stop', () => {
    it('says offline (retained), closes, and leaves no timer behind', async () => {
      const { link } = newLink();
      link.start();
      await vi.advanceTimersByTimeAsync(0);
      const connection = latest();
      await link.stop();
      expect(connection.published.at(-1)).toEqual({
        topic: `${BASE}/status`,
        payload: '{"online":false,"reason":"stopped","at":"2026-03-02T08:00:00+07:00"}',
        retain: true,
      });
      expect(connection.closed).toBe(true);
      expect(vi.getTimerCount()).toBe(0);
    });

    it('cancels a scheduled attempt', async () => {
      FakeConnection.script = ['fail'];
      const { link } = newLink();
      link.start();
      await vi.advanceTimersByTimeAsync(0);
      await link.stop();
      await vi.advanceTimersByTimeAsync(120_000);
      expect(FakeConnection.instances).toHaveLength(1);
      expect(vi.getTimerCount()).toBe(0);
    });
  });

  describe('Event: config', () => {
    it('emits decoded config, ignores a cleared one, and warns about what it cannot read', async () => {
      const { link, warnings } = newLink();
      const configs: unknown[] = [];
      link.on('config', (c) => configs.push(c));
      link.start();
      await vi.advanceTimersByTimeAsync(0);
      const { onMessage } = latest().handlers;
      onMessage(`${BASE}/config`, '{"fields":[]}');
      onMessage(`${BASE}/config`, '');
      onMessage(`${BASE}/config`, '{oops');
      onMessage('motcua/hai-chau/thach-thang/config', '{}');
      expect(configs).toEqual([{ fields: [] }]);
      expect(warnings).toEqual([
        expect.stringMatching(/not JSON/),
        expect.stringMatching(/unexpected topic/),
      ]);
      await link.stop();
    });
  });
});
