import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import S3rver from 's3rver';
import { districts } from '#domain/catalogue/units';
import { type BucketDef, scansBucket, scansBucketName } from '#infra/buckets';

/**
 * s3rver as the local S3: the scans bucket of every district, with the CORS rules of
 * infra/buckets.ts, so presigned uploads from a browser behave as they will in AWS (s3rver does
 * not check signatures; test/unit/adapters checks those).
 */
export interface S3LocalOptions {
  /** Folder of buckets and objects; a temporary one, removed on stop(), when absent. */
  readonly directory?: string;
  readonly bucketPrefix: string;
}

export interface S3Local {
  readonly endpoint: string;
  readonly directory: string;
  stop(): Promise<void>;
}

/** Starts s3rver on a free port of 127.0.0.1 with every district's scans bucket. */
export async function startS3Local(options: S3LocalOptions): Promise<S3Local> {
  const temporary = options.directory === undefined;
  const directory = temporary
    ? await mkdtemp(join(tmpdir(), 'motcua-s3-'))
    : resolve(options.directory as string);
  await mkdir(directory, { recursive: true });
  const cors = corsXml(scansBucket);
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    // Path-style only, like the functions' client; a Host header never names a bucket.
    vhostBuckets: false,
    configureBuckets: districts.map((d) => ({
      name: scansBucketName(options.bucketPrefix, d.id),
      configs: [cors],
    })),
  });
  let address: Awaited<ReturnType<S3rver['run']>>;
  try {
    address = await server.run();
  } catch (error) {
    if (temporary) await rm(directory, { recursive: true, force: true });
    throw error;
  }
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await server.close();
      if (temporary) await rm(directory, { recursive: true, force: true });
    })();
    return stopping;
  };
  return { endpoint: `http://127.0.0.1:${address.port}`, directory, stop };
}

/**
 * The bucket's CORS rules as S3's XML. Any origin locally: the web app's dev server port
 * varies, and the stacks name the real origins per environment.
 */
export function corsXml(def: BucketDef, origins: readonly string[] = ['*']): string {
  const { cors } = def;
  const tags = (name: string, values: readonly (string | number)[]) =>
    values.map((v) => `<${name}>${escapeXml(String(v))}</${name}>`).join('');
  return [
    '<CORSConfiguration><CORSRule>',
    tags('AllowedOrigin', origins),
    tags('AllowedMethod', cors.allowedMethods),
    tags('AllowedHeader', cors.allowedHeaders),
    tags('ExposeHeader', cors.exposedHeaders),
    tags('MaxAgeSeconds', [cors.maxAgeSeconds]),
    '</CORSRule></CORSConfiguration>',
  ].join('');
}

function escapeXml(value: string): string {
  return value.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
