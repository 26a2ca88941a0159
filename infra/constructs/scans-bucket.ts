import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  type IBucket,
  ObjectLockRetention,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { BucketDef } from '#infra/buckets';

export interface ScansBucketProps {
  /** Physical name, from infra/buckets.ts so the functions find it. */
  readonly bucketName: string;
  /** CORS and the rest of the definition the local runtime uses too. */
  readonly definition: BucketDef;
  /** The web app's origins, the only ones allowed to upload and download with presigned URLs. */
  readonly allowedOrigins: readonly string[];
  readonly encryptionKey: IKey;
  readonly logsBucket: IBucket;
  /** Default object-lock retention; undefined locks nothing by default. */
  readonly retention?: { readonly mode: 'GOVERNANCE' | 'COMPLIANCE'; readonly years: number };
}

/**
 * A district's scanned documents: KMS-encrypted with the district's key, versioned, TLS only,
 * never public, access-logged, with object lock for the retention the archive rules require.
 * Scans are read often while the dossier is open and rarely after: infrequent access after
 * 90 days, Glacier Instant Retrieval after a year (millisecond reads, so a presigned GET of an
 * old scan still works, which Glacier Flexible Retrieval would refuse).
 */
export class ScansBucket extends Construct {
  readonly bucket: Bucket;
  readonly encryptionKey: IKey;

  constructor(scope: Construct, id: string, props: ScansBucketProps) {
    super(scope, id);
    this.encryptionKey = props.encryptionKey;
    const cors = props.definition.cors;
    this.bucket = new Bucket(this, 'Bucket', {
      bucketName: props.bucketName,
      encryption: BucketEncryption.KMS,
      encryptionKey: props.encryptionKey,
      // One data key per bucket rather than per object: far fewer KMS calls, same protection.
      bucketKeyEnabled: true,
      versioned: true,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      serverAccessLogsBucket: props.logsBucket,
      serverAccessLogsPrefix: `scans/${props.bucketName}/`,
      // Object lock can only be switched on when a bucket is created, so it always is.
      objectLockEnabled: true,
      objectLockDefaultRetention: props.retention && retention(props.retention),
      cors: [
        {
          allowedOrigins: [...props.allowedOrigins],
          allowedMethods: cors.allowedMethods.map((m) => HttpMethods[m]),
          allowedHeaders: [...cors.allowedHeaders],
          exposedHeaders: [...cors.exposedHeaders],
          maxAge: cors.maxAgeSeconds,
        },
      ],
      lifecycleRules: [
        {
          transitions: [
            { storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(90) },
            { storageClass: StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(365) },
          ],
          // A replaced or deleted scan is kept a year (unless its lock holds it longer).
          noncurrentVersionExpiration: Duration.days(365),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}

function retention(r: NonNullable<ScansBucketProps['retention']>): ObjectLockRetention {
  const duration = Duration.days(r.years * 365);
  return r.mode === 'COMPLIANCE'
    ? ObjectLockRetention.compliance(duration)
    : ObjectLockRetention.governance(duration);
}
