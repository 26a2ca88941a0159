import { findDistrict, findWard } from '#domain/catalogue/units';

/**
 * Who may use which MQTT topic: the local broker's rendering of the ward agent IoT policy
 * (infra/constructs/agent-policy.ts, ARCHITECTURE §4). Pure, so it can be tested exhaustively
 * and the CDK policy tests can check the deployed policy against the same answers.
 *
 * IoT Core matches a subscription's topic filter against the policy's `topicfilter/…` resource
 * literally: an agent allowed `motcua/d/w/commands` may not subscribe to `motcua/d/+/commands`.
 * The rule below does the same: a thing's filters must be exactly its own topics.
 */

/** Client id and certificate CN of the local stand-in for the IoT rules and data-plane Publish. */
export const CLOUD_IDENTITY = 'motcua-cloud';

/** Prefix of every ward agent's thing name (`motcua-<wardId>`). */
export const THING_PREFIX = 'motcua-';

/** The topic kinds of ARCHITECTURE §4, by direction. */
export const AGENT_PUBLISHES = ['events', 'status'] as const;
export const AGENT_SUBSCRIBES = ['commands', 'config'] as const;
export type TopicKind = (typeof AGENT_PUBLISHES)[number] | (typeof AGENT_SUBSCRIBES)[number];

/** Which identity: a ward's thing, the cloud, or nobody we know. */
export type Identity =
  | { readonly kind: 'thing'; readonly name: string; readonly wardId: string; readonly districtId: string }
  | { readonly kind: 'cloud'; readonly name: typeof CLOUD_IDENTITY };

/** One operation to judge: publishing a topic, or subscribing to a filter. */
export interface TopicRequest {
  readonly action: 'publish' | 'subscribe';
  /** A topic name for publish, a topic filter for subscribe. */
  readonly topic: string;
  /** Publish only: the retain flag (a last will's too). */
  readonly retain?: boolean;
}

/** Allowed, or refused with a reason for the log. */
export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

/** `motcua-<wardId>`. */
export function thingName(wardId: string): string {
  return `${THING_PREFIX}${wardId}`;
}

/** The identity a certificate CN (= client id) stands for, or undefined for an unknown one. */
export function identityOf(name: string): Identity | undefined {
  if (name === CLOUD_IDENTITY) return { kind: 'cloud', name: CLOUD_IDENTITY };
  if (!name.startsWith(THING_PREFIX)) return undefined;
  const ward = findWard(name.slice(THING_PREFIX.length));
  return ward ? { kind: 'thing', name, wardId: ward.id, districtId: ward.districtId } : undefined;
}

/** Whether `identityName` (certificate CN) may publish or subscribe to `request.topic`. */
export function authorizeTopic(identityName: string, request: TopicRequest): Decision {
  const identity = identityOf(identityName);
  if (!identity) return deny(`${identityName} is neither a ward agent nor the cloud`);
  return identity.kind === 'thing' ? authorizeThing(identity, request) : authorizeCloud(request);
}

function authorizeThing(thing: Extract<Identity, { kind: 'thing' }>, request: TopicRequest): Decision {
  const own = (kind: TopicKind) => `motcua/${thing.districtId}/${thing.wardId}/${kind}`;
  if (request.action === 'publish') {
    if (request.topic === own('status')) return allow;
    if (request.topic === own('events')) {
      // The policy grants iot:RetainPublish on status only: a retained batch would be replayed
      // to every new subscriber.
      return request.retain ? deny('events may not be retained') : allow;
    }
    return deny(`${thing.name} may publish only ${own('events')} and ${own('status')}`);
  }
  if (request.topic === own('commands') || request.topic === own('config')) return allow;
  return deny(`${thing.name} may subscribe only to ${own('commands')} and ${own('config')}`);
}

function authorizeCloud(request: TopicRequest): Decision {
  const levels = request.topic.split('/');
  if (levels.length !== 4 || levels[0] !== 'motcua')
    return deny('not a motcua/<district>/<ward>/<kind> topic');
  const [, district = '', ward = '', kind = ''] = levels;
  if (request.action === 'publish') {
    if (!isWardOf(district, ward)) return deny(`${ward} is not a ward of ${district}`);
    if (kind === 'config') return allow;
    if (kind === 'commands') {
      // A retained command would reach the agent again on every reconnect.
      return request.retain ? deny('commands may not be retained') : allow;
    }
    return deny('the cloud publishes only commands and config');
  }
  if (!(AGENT_PUBLISHES as readonly string[]).includes(kind)) {
    return deny('the cloud subscribes only to events and status');
  }
  // What the IoT rules select: every ward (`+/+`), one district's wards (`<d>/+`), or one ward.
  if (district === '+' && ward === '+') return allow;
  if (findDistrict(district) && (ward === '+' || isWardOf(district, ward))) return allow;
  return deny(`${district}/${ward} names no district or ward`);
}

function isWardOf(districtId: string, wardId: string): boolean {
  return findWard(wardId)?.districtId === districtId;
}

const allow: Decision = { allowed: true };

function deny(reason: string): Decision {
  return { allowed: false, reason };
}
