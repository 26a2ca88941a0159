/** Builds the API Gateway REST (v1) proxy event and Lambda context for one local request. */
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';

/** The parts of an HTTP request an API Gateway event is made from. */
export interface RawRequest {
  readonly method: string;
  /** Path and query string as received. */
  readonly url: string;
  /** Node's `rawHeaders`: names as sent, alternating with values. */
  readonly rawHeaders: readonly string[];
  readonly body: Buffer;
  readonly sourceIp: string;
}

/** A REST API (v1) proxy integration event, as API Gateway would send it for this request. */
export function buildEvent(
  request: RawRequest,
  match: { resource: string; pathParameters: Record<string, string> | null },
  requestId: string,
  now: number = Date.now(),
): APIGatewayProxyEvent {
  const queryAt = request.url.indexOf('?');
  const path = queryAt === -1 ? request.url : request.url.slice(0, queryAt);
  const query = pairs([...new URLSearchParams(queryAt === -1 ? '' : request.url.slice(queryAt + 1))]);
  const raw = request.rawHeaders;
  const headers = pairs(
    Array.from({ length: raw.length / 2 }, (_, i) => [raw[2 * i] ?? '', raw[2 * i + 1] ?? '']),
  );
  const header = (name: string) => headers.entries.findLast(([n]) => n.toLowerCase() === name)?.[1];
  const binary = request.body.length > 0 && !isTextual(header('content-type'));
  const none = {
    accessKey: null,
    accountId: null,
    apiKey: null,
    apiKeyId: null,
    caller: null,
    user: null,
    userArn: null,
  };
  const cognito = {
    cognitoAuthenticationProvider: null,
    cognitoAuthenticationType: null,
    cognitoIdentityId: null,
    cognitoIdentityPoolId: null,
  };
  return {
    httpMethod: request.method,
    path,
    resource: match.resource,
    pathParameters: match.pathParameters,
    queryStringParameters: query.entries.length > 0 ? query.single : null,
    multiValueQueryStringParameters: query.entries.length > 0 ? query.multi : null,
    headers: headers.single,
    multiValueHeaders: headers.multi,
    body: request.body.length === 0 ? null : request.body.toString(binary ? 'base64' : 'utf8'),
    isBase64Encoded: binary,
    stageVariables: null,
    requestContext: {
      accountId: '123456789012',
      apiId: 'local',
      authorizer: null,
      protocol: 'HTTP/1.1',
      httpMethod: request.method,
      identity: {
        ...none,
        ...cognito,
        clientCert: null,
        principalOrgId: null,
        sourceIp: request.sourceIp,
        userAgent: header('user-agent') ?? null,
      },
      path, // as behind a custom domain: no stage prefix
      stage: 'local',
      requestId,
      requestTimeEpoch: now,
      resourceId: 'local',
      resourcePath: match.resource,
    },
  };
}

/** Last value per name (as API Gateway's single-value maps hold) and every value in order. */
function pairs(entries: readonly (readonly [string, string])[]) {
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [name, value] of entries) {
    single[name] = value;
    multi[name] = [...(multi[name] ?? []), value];
  }
  return { entries, single, multi };
}

/** Bodies API Gateway passes as text; everything else arrives base64 encoded. */
function isTextual(contentType: string | undefined): boolean {
  if (contentType === undefined) return true;
  const mime = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return (
    mime === '' ||
    mime.startsWith('text/') ||
    /^application\/(json|xml|javascript|x-www-form-urlencoded|graphql)$/.test(mime) ||
    /\+(json|xml)$/.test(mime)
  );
}

/** A Lambda context for one invocation of the function serving `module`. */
export function buildContext(
  module: string,
  awsRequestId: string,
  timeoutMs: number,
  now = Date.now(),
): Context {
  const functionName = `motcua-local-${module.replaceAll('/', '-')}`;
  const deadline = now + timeoutMs;
  const unsupported = () => {
    throw new Error('callback-style handlers are not supported: return a promise');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:ap-southeast-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/[$LATEST]${awsRequestId.replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
