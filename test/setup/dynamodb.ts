import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '#infra/local/dynamodb';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Endpoint of the one in-memory DynamoDB Local shared by the whole test run. */
    dynamodbEndpoint: string;
  }
}

/**
 * vitest globalSetup: one in-memory DynamoDB Local for the whole run (the JVM takes seconds to
 * start). Test files keep apart by table prefix; read the endpoint with `inject('dynamodbEndpoint')`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The projects' `env` reaches test workers, not this process, where the readiness probe runs.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dynamodb = await startDynamoDbLocal();
  project.provide('dynamodbEndpoint', dynamodb.endpoint);
  return () => dynamodb.stop();
}
