import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { readEnv } from '#adapters/env';
import { cityTableName } from '#infra/tables';

/**
 * A test-only Lambda handler for the local API server: it answers with what it received, and
 * with the status of the city table it finds through the functions' environment, so a test
 * sees the whole path request → event → handler → DynamoDB Local → response.
 * `?fail=1` makes it throw; `?binary=1` makes it answer bytes, base64 encoded.
 */
export async function handler(event: APIGatewayProxyEvent, context: Context): Promise<APIGatewayProxyResult> {
  if (event.queryStringParameters?.fail) throw new Error('echo handler failed on purpose');
  if (event.queryStringParameters?.binary) {
    const bytes = Buffer.from([0, 1, 2, 255]);
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes.toString('base64'),
      isBase64Encoded: true,
    };
  }
  const env = readEnv();
  const client = new DynamoDBClient({ endpoint: env.dynamodbEndpoint });
  try {
    const { Table } = await client.send(
      new DescribeTableCommand({ TableName: cityTableName(env.tablePrefix) }),
    );
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json', 'x-echo': 'single' },
      multiValueHeaders: { 'set-cookie': ['a=1', 'b=2'] },
      body: JSON.stringify({
        event,
        functionName: context.functionName,
        remainingMs: context.getRemainingTimeInMillis(),
        cityTable: { name: Table?.TableName, status: Table?.TableStatus },
      }),
    };
  } finally {
    client.destroy();
  }
}
