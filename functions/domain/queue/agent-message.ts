import * as z from 'zod';
import { parseWardTopic } from '../../../edge-agent/src/cloud/topics.ts';
import { findWard, type Ward } from '../catalogue/units.ts';

/**
 * What the IoT rule hands the ingest Lambda: the message's JSON with the topic's parts added
 * (`SELECT *, topic(2) AS district, topic(3) AS ward, topic(4) AS kind FROM 'motcua/+/+/+'`).
 * The agent's IoT policy pins the topic to its own ward, so the ward comes from there and never
 * from what the agent wrote in the payload.
 */
export const AgentMessage = z.looseObject({
  district: z.string().min(1).max(64),
  ward: z.string().min(1).max(64),
  kind: z.enum(['events', 'status']),
});
export type AgentMessage = z.infer<typeof AgentMessage>;

/** The rule's output for a message on `topic`, as the local rule bridge sees it. */
export function agentMessageOf(topic: string, payload: unknown): AgentMessage | undefined {
  const parts = parseWardTopic(topic);
  if (!parts || (parts.kind !== 'events' && parts.kind !== 'status')) return undefined;
  const body = typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? payload : {};
  // The topic's parts win over same-named keys in the payload, as `SELECT *, … AS ward` does.
  return { ...body, district: parts.districtId, ward: parts.id, kind: parts.kind };
}

/** The ward a message is from, or undefined when its topic names no ward of ours. */
export function wardOfMessage(message: AgentMessage): Ward | undefined {
  const ward = findWard(message.ward);
  return ward && ward.districtId === message.district ? ward : undefined;
}
