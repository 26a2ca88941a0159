import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { districts } from '#domain/catalogue/units';
import { scansBucket, scansBucketName } from '#infra/buckets';
import { tablesFor } from '#infra/local/create-tables';
import { startRuntime } from '#infra/local/runtime';
import { corsXml, startS3Local } from '#infra/local/s3';

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((f) => rm(f, { recursive: true, force: true }))));

const clientOf = (endpoint: string) =>
  new S3Client({
    endpoint,
    forcePathStyle: true,
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });

describe('local S3 (s3rver)', () => {
  it('creates the scans bucket of every district, with the CORS rules of infra/buckets.ts', async () => {
    const s3 = await startS3Local({ bucketPrefix: 'motcua' });
    try {
      const client = clientOf(s3.endpoint);
      const { Buckets } = await client.send(new ListBucketsCommand({}));
      expect(Buckets?.map((b) => b.Name).sort()).toEqual(
        districts.map((d) => scansBucketName('motcua', d.id)).sort(),
      );
      client.destroy();
      const preflight = await fetch(`${s3.endpoint}/motcua-scans-hai-chau/hai-chau-i/x/y`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://127.0.0.1:5173',
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'content-type,x-amz-checksum-sha256',
        },
      });
      expect(preflight.status).toBe(200);
      expect(preflight.headers.get('access-control-allow-methods')).toBe(
        scansBucket.cors.allowedMethods.join(', '),
      );
      expect(preflight.headers.get('access-control-allow-headers')).toBe(
        'content-type, x-amz-checksum-sha256',
      );
    } finally {
      await s3.stop();
    }
    expect(existsSync(s3.directory)).toBe(false);
  });

  it('keeps scans in its folder across restarts when given one', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'motcua-s3-test-'));
    folders.push(directory);
    const put = { Bucket: 'motcua-scans-son-tra', Key: 'an-hai-bac/x/1' };
    let s3 = await startS3Local({ directory, bucketPrefix: 'motcua' });
    let client = clientOf(s3.endpoint);
    await client.send(new PutObjectCommand({ ...put, Body: '%PDF-1.7', ContentType: 'application/pdf' }));
    client.destroy();
    await s3.stop();
    s3 = await startS3Local({ directory, bucketPrefix: 'motcua' });
    client = clientOf(s3.endpoint);
    const got = await client.send(new GetObjectCommand(put));
    expect(await got.Body?.transformToString()).toBe('%PDF-1.7');
    client.destroy();
    await s3.stop();
    expect(existsSync(directory)).toBe(true);
  });

  it('writes the CORS rules as S3 XML', () => {
    expect(corsXml(scansBucket)).toBe(
      '<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin>' +
        '<AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedMethod>HEAD</AllowedMethod>' +
        '<AllowedHeader>content-type</AllowedHeader><AllowedHeader>content-length</AllowedHeader>' +
        '<AllowedHeader>x-amz-checksum-sha256</AllowedHeader><AllowedHeader>x-amz-sdk-checksum-algorithm</AllowedHeader>' +
        '<ExposeHeader>etag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>',
    );
  });

  it('runs inside the local runtime, data under <dataDir>/s3, and points the functions at it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'motcua-runtime-test-'));
    folders.push(dataDir);
    const dynamodbEndpoint = inject('dynamodbEndpoint');
    const tablePrefix = `t${Date.now().toString(36)}`;
    const runtime = await startRuntime({
      port: 0,
      dataDir,
      dynamodbEndpoint,
      tablePrefix,
      bucketPrefix: 'rt',
    });
    try {
      expect(runtime.s3Endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(process.env.MOTCUA_S3_ENDPOINT).toBe(runtime.s3Endpoint);
      expect(process.env.MOTCUA_BUCKET_PREFIX).toBe('rt');
      expect(existsSync(join(dataDir, 's3', 'rt-scans-hai-chau'))).toBe(true);
    } finally {
      await runtime.stop();
      const client = new DynamoDBClient({ endpoint: dynamodbEndpoint });
      await Promise.all(
        tablesFor(tablePrefix).map((t) => client.send(new DeleteTableCommand({ TableName: t.name }))),
      );
      client.destroy();
    }
    expect(existsSync(join(dataDir, 's3', 'rt-scans-hai-chau'))).toBe(true);
  });
});
