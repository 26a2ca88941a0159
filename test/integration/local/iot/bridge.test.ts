import { mqtt } from 'aws-iot-device-sdk-v2';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AgentMessageSource, ruleSelectOutput, startRuleBridge } from '#infra/local/iot/bridge';
import type { LocalCa } from '#infra/local/iot/ca';
import {
  cleanUp,
  deviceConnection,
  onCleanUp,
  removeCa,
  temporaryCa,
  testBroker,
  waitFor,
} from './fixtures.ts';

const THING = 'motcua-an-hai-bac';
const BASE = 'motcua/son-tra/an-hai-bac';

let ca: LocalCa;
beforeAll(async () => {
  ca = await temporaryCa();
});
afterEach(cleanUp);
afterAll(() => removeCa(ca));

async function setup(onEvents: Parameters<typeof startRuleBridge>[0]['onEvents']) {
  const { broker } = await testBroker(ca);
  const errors: Array<{ error: unknown; topic: string }> = [];
  const bridge = await startRuleBridge({
    broker,
    onEvents,
    onError: (error, topic) => errors.push({ error, topic }),
  });
  onCleanUp(() => bridge.stop());
  const agent = deviceConnection({
    port: broker.port,
    identity: await ca.clientCertificate(THING),
    caPath: ca.caCertPath,
    clientId: THING,
  });
  await agent.connection.connect();
  return { broker, bridge, agent, errors };
}

describe('local rule bridge', () => {
  it("hands every ward's events and status to the handler with the ward and district", async () => {
    const calls: Array<[string, unknown, AgentMessageSource]> = [];
    const { bridge, agent } = await setup((topic, payload, source) => {
      calls.push([topic, payload, source]);
    });
    const batch = { events: [{ id: '01JMOTCUA00000000000000001', type: 'ticket_called', at: 'x' }] };
    await agent.connection.publish(`${BASE}/events`, JSON.stringify(batch), mqtt.QoS.AtLeastOnce);
    await agent.connection.publish(`${BASE}/status`, '{"online":true}', mqtt.QoS.AtLeastOnce, true);
    await waitFor(() => calls.length === 2, 2_000, 'two handler calls');
    await bridge.idle();
    expect(calls).toEqual([
      [`${BASE}/events`, batch, { district: 'son-tra', ward: 'an-hai-bac', kind: 'events' }],
      [`${BASE}/status`, { online: true }, { district: 'son-tra', ward: 'an-hai-bac', kind: 'status' }],
    ]);
  });

  it('reports a payload that is not JSON and a failing handler, and keeps going', async () => {
    let calls = 0;
    const { agent, errors } = await setup(async () => {
      calls += 1;
      if (calls === 1) throw new Error('handler failed');
    });
    await agent.connection.publish(`${BASE}/events`, '{"events":[1]}', mqtt.QoS.AtLeastOnce);
    await agent.connection.publish(`${BASE}/events`, 'not json', mqtt.QoS.AtLeastOnce);
    await agent.connection.publish(`${BASE}/events`, '{"events":[2]}', mqtt.QoS.AtLeastOnce);
    await waitFor(() => calls === 2 && errors.length === 2, 2_000, 'both errors and the second call');
    expect(errors.map((e) => (e.error as Error).message)).toEqual([
      'handler failed',
      expect.stringMatching(/JSON/),
    ]);
  });

  it('waits for handler calls in flight when stopped', async () => {
    let finished = false;
    const { bridge, agent } = await setup(async () => {
      await new Promise((done) => setTimeout(done, 300));
      finished = true;
    });
    await agent.connection.publish(`${BASE}/events`, '{"events":[]}', mqtt.QoS.AtLeastOnce);
    await new Promise((done) => setTimeout(done, 50)); // the call has started, not finished
    await bridge.stop();
    expect(finished).toBe(true);
  });

  it('shapes the payload as the IoT rule SELECT does for the Lambda', () => {
    const source = { district: 'son-tra', ward: 'an-hai-bac', kind: 'status' } as const;
    expect(ruleSelectOutput({ online: false, reason: 'connection_lost', ward: 'forged' }, source)).toEqual({
      online: false,
      reason: 'connection_lost',
      district: 'son-tra',
      ward: 'an-hai-bac',
      kind: 'status',
    });
  });
});
