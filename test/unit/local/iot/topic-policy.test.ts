import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allWards, districts } from '#domain/catalogue/units';
import {
  AGENT_PUBLISHES,
  AGENT_SUBSCRIBES,
  authorizeTopic,
  CLOUD_IDENTITY,
  identityOf,
  type TopicKind,
  type TopicRequest,
  thingName,
} from '#infra/local/iot/topic-policy';

/**
 * The policy stated as tables (ARCHITECTURE §4, infra/constructs/agent-policy.ts) and checked
 * against every ward × every ward × every kind × every action, plus wildcards, malformed topics
 * and random strings. (The CDK policy tests can hold the deployed policy document against
 * `authorizeTopic` the same way.)
 */

const KINDS: TopicKind[] = [...AGENT_PUBLISHES, ...AGENT_SUBSCRIBES];
const topicOf = (districtId: string, wardId: string, kind: string) =>
  `motcua/${districtId}/${wardId}/${kind}`;

type Action = { action: 'publish'; retain: boolean } | { action: 'subscribe' };
const ACTIONS: Action[] = [
  { action: 'publish', retain: false },
  { action: 'publish', retain: true },
  { action: 'subscribe' },
];
const describeAction = (a: Action) =>
  a.action === 'publish' ? `publish${a.retain ? ' retained' : ''}` : 'subscribe';

/** What a ward's thing may do on a ward's topic. */
function expectedForThing(ownWardId: string, wardId: string, kind: TopicKind, a: Action): boolean {
  if (ownWardId !== wardId) return false;
  if (a.action === 'subscribe') return kind === 'commands' || kind === 'config';
  return kind === 'status' || (kind === 'events' && !a.retain);
}

/** What the cloud may do on a ward's exact topic. */
function expectedForCloud(kind: TopicKind, a: Action): boolean {
  if (a.action === 'subscribe') return kind === 'events' || kind === 'status';
  return kind === 'config' || (kind === 'commands' && !a.retain);
}

const request = (topic: string, a: Action): TopicRequest =>
  a.action === 'publish' ? { action: 'publish', topic, retain: a.retain } : { action: 'subscribe', topic };

/** Every request whose answer differs from `expected`, so one failure names them all. */
function mismatches(
  identity: string,
  expected: (wardId: string, kind: TopicKind, a: Action) => boolean,
): string[] {
  const wrong: string[] = [];
  for (const ward of allWards) {
    for (const kind of KINDS) {
      for (const a of ACTIONS) {
        const topic = topicOf(ward.districtId, ward.id, kind);
        const allowed = authorizeTopic(identity, request(topic, a)).allowed;
        if (allowed !== expected(ward.id, kind, a)) wrong.push(`${describeAction(a)} ${topic}: ${allowed}`);
      }
    }
  }
  return wrong;
}

