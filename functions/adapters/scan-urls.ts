import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { toLocalIso } from '#domain/time';
import { s3Client } from './s3.ts';

/** Presigned URLs live five minutes: long enough for a counter upload, short enough if one leaks. */
export const URL_EXPIRY_SECONDS = 300;

/** Where an object lives. */
export interface ObjectRef {
  readonly bucket: string;
  readonly key: string;
}

/** A presigned upload: PUT `url` with exactly `headers` and the declared bytes as the body. */
export interface PresignedUpload {
  readonly method: 'PUT';
  readonly url: string;
  readonly headers: {
    readonly 'content-type': string;
    readonly 'content-length': string;
    readonly 'x-amz-checksum-sha256': string;
  };
  readonly expiresAt: string;
}

/**
 * A PUT URL bound to the declared type, length and SHA-256: the three are signed headers, so
 * S3 refuses an upload that differs in any of them (a wrong body fails the checksum).
 * The checksum stays a header rather than a query parameter so that S3 verifies the body.
 */
export async function presignUpload(
  target: ObjectRef & { contentType: string; size: number; sha256Hex: string },
  now: Date,
  client: S3Client = s3Client(),
): Promise<PresignedUpload> {
  const checksum = Buffer.from(target.sha256Hex, 'hex').toString('base64');
  const command = new PutObjectCommand({
    Bucket: target.bucket,
    Key: target.key,
    ContentType: target.contentType,
    ContentLength: target.size,
    ChecksumSHA256: checksum,
  });
  const url = await getSignedUrl(client, command, {
    expiresIn: URL_EXPIRY_SECONDS,
    signingDate: now,
    signableHeaders: new Set(['content-type', 'content-length']),
    unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
  });
  return {
    method: 'PUT',
    url,
    headers: {
      'content-type': target.contentType,
      'content-length': String(target.size),
      'x-amz-checksum-sha256': checksum,
    },
    expiresAt: expiry(now),
  };
}

/** A GET URL that serves the object under `contentDisposition` (inline, with its file name). */
export async function presignDownload(
  target: ObjectRef & { contentType: string; contentDisposition: string },
  now: Date,
  client: S3Client = s3Client(),
): Promise<{ url: string; expiresAt: string }> {
  const command = new GetObjectCommand({
    Bucket: target.bucket,
    Key: target.key,
    ResponseContentType: target.contentType,
    ResponseContentDisposition: target.contentDisposition,
  });
  const url = await getSignedUrl(client, command, { expiresIn: URL_EXPIRY_SECONDS, signingDate: now });
  return { url, expiresAt: expiry(now) };
}

function expiry(now: Date): string {
  return toLocalIso(new Date(now.getTime() + URL_EXPIRY_SECONDS * 1000));
}
