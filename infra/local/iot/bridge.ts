import type { LocalBroker, ReceivedMessage } from './broker.ts';
import { CLOUD_IDENTITY } from './topic-policy.ts';

/**
 * The local stand-in for the IoT topic rules of infra/constructs/agent-ingest.ts: every
 * `events` and `status` message of every ward goes to one handler, the one the rules invoke in
 * AWS. It subscribes inside the broker's process (aedes' in-process API) rather than as an MQTT
 * client: the rules are not an MQTT client in AWS either, and this way there is no second TLS
 * connection, session or reconnect loop to keep alive. It still subscribes as `motcua-cloud`
 * through the topic policy, so it sees no more than the cloud may.
 */

/** Where a message came from, taken from its topic (which the policy pins to the sender's ward). */
export interface AgentMessageSource {
  readonly district: string;
  readonly ward: string;
  readonly kind: 'events' | 'status';
}

/** The ingest handler: receives the JSON-decoded payload of one message. */
export type AgentMessageHandler = (
  topic: string,
  payload: unknown,
  source: AgentMessageSource,
) => Promise<void> | void;

export interface RuleBridgeOptions {
  readonly broker: Pick<LocalBroker, 'subscribeAs'>;
  readonly onEvents: AgentMessageHandler;
  /** A payload that is not JSON, or a handler that failed; default: a line on stderr. */
  readonly onError?: (error: unknown, topic: string) => void;
}

export interface RuleBridge {
  /** Settles when every handler call started so far has settled. */
  idle(): Promise<void>;
  /** Unsubscribes and waits for handler calls in flight. */
  stop(): Promise<void>;
}

/** The rules' filters: every ward of every district. */
export const RULE_FILTERS = ['motcua/+/+/events', 'motcua/+/+/status'] as const;

/**
 * What the IoT rule `SELECT *, topic(2) AS district, topic(3) AS ward, topic(4) AS kind` hands
 * the ingest Lambda (infra/constructs/agent-ingest.ts): the named columns win over payload keys.
 */
export function ruleSelectOutput(payload: unknown, source: AgentMessageSource): Record<string, unknown> {
  const object = typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? payload : {};
  return { ...object, district: source.district, ward: source.ward, kind: source.kind };
}

/** Subscribes to every ward's events and status and hands each message to `onEvents`. */
export async function startRuleBridge(options: RuleBridgeOptions): Promise<RuleBridge> {
  const onError = options.onError ?? logError;
  const inFlight = new Set<Promise<void>>();

  const deliver = (message: ReceivedMessage) => {
    const [, district = '', ward = '', kind] = message.topic.split('/');
    let payload: unknown;
    try {
      payload = JSON.parse(message.payload.toString('utf8'));
    } catch (error) {
      // In AWS the rule cannot evaluate `SELECT *, …` on it either and takes its error action.
      onError(error, message.topic);
      return;
    }
    const source = { district, ward, kind: kind as AgentMessageSource['kind'] };
    // Not awaited by the broker: IoT invokes the Lambda asynchronously, and a slow handler must
    // not hold up delivery to the agents.
    const call = Promise.resolve()
      .then(() => options.onEvents(message.topic, payload, source))
      .catch((error: unknown) => onError(error, message.topic))
      .finally(() => inFlight.delete(call));
    inFlight.add(call);
  };

  const unsubscribes: Array<() => Promise<void>> = [];
  try {
    for (const filter of RULE_FILTERS)
      unsubscribes.push(await options.broker.subscribeAs(CLOUD_IDENTITY, filter, deliver));
  } catch (error) {
    await Promise.all(unsubscribes.map((unsubscribe) => unsubscribe()));
    throw error;
  }

  const idle = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await Promise.all(unsubscribes.map((unsubscribe) => unsubscribe()));
      await idle();
    })();
    return stopping;
  };
  return { idle, stop };
}

function logError(error: unknown, topic: string): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`[iot] rule bridge: ${topic}: ${message}\n`);
}
