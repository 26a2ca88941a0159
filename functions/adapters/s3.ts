import { S3Client } from '@aws-sdk/client-s3';
import { scansBucketName } from '#infra/buckets';
import { readEnv } from './env.ts';

/** s3rver's fixed key pair; it knows no other (shared/reference/toolchain.md). */
const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

let cached: { endpoint: string | undefined; client: S3Client } | undefined;

/**
 * The one S3 client of this process, created on first use. Against a local endpoint it speaks
 * path-style with s3rver's credentials. Checksums only when an operation requires them, so
 * presigned URLs carry exactly the headers we sign and nothing the uploader cannot know.
 * Re-created when the endpoint changes: a test process may start a second local runtime.
 */
export function s3Client(): S3Client {
  const { s3Endpoint } = readEnv();
  if (cached && cached.endpoint === s3Endpoint) return cached.client;
  cached?.client.destroy();
  const client = new S3Client({
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(s3Endpoint ? { endpoint: s3Endpoint, forcePathStyle: true, credentials: S3RVER_CREDENTIALS } : {}),
  });
  cached = { endpoint: s3Endpoint, client };
  return client;
}

/** The scans bucket of a district. */
export function scansBucketFor(districtId: string): string {
  return scansBucketName(readEnv().bucketPrefix, districtId);
}
