import type { Ward } from '#domain/catalogue/units';
import type { Command } from '../../edge-agent/src/cloud/commands.ts';
import { wardTopics } from '../../edge-agent/src/cloud/topics.ts';
import { publishJson } from './iot-data.ts';

/**
 * Sends a command to the ward's agent on its `commands` topic (QoS 1, not retained: a retained
 * command would be carried out again by every reconnect). Accepted by IoT Core is all this
 * knows; the agent drops it when expired or seen (edge-agent/src/cloud/commands.ts).
 */
export async function publishCommand(ward: Ward, command: Command): Promise<void> {
  await publishJson(wardTopics(ward).commands, command, { retain: false });
}
