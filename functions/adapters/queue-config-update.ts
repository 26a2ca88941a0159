import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Ward } from '#domain/catalogue/units';
import { assertFitsOneMessage, checkVersion } from '#domain/queue/config-rules';
import { toLocalIso } from '#domain/time';
import { wardTopics } from '../../edge-agent/src/cloud/topics.ts';
import type { WardConfig } from '../../edge-agent/src/ward-config.ts';
import { districtTable, documentClient } from './dynamodb.ts';
import { publishJson } from './iot-data.ts';
import { currentWardConfig, findWardConfig } from './queue-config.ts';
import { wardConfigKey } from './queue-keys.ts';

/**
 * Stores a new config if its version is greater than the stored one (conditional put, so two
 * admins saving at once cannot both win), then publishes it retained on the ward's `config`
 * topic. The same config sent again only publishes again: a retry after a failed publish.
 */
export async function replaceWardConfig(
  ward: Ward,
  config: WardConfig,
  by: string,
  now: Date,
): Promise<void> {
  assertFitsOneMessage(config);
  if (checkVersion(config, await currentWardConfig(ward)) === 'newer') {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: districtTable(ward.districtId),
          Item: {
            ...wardConfigKey(ward.id),
            wardId: ward.id,
            version: config.version,
            config,
            updatedBy: by,
            updatedAt: toLocalIso(now),
          },
          ConditionExpression: 'attribute_not_exists(pk) OR version < :version',
          ExpressionAttributeValues: { ':version': config.version },
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      checkVersion(config, await currentWardConfig(ward)); // someone else got there: 409 unless identical
    }
  }
  await publishWardConfig(ward, config);
}

/**
 * Publishes (retained) and then checks that no newer config was stored meanwhile; if one was, it
 * publishes that one last, so the broker keeps the newest for agents that connect later.
 */
async function publishWardConfig(ward: Ward, config: WardConfig): Promise<void> {
  const topic = wardTopics(ward).config;
  await publishJson(topic, config, { retain: true });
  const stored = await findWardConfig(ward);
  if (stored && stored.version > config.version) await publishJson(topic, stored, { retain: true });
}
