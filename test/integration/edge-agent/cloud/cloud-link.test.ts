import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findWard } from '#domain/catalogue/units';
import type { LocalBroker } from '#infra/local/iot/broker';
import type { LocalCa } from '#infra/local/iot/ca';
import {
  CloudLink,
  type CloudLinkOptions,
  CloudOfflineError,
} from '../../../../edge-agent/src/cloud/cloud-link.ts';
import type { Command } from '../../../../edge-agent/src/cloud/commands.ts';
import {
  cleanUp,
  deviceConnection,
  onCleanUp,
  recordAs,
  removeCa,
  temporaryCa,
  testBroker,
  waitFor,
} from '../../local/iot/fixtures.ts';

const ward = findWard('hai-chau-i') ?? expect.unreachable('hai-chau-i is in units.json');
const THING = 'motcua-hai-chau-i';
const BASE = 'motcua/hai-chau/hai-chau-i';
const NOW = Date.parse('2026-03-02T08:00:00+07:00');
const batch = {
  events: [{ id: '01JMOTCUA00000000000000001', type: 'ticket_issued', at: '2026-03-02T08:00:00+07:00' }],
};

let ca: LocalCa;
beforeAll(async () => {
  ca = await temporaryCa();
  await ca.clientCertificate(THING);
  await ca.clientCertificate('motcua-cloud');
});
afterEach(cleanUp);
afterAll(() => removeCa(ca));

async function linkOptions(broker: LocalBroker): Promise<Omit<CloudLinkOptions, 'currentStatus'>> {
  const identity = await ca.clientCertificate(THING);
  return {
    endpoint: broker.endpoint,
    ward: { id: ward.id, districtId: ward.districtId },
    certPath: identity.certPath,
    keyPath: identity.keyPath,
    caPath: ca.caCertPath,
    random: () => 0.5,
  };
}

/** A started link, recording what it emits, stopped at cleanUp(). */
async function startLink(broker: LocalBroker, overrides: Partial<CloudLinkOptions> = {}) {
  const link = new CloudLink({
    ...(await linkOptions(broker)),
    currentStatus: () => ({ outboxDepth: 7, devices: { 'printer-1': { online: true } } }),
    clock: () => new Date(NOW),
    ...overrides,
  });
  const seen = {
    online: 0,
    offline: 0,
    commands: [] as Command[],
    configs: [] as unknown[],
    warnings: [] as string[],
  };
  link.on('online', () => seen.online++);
  link.on('offline', () => seen.offline++);
  link.on('command', (c) => seen.commands.push(c));
  link.on('config', (c) => seen.configs.push(c));
  link.on('warning', (w) => seen.warnings.push(w.message));
  link.start();
  onCleanUp(() => link.stop());
  return { link, seen };
}

