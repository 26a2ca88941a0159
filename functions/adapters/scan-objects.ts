import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, type GetObjectCommandOutput } from '@aws-sdk/client-s3';
import { SNIFF_BYTES } from '#domain/documents/sniff';
import type { UploadedObject } from '#domain/documents/verify-upload';
import { s3Client } from './s3.ts';
import type { ObjectRef } from './scan-urls.ts';

/**
 * Reads an uploaded object once: its size, its SHA-256 and its first bytes; undefined when
 * nothing was uploaded. Reading stops as soon as the object proves larger than `expectedSize`,
 * so an oversized upload costs no more than the declared size.
 */
export async function inspectObject(
  ref: ObjectRef,
  expectedSize: number,
): Promise<UploadedObject | undefined> {
  let out: GetObjectCommandOutput;
  try {
    out = await s3Client().send(new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key }));
  } catch (error) {
    if ((error as Error).name === 'NoSuchKey' || (error as Error).name === 'NotFound') return undefined;
    throw error;
  }
  const body = out.Body as Readable;
  const head = Buffer.alloc(SNIFF_BYTES);
  let headLength = 0;
  if (out.ContentLength !== undefined && out.ContentLength !== expectedSize) {
    // Known from the headers: no need to read the bytes.
    const first = await firstBytes(body, head);
    return { size: out.ContentLength, head: first };
  }
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    if (headLength < SNIFF_BYTES) headLength += chunk.copy(head, headLength, 0, SNIFF_BYTES - headLength);
    size += chunk.length;
    if (size > expectedSize) {
      body.destroy();
      return { size, head: head.subarray(0, headLength) };
    }
    hash.update(chunk);
  }
  return { size, sha256: hash.digest('hex'), head: head.subarray(0, headLength) };
}

async function firstBytes(body: Readable, head: Buffer): Promise<Buffer> {
  let length = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    length += chunk.copy(head, length, 0, head.length - length);
    if (length === head.length) break;
  }
  body.destroy();
  return head.subarray(0, length);
}

/** Deletes an object; deleting one that is not there is not an error. */
export async function deleteObject(ref: ObjectRef): Promise<void> {
  await s3Client().send(new DeleteObjectCommand({ Bucket: ref.bucket, Key: ref.key }));
}
