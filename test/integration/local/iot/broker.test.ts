import { mqtt } from 'aws-iot-device-sdk-v2';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCa } from '#infra/local/iot/ca';
import {
  cleanUp,
  deviceConnection,
  onCleanUp,
  recordAs,
  removeCa,
  sleep,
  temporaryCa,
  testBroker,
  waitFor,
} from './fixtures.ts';

const A = { thing: 'motcua-hai-chau-i', base: 'motcua/hai-chau/hai-chau-i' };
/** Same district as A: the closest neighbour a leaked policy would expose. */
const B = { thing: 'motcua-thach-thang', base: 'motcua/hai-chau/thach-thang' };

let ca: LocalCa;
beforeAll(async () => {
  ca = await temporaryCa();
});
afterEach(cleanUp);
afterAll(() => removeCa(ca));

describe('local IoT broker (aedes over mutual TLS)', () => {
  it('takes a batch from a thing with PUBACK and hands it to in-process subscribers', async () => {
    const { broker } = await testBroker(ca);
    const seen = await recordAs(broker, 'motcua/+/+/events');
    const agent = deviceConnection({
      port: broker.port,
      identity: await ca.clientCertificate(A.thing),
      caPath: ca.caCertPath,
      clientId: A.thing,
    });
    await agent.connection.connect();
    const batch = { events: [{ id: '01JMOTCUA00000000000000001', type: 'ticket_issued', at: 'x' }] };
    const ack = await agent.connection.publish(
      `${A.base}/events`,
      JSON.stringify(batch),
      mqtt.QoS.AtLeastOnce,
    );
    expect(ack.packet_id).toBeGreaterThan(0);
    await waitFor(() => seen.length === 1, 2_000, 'the batch');
    expect(seen[0]?.topic).toBe(`${A.base}/events`);
    expect(JSON.parse(seen[0]?.payload.toString() ?? '')).toEqual(batch);
  });

  it("refuses ward A's certificate on ward B's topics: SUBACK 128, and a publish is dropped", async () => {
    const { broker, denials } = await testBroker(ca);
    const seen = await recordAs(broker, 'motcua/+/+/events');
    const agent = deviceConnection({
      port: broker.port,
      identity: await ca.clientCertificate(A.thing),
      caPath: ca.caCertPath,
      clientId: A.thing,
    });
    await agent.connection.connect();

    for (const kind of ['commands', 'config']) {
      const refused = await agent.connection.subscribe(`${B.base}/${kind}`, mqtt.QoS.AtLeastOnce);
      expect(refused.qos).toBe(128);
    }
    const wildcard = await agent.connection.subscribe('motcua/hai-chau/+/commands', mqtt.QoS.AtLeastOnce);
    expect(wildcard.qos).toBe(128);
    const own = await agent.connection.subscribe(`${A.base}/commands`, mqtt.QoS.AtLeastOnce);
    expect(own.qos).toBe(1);

    // IoT Core (MQTT 3.1.1) answers an unauthorised publish by closing the connection.
    const publish = agent.connection.publish(`${B.base}/events`, '{"events":[]}', mqtt.QoS.AtLeastOnce);
    publish.catch(() => {});
    await agent.interrupted;
    await sleep(100);
    expect(seen).toEqual([]);
    expect(denials.map((d) => [d.what, d.identity, d.topic])).toEqual([
      ['subscribe', A.thing, `${B.base}/commands`],
      ['subscribe', A.thing, `${B.base}/config`],
      ['subscribe', A.thing, 'motcua/hai-chau/+/commands'],
      ['publish', A.thing, `${B.base}/events`],
    ]);
  });

  it("refuses a thing publishing ward B's status, and a retained events batch", async () => {
    const { broker } = await testBroker(ca);
    // Everything the broker delivers, policy or not (its own $SYS traffic aside).
    const seen: string[] = [];
    broker.aedes.on('publish', (packet) => {
      if (!packet.topic.startsWith('$SYS')) seen.push(packet.topic);
    });
    const closing: Promise<void>[] = [];
    for (const [topic, retain] of [
      [`${B.base}/status`, true],
      [`${A.base}/events`, true],
      [`${A.base}/commands`, false],
    ] as const) {
      const agent = deviceConnection({
        port: broker.port,
        identity: await ca.clientCertificate(A.thing),
        caPath: ca.caCertPath,
        clientId: A.thing,
      });
      await agent.connection.connect();
      agent.connection.publish(topic, '{}', mqtt.QoS.AtLeastOnce, retain).catch(() => {});
      await agent.interrupted;
      // Not awaited (it waits for the SDK's next reconnect tick), but it stops that reconnect.
      closing.push(agent.connection.disconnect());
    }
    await Promise.all(closing);
    expect(seen).toEqual([]);
  });

  it("refuses a client whose client id is not its certificate's CN", async () => {
    const { broker, denials } = await testBroker(ca);
    const impostor = deviceConnection({
      port: broker.port,
      identity: await ca.clientCertificate(A.thing),
      caPath: ca.caCertPath,
      clientId: B.thing,
    });
    await expect(impostor.connection.connect()).rejects.toBeDefined();
    expect(denials).toEqual([
      expect.objectContaining({
        what: 'connect',
        identity: A.thing,
        reason: expect.stringMatching(/client id/),
      }),
    ]);
  });

  it("refuses a connection whose last will is on another ward's status", async () => {
    const { broker, denials } = await testBroker(ca);
    const agent = deviceConnection({
      port: broker.port,
      identity: await ca.clientCertificate(A.thing),
      caPath: ca.caCertPath,
      clientId: A.thing,
      will: new mqtt.MqttWill(`${B.base}/status`, mqtt.QoS.AtLeastOnce, '{"online":false}', true),
    });
    await expect(agent.connection.connect()).rejects.toBeDefined();
    expect(denials[0]?.reason).toMatch(/last will/);
  });

  it('refuses a certificate of this CA that names no ward', async () => {
    const { broker, denials } = await testBroker(ca);
    const stranger = deviceConnection({
      port: broker.port,
      identity: await ca.clientCertificate('motcua-nowhere'),
      caPath: ca.caCertPath,
      clientId: 'motcua-nowhere',
    });
    await expect(stranger.connection.connect()).rejects.toBeDefined();
    expect(denials[0]).toMatchObject({ what: 'connect', identity: 'motcua-nowhere' });
  });

  it('refuses a client without a certificate at the TLS handshake', async () => {
    const { broker, denials } = await testBroker(ca);
    const anonymous = deviceConnection({ port: broker.port, caPath: ca.caCertPath, clientId: A.thing });
    await expect(anonymous.connection.connect()).rejects.toBeDefined();
    await waitFor(() => denials.some((d) => d.what === 'handshake'), 2_000, 'the handshake refusal');
    expect(broker.aedes.connectedClients).toBe(0);
  });

  it('refuses a certificate from another CA at the TLS handshake, whatever its CN', async () => {
    const { broker, denials } = await testBroker(ca);
    const otherCa = await temporaryCa();
    onCleanUp(() => removeCa(otherCa));
    const forged = deviceConnection({
      port: broker.port,
      identity: await otherCa.clientCertificate(A.thing),
      caPath: ca.caCertPath,
      clientId: A.thing,
    });
    await expect(forged.connection.connect()).rejects.toBeDefined();
    await waitFor(() => denials.some((d) => d.what === 'handshake'), 2_000, 'the handshake refusal');
    expect(broker.aedes.connectedClients).toBe(0);
  });

  it("lets motcua-cloud subscribe to every ward's status (retained) but not publish events", async () => {
    const { broker } = await testBroker(ca);
    const agent = deviceConnection({
      port: broker.port,
      identity: await ca.clientCertificate(A.thing),
      caPath: ca.caCertPath,
      clientId: A.thing,
    });
    await agent.connection.connect();
    await agent.connection.publish(`${A.base}/status`, '{"online":true}', mqtt.QoS.AtLeastOnce, true);

    const cloud = deviceConnection({
      port: broker.port,
      identity: await ca.clientCertificate('motcua-cloud'),
      caPath: ca.caCertPath,
      clientId: 'motcua-cloud',
    });
    await cloud.connection.connect();
    expect((await cloud.connection.subscribe('motcua/+/+/status', mqtt.QoS.AtLeastOnce)).qos).toBe(1);
    expect((await cloud.connection.subscribe('motcua/+/+/commands', mqtt.QoS.AtLeastOnce)).qos).toBe(128);
    await waitFor(() => cloud.messages.length === 1, 2_000, 'the retained status');
    expect(cloud.messages[0]).toEqual({
      topic: `${A.base}/status`,
      payload: '{"online":true}',
      retain: true,
    });

    cloud.connection.publish(`${A.base}/events`, '{"events":[]}', mqtt.QoS.AtLeastOnce).catch(() => {});
    await cloud.interrupted;
  });

  it('checks in-process publishers and subscribers against the same policy', async () => {
    const { broker } = await testBroker(ca);
    await expect(
      broker.publishAs('motcua-cloud', { topic: `${A.base}/events`, payload: '{}', qos: 1, retain: false }),
    ).rejects.toThrow(/may not publish/);
    await expect(broker.subscribeAs('motcua-cloud', 'motcua/#', () => {})).rejects.toThrow(
      /may not subscribe/,
    );
    await expect(
      broker.publishAs('motcua-cloud', { topic: `${A.base}/config`, payload: '{}', qos: 1, retain: true }),
    ).resolves.toBeUndefined();
  });

  it('stops with clients connected, freeing its port', async () => {
    const { broker } = await testBroker(ca);
    const agent = deviceConnection({
      port: broker.port,
      identity: await ca.clientCertificate(A.thing),
      caPath: ca.caCertPath,
      clientId: A.thing,
    });
    await agent.connection.connect();
    await broker.stop();
    await agent.interrupted;
    const again = await testBroker(ca, broker.port);
    expect(again.broker.port).toBe(broker.port);
    onCleanUp(() => again.broker.stop());
  });
});
