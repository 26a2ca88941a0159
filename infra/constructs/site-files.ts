import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { type IRole, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import {
  BucketDeployment,
  type CacheControl,
  type DeploymentSourceContext,
  type ISource,
  type SourceConfig,
} from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledge, wildcardResourceFinding } from './nag.ts';

export interface SiteFilesProps {
  /** The site bucket, which may belong to another stack (the city's). */
  readonly bucketName: string;
  readonly bucketArn: string;
  /** The bucket's KMS key, when it has one: uploads then need the key through S3. */
  readonly encryptionKey?: IKey;
  readonly logRetentionDays: number;
}

/** One upload into the site bucket. */
export interface SiteUpload {
  readonly sources: readonly ISource[];
  /** Where the files land: '' (the bucket root) or a prefix ending in `/`. */
  readonly keyPrefix: string;
  /** The only names under `keyPrefix` this upload may write; none = any name under it. */
  readonly files?: readonly string[];
  /** Deletes what is under `keyPrefix` and not in the sources (`keep` excepted). */
  readonly prune: boolean;
  /** Patterns under `keyPrefix` this upload neither writes nor deletes (other uploads' files). */
  readonly keep?: readonly string[];
  readonly cacheControl: readonly CacheControl[];
  /** Paths CloudFront forgets once the files are in place. */
  readonly invalidate?: { readonly distribution: IDistribution; readonly paths: readonly string[] };
  /** Why this upload writes a whole prefix, for cdk-nag's IAM5 (one sentence); needed without `files`. */
  readonly wildcardReason?: string;
}

/**
 * Uploads files into the web app's bucket at deploy (BucketDeployment), under a role of its own
 * that may read exactly the uploads' source archives and write exactly their keys. The
 * deployment's own grants (read-write on the whole bucket, invalidations anywhere, with action
 * wildcards) are refused by handing it the role without policy updates, and the bucket is
 * imported, so no grant lands in its policy either (which would tie the city stack to a district).
 *
 * BucketDeployment runs one handler per stack, with the role of the first deployment created:
 * make one SiteFiles per stack and add every upload to it.
 */
export class SiteFiles extends Construct {
  readonly role: Role;
  readonly logGroup: LogGroup;
  private readonly bucket: IBucket;
  private readonly fixedRole: IRole;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: SiteFilesProps,
  ) {
    super(scope, id);
    this.bucket = Bucket.fromBucketAttributes(this, 'Bucket', {
      bucketName: props.bucketName,
      bucketArn: props.bucketArn,
    });
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Uploads the web app files into the site bucket at deploy',
    });
    this.logGroup.grantWrite(this.role);
    const key = props.encryptionKey;
    if (key) {
      this.role.addToPolicy(
        new PolicyStatement({
          actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
          resources: [key.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `s3.${key.env.region}.amazonaws.com` } },
        }),
      );
    }
    this.fixedRole = this.role.withoutPolicyUpdates();
  }

  /** Adds an upload; uploads of one SiteFiles run in the order they are added. */
  upload(id: string, upload: SiteUpload): BucketDeployment {
    const { keyPrefix, files } = upload;
    const role = this.role;
    const sources = upload.sources.map((source) => readableBy(role, source));
    const deployment = new BucketDeployment(this, id, {
      sources,
      destinationBucket: this.bucket,
      destinationKeyPrefix: keyPrefix || undefined,
      prune: upload.prune,
      // Rules are applied in order, so `*` then the names uploads those names only.
      exclude: files ? ['*'] : upload.keep && [...upload.keep],
      include: files && [...files],
      cacheControl: [...upload.cacheControl],
      distribution: upload.invalidate?.distribution,
      distributionPaths: upload.invalidate && [...upload.invalidate.paths],
      role: this.fixedRole,
      logGroup: this.logGroup,
    });
    // The policy must be attached before the handler runs.
    deployment.node.addDependency(role);
    this.acknowledgeHandlerRuntime();
    const previous = this.node.children.filter((c) => c instanceof BucketDeployment && c !== deployment);
    if (previous.length > 0) deployment.node.addDependency(...previous);

    const objects = files ? files.map((f) => `${keyPrefix}${f}`) : [`${keyPrefix}*`];
    role.addToPolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [this.props.bucketArn],
        // The sync lists what is under its prefix to compare; a prefix narrows the listing.
        conditions: keyPrefix ? { StringLike: { 's3:prefix': `${keyPrefix}*` } } : undefined,
      }),
    );
    const write = objects.map((o) => this.bucket.arnForObjects(o));
    role.addToPolicy(
      new PolicyStatement({
        actions: upload.prune ? ['s3:PutObject', 's3:DeleteObject'] : ['s3:PutObject'],
        resources: write,
      }),
    );
    if (!files) {
      if (!upload.wildcardReason) throw new Error(`upload ${id} writes ${keyPrefix}* and says not why`);
      for (const resource of write) {
        acknowledge(role, wildcardResourceFinding(role, resource), upload.wildcardReason);
      }
    }
    if (upload.invalidate) {
      role.addToPolicy(
        new PolicyStatement({
          actions: ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'],
          resources: [upload.invalidate.distribution.distributionArn],
        }),
      );
    }
    return deployment;
  }

  /** The deployment's handler is one Lambda per stack, outside this construct: found by its role. */
  private acknowledgeHandlerRuntime(): void {
    const handler = Stack.of(this)
      .node.children.filter((c): c is LambdaFunction => c instanceof LambdaFunction)
      .find((fn) => fn.role === this.fixedRole);
    if (!handler) return;
    acknowledge(
      handler,
      'AwsSolutions-L1',
      'The upload handler and its Python runtime come with aws-cdk-lib, which moves them forward with its releases, and it runs only during deploys.',
    );
  }
}

/** The source as it is, with its archive made readable (GetObject on that one object) by `role`. */
function readableBy(role: Role, source: ISource): ISource {
  return {
    bind(scope: Construct, context?: DeploymentSourceContext): SourceConfig {
      const config = source.bind(scope, context);
      role.addToPolicy(
        new PolicyStatement({
          actions: ['s3:GetObject'],
          resources: [config.bucket.arnForObjects(config.zipObjectKey)],
        }),
      );
      return config;
    },
  };
}
