/**
 * The scans bucket of each district, defined once for the CDK stacks and the local runtime
 * (s3rver). Keys are `<wardId>/<dossier code>/<documentId>`, chosen by the server.
 */
export interface BucketDef {
  /** Browsers upload and download directly with presigned URLs, from the web app's origins. */
  readonly cors: {
    readonly allowedMethods: readonly ('GET' | 'PUT' | 'HEAD')[];
    readonly allowedHeaders: readonly string[];
    readonly exposedHeaders: readonly string[];
    readonly maxAgeSeconds: number;
  };
}

export const scansBucket: BucketDef = {
  cors: {
    allowedMethods: ['GET', 'PUT', 'HEAD'],
    allowedHeaders: [
      'content-type',
      'content-length',
      'x-amz-checksum-sha256',
      'x-amz-sdk-checksum-algorithm',
    ],
    exposedHeaders: ['etag'],
    maxAgeSeconds: 3000,
  },
};

/** Default prefix of bucket names; `MOTCUA_BUCKET_PREFIX` overrides it (in AWS it includes the account). */
export const DEFAULT_BUCKET_PREFIX = 'motcua';

export function scansBucketName(prefix: string, districtId: string): string {
  return `${prefix}-scans-${districtId}`;
}
