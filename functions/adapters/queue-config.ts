import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Ward } from '#domain/catalogue/units';
import { seedWardConfig, WardConfig } from '../../edge-agent/src/ward-config.ts';
import { districtTable, documentClient } from './dynamodb.ts';
import { wardConfigKey } from './queue-keys.ts';

/** The ward's stored queue config, or undefined when none was ever stored. */
export async function findWardConfig(ward: Ward): Promise<WardConfig | undefined> {
  const out = await documentClient().send(
    new GetCommand({
      TableName: districtTable(ward.districtId),
      Key: wardConfigKey(ward.id),
      ConsistentRead: true,
    }),
  );
  return out.Item ? WardConfig.parse(out.Item.config) : undefined;
}

/** The config the ward runs on: the stored one, else the seed layout the agents start with. */
export async function currentWardConfig(ward: Ward): Promise<WardConfig> {
  return (await findWardConfig(ward)) ?? seedWardConfig();
}
