import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface AccessLogsBucketProps {
  /** Logs are deleted after this many days. */
  readonly retentionDays: number;
  /** CloudFront's standard logs are delivered with an ACL grant, so such a bucket keeps ACLs enabled. */
  readonly cloudFrontLogs?: boolean;
}

/**
 * Where S3 server access logs and CloudFront logs go: who read or wrote which object, for the
 * audit trail of personal data. Private, TLS only, expiring.
 */
export class AccessLogsBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: AccessLogsBucketProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      // CloudFront's standard logs cannot write to a KMS-encrypted bucket.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // Without CloudFront, S3 delivers its logs under a bucket policy and ACLs stay off.
      objectOwnership: props.cloudFrontLogs
        ? ObjectOwnership.BUCKET_OWNER_PREFERRED
        : ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(props.retentionDays) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
