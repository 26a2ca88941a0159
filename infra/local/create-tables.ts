import { setTimeout as sleep } from 'node:timers/promises';
import {
  type AttributeDefinition,
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { districts } from '#domain/catalogue/units';
import { cityTable, cityTableName, districtTable, districtTableName, type TableDef } from '#infra/tables';

/** One table to create: its name and the definition the CDK stacks use too. */
export interface NamedTable {
  readonly name: string;
  readonly def: TableDef;
}

/** Tables created at once; DynamoDB Local is quick but slows down under many parallel creates. */
const BATCH_SIZE = 4;
const ACTIVE_TIMEOUT_MS = 30_000;

/** The city table and one table per district, named with `prefix`. */
export function tablesFor(prefix: string): NamedTable[] {
  return [
    { name: cityTableName(prefix), def: cityTable },
    ...districts.map((d) => ({ name: districtTableName(prefix, d.id), def: districtTable })),
  ];
}

/**
 * Creates every missing table of `prefix` and waits until all are ACTIVE. Existing tables are
 * left as they are, so this is safe to run on every start.
 */
export async function ensureTables(client: DynamoDBClient, prefix: string): Promise<void> {
  const tables = tablesFor(prefix);
  for (let i = 0; i < tables.length; i += BATCH_SIZE) {
    await Promise.all(tables.slice(i, i + BATCH_SIZE).map((t) => ensureTable(client, t)));
  }
}

/** The CreateTable request for a definition: on demand, streams and GSIs as declared. */
export function createTableInput(name: string, def: TableDef): CreateTableCommandInput {
  const keys = [def.partitionKey, def.sortKey, ...def.indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  const attributes = new Map<string, AttributeDefinition>();
  for (const key of keys) attributes.set(key.name, { AttributeName: key.name, AttributeType: key.type });
  const input: CreateTableCommandInput = {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes.values()],
    KeySchema: [
      { AttributeName: def.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: def.sortKey.name, KeyType: 'RANGE' },
    ],
  };
  if (def.indexes.length > 0) {
    input.GlobalSecondaryIndexes = def.indexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    }));
  }
  if (def.stream) input.StreamSpecification = { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' };
  return input;
}

/** Creates one table unless it exists, waits until it is ACTIVE, and switches TTL on if declared. */
export async function ensureTable(client: DynamoDBClient, { name, def }: NamedTable): Promise<void> {
  if ((await tableStatus(client, name)) === undefined) {
    try {
      await client.send(new CreateTableCommand(createTableInput(name, def)));
    } catch (error) {
      // Another process (a second test file, a second runtime) created it meanwhile.
      if ((error as Error).name !== 'ResourceInUseException') throw error;
    }
  }
  await waitUntilActive(client, name);
  if (def.ttlAttribute) await ensureTtl(client, name, def.ttlAttribute);
}

async function tableStatus(client: DynamoDBClient, name: string): Promise<string | undefined> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    const indexes = Table?.GlobalSecondaryIndexes ?? [];
    // A table is usable only once its indexes are too.
    return indexes.every((i) => i.IndexStatus === undefined || i.IndexStatus === 'ACTIVE')
      ? Table?.TableStatus
      : 'CREATING';
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

async function waitUntilActive(client: DynamoDBClient, name: string): Promise<void> {
  const deadline = Date.now() + ACTIVE_TIMEOUT_MS;
  for (;;) {
    const status = await tableStatus(client, name);
    if (status === 'ACTIVE') return;
    if (Date.now() > deadline)
      throw new Error(`table ${name} is not ACTIVE after ${ACTIVE_TIMEOUT_MS} ms (${status})`);
    await sleep(100);
  }
}

async function ensureTtl(client: DynamoDBClient, name: string, attribute: string): Promise<void> {
  // Checked rather than trusted to creation: a start that died between CreateTable and this
  // call would otherwise leave the table without TTL for good.
  const { TimeToLiveDescription } = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));
  const status = TimeToLiveDescription?.TimeToLiveStatus;
  if (status !== undefined && status !== 'DISABLED') return;
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: name,
      TimeToLiveSpecification: { Enabled: true, AttributeName: attribute },
    }),
  );
}
