import { startDynamoDbLocal } from '#infra/local/dynamodb';

/**
 * Run as a child process by the DynamoDB Local tests (`node --import tsx`): starts DynamoDB
 * Local persisting in argv[2], prints `{ pid, endpoint }` and waits to be killed, so a test can
 * play the crashed parent. argv[3] `no-watchdog` leaves the JVM orphaned when this dies.
 */
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: orphan-dynamodb.ts <dataDir> [no-watchdog]');
const dynamodb = await startDynamoDbLocal({ dataDir, watchdog: process.argv[3] !== 'no-watchdog' });
process.stdout.write(`${JSON.stringify({ pid: dynamodb.pid, endpoint: dynamodb.endpoint })}\n`);
setInterval(() => {}, 60_000);
