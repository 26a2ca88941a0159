import { IoTDataPlaneClient, PublishCommand } from '@aws-sdk/client-iot-data-plane';
import { mqtt } from 'aws-iot-device-sdk-v2';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCa } from '#infra/local/iot/ca';
import { MAX_PAYLOAD_BYTES, startDataPlaneServer } from '#infra/local/iot/data-plane';
import {
  cleanUp,
  deviceConnection,
  onCleanUp,
  removeCa,
  temporaryCa,
  testBroker,
  waitFor,
} from './fixtures.ts';

/**
 * Through @aws-sdk/client-iot-data-plane's own PublishCommand where it can say it, and with
 * fetch, built as that command serialises (restJson1: POST, the topic as one path segment with
 * '/' as %2F, `qos` and `retain` in the query, an application/octet-stream body), for what it
 * cannot: other methods and paths, malformed query values. Errors are read the SDK's way, by
 * the `x-amzn-ErrorType` header.
 */
const THING = 'motcua-hai-chau-i';
const BASE = 'motcua/hai-chau/hai-chau-i';

let ca: LocalCa;
beforeAll(async () => {
  ca = await temporaryCa();
});
afterEach(cleanUp);
afterAll(() => removeCa(ca));

async function setup() {
  const { broker } = await testBroker(ca);
  const dataPlane = await startDataPlaneServer({ broker });
  onCleanUp(() => dataPlane.stop());
  const publish = (topic: string, body: string | Buffer, query = '?qos=1&retain=false', method = 'POST') =>
    fetch(`${dataPlane.endpoint}/topics/${encodeURIComponent(topic)}${query}`, {
      method,
      headers: { 'content-type': 'application/octet-stream' },
      body: method === 'POST' ? body : undefined,
    });
  const client = new IoTDataPlaneClient({
    endpoint: dataPlane.endpoint,
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, // not checked locally
    maxAttempts: 1,
  });
  onCleanUp(async () => client.destroy());
  return { broker, dataPlane, publish, client };
}

async function agentOf(port: number) {
  const agent = deviceConnection({
    port,
    identity: await ca.clientCertificate(THING),
    caPath: ca.caCertPath,
    clientId: THING,
  });
  await agent.connection.connect();
  return agent;
}

describe('local IoT data-plane Publish', () => {
  it("delivers the SDK's PublishCommand to the ward agent subscribed to the topic", async () => {
    const { broker, client } = await setup();
    const agent = await agentOf(broker.port);
    await agent.connection.subscribe(`${BASE}/commands`, mqtt.QoS.AtLeastOnce);
    const command = { id: 'c-1', type: 'call_next', counter: 2, expiresAt: '2030-01-01T00:00:00+07:00' };
    const output = await client.send(
      new PublishCommand({
        topic: `${BASE}/commands`,
        qos: 1,
        retain: false,
        payload: Buffer.from(JSON.stringify(command)),
      }),
    );
    expect(output.$metadata.httpStatusCode).toBe(200);
    await waitFor(() => agent.messages.length === 1, 2_000, 'the command');
    expect(agent.messages[0]).toEqual({
      topic: `${BASE}/commands`,
      payload: JSON.stringify(command),
      retain: false,
    });
  });

  it('retains config for an agent that subscribes later', async () => {
    const { broker, client } = await setup();
    await client.send(
      new PublishCommand({
        topic: `${BASE}/config`,
        qos: 1,
        retain: true,
        payload: Buffer.from('{"fields":[]}'),
      }),
    );
    const agent = await agentOf(broker.port);
    await agent.connection.subscribe(`${BASE}/config`, mqtt.QoS.AtLeastOnce);
    await waitFor(() => agent.messages.length === 1, 2_000, 'the retained config');
    expect(agent.messages[0]).toEqual({ topic: `${BASE}/config`, payload: '{"fields":[]}', retain: true });
  });

  it.each([
    ['events of a ward (the agents speak for themselves)', `${BASE}/events`, '?qos=1&retain=false'],
    ['a retained command', `${BASE}/commands`, '?qos=1&retain=true'],
    ['a ward under the wrong district', 'motcua/son-tra/hai-chau-i/commands', '?qos=1'],
    ['a wildcard', 'motcua/hai-chau/+/commands', '?qos=1'],
    ['a topic outside motcua/', '$aws/things/x/shadow/update', '?qos=1'],
  ])('refuses %s with 403 ForbiddenException', async (_, topic, query) => {
    const { publish, client } = await setup();
    const response = await publish(topic, '{}', query);
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('ForbiddenException');
    expect(await response.json()).toEqual({ message: expect.stringMatching(/may not publish/) });
    const retain = query.includes('retain=true');
    await expect(
      client.send(new PublishCommand({ topic, qos: 1, retain, payload: Buffer.from('{}') })),
    ).rejects.toMatchObject({
      name: 'ForbiddenException',
      message: expect.stringMatching(/may not publish/),
    });
  });

  it('answers bad requests the way IoT Core does', async () => {
    const { dataPlane, publish } = await setup();
    const qos2 = await publish(`${BASE}/commands`, '{}', '?qos=2');
    expect([qos2.status, qos2.headers.get('x-amzn-errortype')]).toEqual([400, 'InvalidRequestException']);
    const retain = await publish(`${BASE}/commands`, '{}', '?qos=1&retain=yes');
    expect(retain.status).toBe(400);
    const large = await publish(`${BASE}/config`, Buffer.alloc(MAX_PAYLOAD_BYTES + 1), '?qos=1&retain=true');
    expect([large.status, large.headers.get('x-amzn-errortype')]).toEqual([
      413,
      'RequestEntityTooLargeException',
    ]);
    const get = await publish(`${BASE}/commands`, '', '?qos=1', 'GET');
    expect(get.status).toBe(405);
    const elsewhere = await fetch(`${dataPlane.endpoint}/things/x/shadow`, { method: 'POST', body: '{}' });
    expect(elsewhere.status).toBe(404);
  });
});