describe('Class: CloudLink', () => {
  describe('Method: start', () => {
    it('connects as its thing, says it is online (retained) and publishes a batch with PUBACK', async () => {
      const { broker } = await testBroker(ca);
      const status = await recordAs(broker, 'motcua/+/+/status');
      const events = await recordAs(broker, 'motcua/+/+/events');
      const { link, seen } = await startLink(broker);
      await waitFor(() => link.online, 2_000, 'online');
      expect(seen.online).toBe(1);
      expect(JSON.parse(status[0]?.payload.toString() ?? '')).toEqual({
        online: true,
        outboxDepth: 7,
        devices: { 'printer-1': { online: true } },
        at: '2026-03-02T08:00:00+07:00',
      });
      await link.publishEvents(batch);
      // Resolved on PUBACK, which aedes sends after handing the message on.
      expect(events.map((m) => [m.topic, JSON.parse(m.payload.toString())])).toEqual([
        [`${BASE}/events`, batch],
      ]);
    });

    it('does not throw while the broker is down, and connects once it is up', async () => {
      const { broker: probe } = await testBroker(ca);
      const port = probe.port;
      await probe.stop();
      const { link } = await startLink(probe);
      const attempts: number[] = [];
      link.on('reconnecting', (next) => attempts.push(next.delayMs));
      await waitFor(() => attempts.length >= 1, 5_000, 'a failed attempt');
      expect(link.online).toBe(false);
      await expect(link.publishEvents(batch)).rejects.toBeInstanceOf(CloudOfflineError);
      await testBroker(ca, port);
      await waitFor(() => link.online, 10_000, 'online after the broker started');
    });

    it('receives the retained config published before it connected', async () => {
      const { broker } = await testBroker(ca);
      const config = { fields: [{ id: 'ho-tich', name: 'Hộ tịch', prefix: 'C' }] };
      await broker.publishAs('motcua-cloud', {
        topic: `${BASE}/config`,
        payload: JSON.stringify(config),
        qos: 1,
        retain: true,
      });
      const { link, seen } = await startLink(broker);
      // Retained messages follow the SUBACK, so the config may come before `online`.
      await waitFor(() => seen.configs.length === 1, 5_000, 'the config');
      expect(seen.configs[0]).toEqual(config);
      await waitFor(() => link.online, 2_000, 'online');
      expect(seen.configs).toHaveLength(1);
    });
  });

  describe('Event: command', () => {
    it('hands on live commands once, dropping expired ones and repeated ids', async () => {
      const { broker } = await testBroker(ca);
      const { link, seen } = await startLink(broker);
      await waitFor(() => link.online, 5_000, 'online');
      const send = (command: object) =>
        broker.publishAs('motcua-cloud', {
          topic: `${BASE}/commands`,
          payload: JSON.stringify(command),
          qos: 1,
          retain: false,
        });
      const live = { id: 'cmd-1', type: 'call_next', counter: 2, expiresAt: '2026-03-02T08:00:30+07:00' };
      await send(live);
      await send({ ...live }); // QoS 1 redelivery
      await send({ id: 'cmd-2', type: 'announce', text: 'Xin mời', expiresAt: '2026-03-02T07:59:59+07:00' });
      await send({ id: 'cmd-3', type: 'reboot', expiresAt: '2026-03-02T09:00:00+07:00' });
      await send({ id: 'cmd-4', type: 'recall', counter: 3, expiresAt: '2026-03-02T08:01:00+07:00' });
      await waitFor(() => seen.commands.length === 2 && seen.warnings.length === 3, 3_000, 'commands');
      expect(seen.commands.map((c) => c.id)).toEqual(['cmd-1', 'cmd-4']);
      expect(seen.warnings).toEqual([
        expect.stringMatching(/cmd-1 dropped \(duplicate\)/),
        expect.stringMatching(/cmd-2 dropped \(expired\)/),
        expect.stringMatching(/cmd-3 dropped \(invalid\)/),
      ]);
    });
  });

  describe('Method: publishEvents', () => {
    it('rejects while the broker is gone, and the link comes back on the same port in bounded time', async () => {
      const { broker } = await testBroker(ca);
      const { link, seen } = await startLink(broker);
      await waitFor(() => link.online, 5_000, 'online');
      const port = broker.port;
      await broker.stop();
      await waitFor(() => !link.online, 5_000, 'offline');
      expect(seen.offline).toBe(1);
      await expect(link.publishEvents(batch)).rejects.toBeInstanceOf(CloudOfflineError);

      const { broker: restarted } = await testBroker(ca, port);
      const events = await recordAs(restarted, 'motcua/+/+/events');
      // Teardown of the lost connection (≤ 1 s) + the first backoff window (≤ 1 s) + connect.
      await waitFor(() => link.online, 4_000, 'online again');
      expect(seen.online).toBe(2);
      await link.publishEvents(batch);
      expect(events).toHaveLength(1);
    });
    it('rejects a batch whose PUBACK does not come in time, so the outbox keeps it', async () => {
      const { broker } = await testBroker(ca);
      const { link } = await startLink(broker, { publishTimeoutMs: 300 });
      await waitFor(() => link.online, 2_000, 'online');
      // A broker that takes the batch and never answers (a PUBACK lost on a bad line).
      const authorize = broker.aedes.authorizePublish;
      broker.aedes.authorizePublish = (client, packet, done) => {
        if (!packet.topic.endsWith('/events')) authorize.call(broker.aedes, client, packet, done);
      };
      const started = Date.now();
      await expect(link.publishEvents(batch)).rejects.toThrow(/PUBACK|timed? ?out/i);
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      expect(Date.now() - started).toBeLessThan(2_000);
    });
  });

  describe('Method: stop', () => {
    it('says offline (retained, reason stopped), disconnects and does not come back', async () => {
      const { broker } = await testBroker(ca);
      const status = await recordAs(broker, 'motcua/+/+/status');
      const { link } = await startLink(broker);
      await waitFor(() => link.online, 5_000, 'online');
      await link.stop();
      expect(link.online).toBe(false);
      expect(JSON.parse(status.at(-1)?.payload.toString() ?? '')).toEqual({
        online: false,
        reason: 'stopped',
        at: '2026-03-02T08:00:00+07:00',
      });
      await waitFor(() => broker.aedes.connectedClients === 0, 2_000, 'the disconnect');
      await new Promise((done) => setTimeout(done, 700)); // time for a stray attempt to show up
      expect(broker.aedes.connectedClients).toBe(0);
      expect(status).toHaveLength(2); // online, then stopped: no last will after an orderly stop
      await expect(link.publishEvents(batch)).rejects.toBeInstanceOf(CloudOfflineError);
    });
  });

  describe('Last will', () => {
    it('arrives as a retained offline status when the agent process dies', async () => {
      const { broker } = await testBroker(ca);
      const live = await recordAs(broker, 'motcua/+/+/status');
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', fileURLToPath(new URL('./fixtures/agent-process.ts', import.meta.url))],
        {
          env: { ...process.env, MOTCUA_TEST_LINK: JSON.stringify(await linkOptions(broker)) },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      onCleanUp(async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      });
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      await waitFor(() => output.includes('online'), 15_000, 'the agent process online');
      child.kill('SIGKILL');
      const offline = await waitFor(
        () => live.find((m) => JSON.parse(m.payload.toString()).online === false),
        5_000,
        'the last will',
      );
      expect(JSON.parse(offline.payload.toString())).toEqual({ online: false, reason: 'connection_lost' });

      // A subscriber that comes later (the cloud after a restart) still finds it, retained.
      const cloud = deviceConnection({
        port: broker.port,
        identity: await ca.clientCertificate('motcua-cloud'),
        caPath: ca.caCertPath,
        clientId: 'motcua-cloud',
      });
      await cloud.connection.connect();
      await cloud.connection.subscribe(`${BASE}/status`, 1);
      await waitFor(() => cloud.messages.length === 1, 2_000, 'the retained status');
      expect(cloud.messages[0]).toEqual({
        topic: `${BASE}/status`,
        payload: JSON.stringify({ online: false, reason: 'connection_lost' }),
        retain: true,
      });
    });
  });
});
