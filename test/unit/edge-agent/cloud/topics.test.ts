import { describe, expect, it } from 'vitest';
import { allWards } from '#domain/catalogue/units';
import { parseEndpoint } from '../../../../edge-agent/src/cloud/cloud-link.ts';
import {
  AgentStatus,
  EventBatch,
  parseWardTopic,
  TOPIC_SPECS,
  thingNameOf,
  wardTopics,
} from '../../../../edge-agent/src/cloud/topics.ts';

const ward = { id: 'hai-chau-i', districtId: 'hai-chau' };

describe('cloud topics', () => {
  it("names a ward's thing and its four topics", () => {
    expect(thingNameOf(ward)).toBe('motcua-hai-chau-i');
    expect(wardTopics(ward)).toEqual({
      events: 'motcua/hai-chau/hai-chau-i/events',
      commands: 'motcua/hai-chau/hai-chau-i/commands',
      config: 'motcua/hai-chau/hai-chau-i/config',
      status: 'motcua/hai-chau/hai-chau-i/status',
    });
  });

  it('retains config and status only, and sends events and status up', () => {
    expect(TOPIC_SPECS).toEqual({
      events: { direction: 'up', retain: false },
      commands: { direction: 'down', retain: false },
      config: { direction: 'down', retain: true },
      status: { direction: 'up', retain: true },
    });
  });

  it('parses back every topic of every ward, and nothing else', () => {
    for (const w of allWards) {
      for (const [kind, topic] of Object.entries(wardTopics(w))) {
        expect(parseWardTopic(topic)).toEqual({ districtId: w.districtId, id: w.id, kind });
      }
    }
    for (const topic of [
      'motcua/hai-chau/hai-chau-i',
      'motcua/hai-chau/hai-chau-i/events/x',
      'motcua/+/hai-chau-i/events',
      'motcua/hai-chau/#/events',
      'motcua/hai-chau/hai-chau-i/shadow',
      'other/hai-chau/hai-chau-i/events',
      'motcua//hai-chau-i/events',
    ]) {
      expect(parseWardTopic(topic), topic).toBeUndefined();
    }
  });

  describe('payloads', () => {
    it('take an online status and both kinds of offline status', () => {
      const online = {
        online: true,
        outboxDepth: 0,
        devices: { kiosk: { online: false, detail: 'no paper' } },
        at: 'x',
      };
      expect(AgentStatus.parse(online)).toEqual(online);
      expect(AgentStatus.parse({ online: false, reason: 'connection_lost' })).toMatchObject({
        online: false,
      });
      expect(AgentStatus.parse({ online: false, reason: 'stopped', at: 'x' })).toMatchObject({
        reason: 'stopped',
      });
      expect(AgentStatus.safeParse({ online: true, at: 'x' }).success).toBe(false);
      expect(AgentStatus.safeParse({ online: false, reason: 'tired' }).success).toBe(false);
    });

    it('take a batch of events that each carry a ULID, a type and a time', () => {
      const event = { id: '01JMOTCUA00000000000000001', type: 'ticket_issued', at: 'x', number: 'B001' };
      expect(EventBatch.parse({ events: [event] })).toEqual({ events: [event] });
      expect(EventBatch.safeParse({ events: [] }).success).toBe(false);
      expect(EventBatch.safeParse({ events: [{ ...event, id: 'short' }] }).success).toBe(false);
    });
  });

  describe('Function: parseEndpoint', () => {
    it('splits host:port, IPv6 in brackets', () => {
      expect(parseEndpoint('127.0.0.1:8883')).toEqual({ host: '127.0.0.1', port: 8883 });
      expect(parseEndpoint('abc-ats.iot.ap-southeast-1.amazonaws.com:8883')).toMatchObject({ port: 8883 });
      expect(parseEndpoint('[::1]:8883')).toEqual({ host: '::1', port: 8883 });
    });

    it.each(['127.0.0.1', 'host:', ':8883', 'host:0', 'host:70000', '::1:8883', 'mqtts://host:8883'])(
      'refuses %j',
      (endpoint) => {
        expect(() => parseEndpoint(endpoint)).toThrow(/host:port/);
      },
    );
  });
});