describe('topic policy', () => {
  describe('Function: identityOf', () => {
    it('knows every ward agent by its thing name, and the cloud', () => {
      for (const ward of allWards) {
        expect(identityOf(thingName(ward.id))).toEqual({
          kind: 'thing',
          name: `motcua-${ward.id}`,
          wardId: ward.id,
          districtId: ward.districtId,
        });
      }
      expect(identityOf(CLOUD_IDENTITY)).toEqual({ kind: 'cloud', name: 'motcua-cloud' });
    });

    it.each([
      '',
      'motcua-',
      'motcua-nowhere',
      'hai-chau-i',
      'MOTCUA-hai-chau-i',
      'motcua-cloud ',
      'motcua-hai-chau',
    ])('knows nobody called %j', (name) => {
      expect(identityOf(name)).toBeUndefined();
    });
  });

  describe('Function: authorizeTopic — ward agents', () => {
    it.each(allWards.map((w) => [w.id, w] as const))(
      '%s publishes its events and status and subscribes its commands and config, nothing of any other ward',
      (_, own) => {
        expect(
          mismatches(thingName(own.id), (wardId, kind, a) => expectedForThing(own.id, wardId, kind, a)),
        ).toEqual([]);
      },
    );

    it('refuses every wildcard filter, even one that would match only its own topics', () => {
      const own = topicOf('hai-chau', 'hai-chau-i', '');
      const filters = [
        'motcua/hai-chau/hai-chau-i/+',
        'motcua/hai-chau/hai-chau-i/#',
        'motcua/hai-chau/+/commands',
        'motcua/+/hai-chau-i/commands',
        'motcua/+/+/commands',
        'motcua/#',
        '#',
        '+/+/+/+',
        `${own}#`,
      ];
      for (const topic of filters) {
        expect(authorizeTopic('motcua-hai-chau-i', { action: 'subscribe', topic }).allowed, topic).toBe(
          false,
        );
        expect(authorizeTopic('motcua-hai-chau-i', { action: 'publish', topic }).allowed, topic).toBe(false);
      }
    });

    it("refuses its own ward under another district's name, and malformed variants of its topics", () => {
      const topics = [
        'motcua/son-tra/hai-chau-i/events',
        'motcua/hai-chau/hai-chau-i/events/',
        '/motcua/hai-chau/hai-chau-i/events',
        'motcua/hai-chau/hai-chau-i/events/x',
        'motcua/hai-chau/hai-chau-i//events',
        'motcua/hai-chau//hai-chau-i/events',
        'Motcua/hai-chau/hai-chau-i/events',
        'motcua/hai-chau/hai-chau-i/EVENTS',
        'motcua/hai-chau/hai-chau-i/event',
        'motcua/hai-chau/hai-chau-i',
        '$aws/things/motcua-hai-chau-i/shadow/update',
        '$SYS/broker/clients',
        '',
      ];
      for (const topic of topics) {
        for (const a of ACTIONS) {
          expect(
            authorizeTopic('motcua-hai-chau-i', request(topic, a)).allowed,
            `${describeAction(a)} ${topic}`,
          ).toBe(false);
        }
      }
    });

    it('says why it refuses', () => {
      expect(
        authorizeTopic('motcua-hai-chau-i', {
          action: 'publish',
          topic: 'motcua/hai-chau/thach-thang/events',
        }),
      ).toEqual({
        allowed: false,
        reason: expect.stringContaining('motcua/hai-chau/hai-chau-i/events'),
      });
      expect(
        authorizeTopic('motcua-hai-chau-i', {
          action: 'publish',
          topic: 'motcua/hai-chau/hai-chau-i/events',
          retain: true,
        }),
      ).toEqual({ allowed: false, reason: 'events may not be retained' });
    });
  });

  describe('Function: authorizeTopic — the cloud', () => {
    it("publishes every ward's commands (not retained) and config, subscribes every ward's events and status", () => {
      expect(mismatches(CLOUD_IDENTITY, (_, kind, a) => expectedForCloud(kind, a))).toEqual([]);
    });

    it("subscribes with the IoT rules' filters: all wards, or one district's wards", () => {
      for (const kind of AGENT_PUBLISHES) {
        expect(
          authorizeTopic(CLOUD_IDENTITY, { action: 'subscribe', topic: `motcua/+/+/${kind}` }).allowed,
        ).toBe(true);
        for (const district of districts) {
          const topic = `motcua/${district.id}/+/${kind}`;
          expect(authorizeTopic(CLOUD_IDENTITY, { action: 'subscribe', topic }).allowed, topic).toBe(true);
        }
      }
    });

    it('refuses other filters and topics', () => {
      const subscribes = [
        'motcua/+/+/commands',
        'motcua/+/+/config',
        'motcua/+/+/+',
        'motcua/+/+/#',
        'motcua/#',
        '#',
        'motcua/+/hai-chau-i/events',
        'motcua/nowhere/+/events',
        'motcua/son-tra/hai-chau-i/events',
        'motcua/hai-chau/nowhere/status',
        '$SYS/#',
      ];
      for (const topic of subscribes) {
        expect(authorizeTopic(CLOUD_IDENTITY, { action: 'subscribe', topic }).allowed, topic).toBe(false);
      }
      const publishes = [
        'motcua/son-tra/hai-chau-i/commands',
        'motcua/hai-chau/nowhere/config',
        'motcua/+/+/commands',
        'motcua/hai-chau/+/config',
        'motcua/hai-chau/hai-chau-i/commands/x',
        'motcua/hai-chau/hai-chau-i/shadow',
      ];
      for (const topic of publishes) {
        expect(authorizeTopic(CLOUD_IDENTITY, { action: 'publish', topic }).allowed, topic).toBe(false);
      }
    });
  });

  describe('Function: authorizeTopic — anyone else', () => {
    it.each(['motcua-nowhere', 'hai-chau-i', '', 'admin', 'motcua-cloud2'])(
      'allows %j nothing',
      (identity) => {
        for (const ward of allWards) {
          for (const kind of KINDS) {
            for (const a of ACTIONS) {
              expect(
                authorizeTopic(identity, request(topicOf(ward.districtId, ward.id, kind), a)).allowed,
              ).toBe(false);
            }
          }
        }
        expect(authorizeTopic(identity, { action: 'subscribe', topic: '#' }).allowed).toBe(false);
      },
    );
  });

  describe('property: nothing outside the tables is ever allowed', () => {
    const level = fc.oneof(
      fc.constantFrom(
        'motcua',
        '+',
        '#',
        '',
        ...districts.map((d) => d.id),
        ...allWards.map((w) => w.id),
        ...KINDS,
      ),
      fc.string({ maxLength: 12 }),
    );
    const topic = fc.array(level, { minLength: 1, maxLength: 6 }).map((levels) => levels.join('/'));
    const identity = fc.oneof(
      fc.constantFrom(CLOUD_IDENTITY, ...allWards.map((w) => thingName(w.id))),
      fc.string({ maxLength: 20 }),
    );
    const action = fc.constantFrom<Action>(...ACTIONS);

    it('allows a request only when the tables above do', () => {
      fc.assert(
        fc.property(identity, topic, action, (who, t, a) => {
          const allowed = authorizeTopic(who, request(t, a)).allowed;
          expect(allowed).toBe(expectedAnywhere(who, t, a));
        }),
        { numRuns: 20_000 },
      );
    });
  });
});

/** The tables, for any topic string: exact ward topics, plus the cloud's rule filters. */
function expectedAnywhere(who: string, topic: string, a: Action): boolean {
  const levels = topic.split('/');
  if (levels.length !== 4 || levels[0] !== 'motcua') return false;
  const [, districtId, wardId, kind] = levels as [string, string, string, string];
  if (!(KINDS as string[]).includes(kind)) return false;
  const k = kind as TopicKind;
  if (who === CLOUD_IDENTITY) {
    if (a.action === 'subscribe' && (k === 'events' || k === 'status')) {
      if (districtId === '+' && wardId === '+') return true;
      if (districts.some((d) => d.id === districtId) && wardId === '+') return true;
    }
    const ward = allWards.find((w) => w.id === wardId && w.districtId === districtId);
    return ward !== undefined && expectedForCloud(k, a);
  }
  const own = allWards.find((w) => thingName(w.id) === who);
  const ward = allWards.find((w) => w.id === wardId && w.districtId === districtId);
  return own !== undefined && ward !== undefined && expectedForThing(own.id, ward.id, k, a);
}
