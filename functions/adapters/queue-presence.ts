import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Ward } from '#domain/catalogue/units';
import type { AgentPresence } from '#domain/queue/agent-presence';
import { districtTable, documentClient } from './dynamodb.ts';
import { agentStatusKey } from './queue-keys.ts';

/**
 * Records what the agent's latest status said, unless a later one is stored already (IoT
 * invokes the ingest asynchronously, and a retried invocation may come after a newer one). An
 * offline status leaves the last known outbox depth and devices in place.
 */
export async function recordPresence(ward: Ward, presence: AgentPresence): Promise<'stored' | 'stale'> {
  const names: Record<string, string> = { '#online': 'online', '#seen': 'lastSeenAt', '#ward': 'wardId' };
  const values: Record<string, unknown> = {
    ':online': presence.online,
    ':seen': presence.lastSeenAt,
    ':ward': ward.id,
  };
  const sets = ['#online = :online', '#seen = :seen', '#ward = :ward'];
  const removes: string[] = [];
  if (presence.outboxDepth !== undefined) {
    names['#depth'] = 'outboxDepth';
    values[':depth'] = presence.outboxDepth;
    sets.push('#depth = :depth');
  }
  if (presence.devices !== undefined) {
    names['#devices'] = 'devices';
    values[':devices'] = presence.devices;
    sets.push('#devices = :devices');
  }
  names['#reason'] = 'reason';
  if (presence.reason) {
    values[':reason'] = presence.reason;
    sets.push('#reason = :reason');
  } else {
    removes.push('#reason');
  }
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: districtTable(ward.districtId),
        Key: agentStatusKey(ward.id),
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        // Local ISO strings of one offset sort in time order.
        ConditionExpression: 'attribute_not_exists(#seen) OR #seen <= :seen',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
    return 'stored';
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return 'stale';
    throw error;
  }
}

/** The agent's last known presence, or undefined when it has never reported. */
export async function findPresence(ward: Ward): Promise<AgentPresence | undefined> {
  const out = await documentClient().send(
    new GetCommand({ TableName: districtTable(ward.districtId), Key: agentStatusKey(ward.id) }),
  );
  const item = out.Item;
  if (!item) return undefined;
  return {
    online: item.online === true,
    lastSeenAt: String(item.lastSeenAt),
    ...(item.outboxDepth !== undefined ? { outboxDepth: Number(item.outboxDepth) } : {}),
    ...(Array.isArray(item.devices) ? { devices: item.devices as AgentPresence['devices'] } : {}),
    ...(item.reason ? { reason: item.reason as AgentPresence['reason'] } : {}),
  };
}
