import { type IngestReport, ingestAgentMessage } from '#adapters/queue-ingest';
import { agentMessageOf } from '#domain/queue/agent-message';

/**
 * The IoT topic rule's target: `events` batches and `status` of every ward agent, as the rule's
 * `SELECT *, topic(2) AS district, topic(3) AS ward, topic(4) AS kind` delivers them.
 * Events are stored idempotently on their id and folded into the day in the same transaction
 * (adapters/queue-events.ts), so QoS 1 redeliveries and outbox replays never count twice.
 */
export const handler = async (message: unknown): Promise<IngestReport> =>
  ingestAgentMessage(message, new Date());

/**
 * The same for one MQTT message, for the local rule bridge: `topic` is
 * `motcua/<district>/<ward>/events|status` and `payload` its JSON-decoded body.
 */
export async function ingest(topic: string, payload: unknown): Promise<IngestReport> {
  const message = agentMessageOf(topic, payload);
  if (!message) return ingestAgentMessage({}, new Date());
  return ingestAgentMessage(message, new Date());
}
