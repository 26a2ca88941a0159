import { describe, expect, it } from 'vitest';
import { buildContext, buildEvent, type RawRequest } from '#infra/local/lambda-event';

const match = { resource: '/v1/dossiers/{code}', pathParameters: { code: 'X' } };

function request(overrides: Partial<RawRequest> = {}): RawRequest {
  return {
    method: 'GET',
    url: '/v1/dossiers/X',
    rawHeaders: [],
    body: Buffer.alloc(0),
    sourceIp: '10.0.0.7',
    ...overrides,
  };
}

describe('buildEvent', () => {
  it('describes the request as a REST API proxy event', () => {
    const event = buildEvent(request(), match, 'req-1', 1_700_000_000_000);
    expect(event).toMatchObject({
      httpMethod: 'GET',
      path: '/v1/dossiers/X',
      resource: '/v1/dossiers/{code}',
      pathParameters: { code: 'X' },
      stageVariables: null,
      requestContext: {
        requestId: 'req-1',
        httpMethod: 'GET',
        resourcePath: '/v1/dossiers/{code}',
        path: '/v1/dossiers/X',
        stage: 'local',
        requestTimeEpoch: 1_700_000_000_000,
        identity: { sourceIp: '10.0.0.7' },
      },
    });
  });

  it('sets both query maps to null when there is no query', () => {
    const event = buildEvent(request({ url: '/v1/dossiers/X?' }), match, 'r');
    expect(event.queryStringParameters).toBeNull();
    expect(event.multiValueQueryStringParameters).toBeNull();
  });

  it('keeps the last value of a repeated query parameter and all values in the multi-value map', () => {
    const event = buildEvent(
      request({ url: '/v1/dossiers/X?status=a&status=b&q=h%E1%BA%A3i+ch%C3%A2u' }),
      match,
      'r',
    );
    expect(event.path).toBe('/v1/dossiers/X');
    expect(event.queryStringParameters).toEqual({ status: 'b', q: 'hải châu' });
    expect(event.multiValueQueryStringParameters).toEqual({ status: ['a', 'b'], q: ['hải châu'] });
  });

  it('passes headers as received, repeated ones in the multi-value map', () => {
    const rawHeaders = [
      'Authorization',
      'Bearer t',
      'Accept',
      'text/html',
      'Accept',
      'application/json',
      'User-Agent',
      'kiosk/1',
    ];
    const event = buildEvent(request({ rawHeaders }), match, 'r');
    expect(event.headers).toEqual({
      Authorization: 'Bearer t',
      Accept: 'application/json',
      'User-Agent': 'kiosk/1',
    });
    expect(event.multiValueHeaders).toMatchObject({ Accept: ['text/html', 'application/json'] });
    expect(event.requestContext.identity.userAgent).toBe('kiosk/1');
  });

  it('sets the body to null when it is empty', () => {
    const event = buildEvent(request(), match, 'r');
    expect(event.body).toBeNull();
    expect(event.isBase64Encoded).toBe(false);
  });

  it('passes JSON and text bodies as UTF-8 text', () => {
    const json = JSON.stringify({ fullName: 'Nguyễn Văn A' });
    const rawHeaders = ['Content-Type', 'application/json; charset=utf-8'];
    const event = buildEvent(request({ method: 'POST', rawHeaders, body: Buffer.from(json) }), match, 'r');
    expect(event.body).toBe(json);
    expect(event.isBase64Encoded).toBe(false);
    const problem = buildEvent(
      request({ rawHeaders: ['content-type', 'application/problem+json'], body: Buffer.from('{}') }),
      match,
      'r',
    );
    expect(problem.isBase64Encoded).toBe(false);
    const untyped = buildEvent(request({ body: Buffer.from('số 1') }), match, 'r');
    expect(untyped.body).toBe('số 1');
  });

  it('base64-encodes bodies of non-textual content types', () => {
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    for (const type of [
      'application/pdf',
      'image/jpeg',
      'application/octet-stream',
      'multipart/form-data; boundary=x',
    ]) {
      const event = buildEvent(request({ rawHeaders: ['Content-Type', type], body: bytes }), match, 'r');
      expect(event.isBase64Encoded).toBe(true);
      expect(Buffer.from(event.body ?? '', 'base64')).toEqual(bytes);
    }
  });
});

describe('buildContext', () => {
  it('names the function after the handler module', () => {
    const context = buildContext('dossiers/create', 'aws-req-1', 29_000);
    expect(context.functionName).toBe('motcua-local-dossiers-create');
    expect(context.awsRequestId).toBe('aws-req-1');
    expect(context.invokedFunctionArn).toMatch(/:function:motcua-local-dossiers-create$/);
  });

  it('counts the remaining time down from the timeout', () => {
    const context = buildContext('health', 'r', 1000, Date.now() - 400);
    expect(context.getRemainingTimeInMillis()).toBeLessThanOrEqual(600);
    expect(context.getRemainingTimeInMillis()).toBeGreaterThan(0);
    expect(buildContext('health', 'r', 1000, Date.now() - 5000).getRemainingTimeInMillis()).toBe(0);
  });
});
