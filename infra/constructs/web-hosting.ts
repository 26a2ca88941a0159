import { join } from 'node:path';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { checkWebBuild } from '../config/web-build.ts';
import { WEB_FILE_TYPES } from '../web-files.ts';
import { acknowledge } from './nag.ts';
import { SiteFiles } from './site-files.ts';

/** `/config.json` as the web app reads it (web/src/shared/config.ts). */
export interface WebAppConfig {
  readonly auth: { readonly kind: 'cognito'; readonly region: string; readonly clientId: string };
  /** Districts whose `/config/districts/<id>.json` names their API (each district stack writes its own). */
  readonly districtIds: readonly string[];
}

export interface WebHostingProps {
  /** Receives the site bucket's and the distribution's access logs. */
  readonly logsBucket: IBucket;
  /** The built web app (`npm run build`): `index.html` and the hashed `assets/`. */
  readonly build: string;
  readonly config: WebAppConfig;
  /** Retention of the upload's logs. */
  readonly logRetentionDays: number;
}

/** Where each district stack writes its own `<districtId>.json`; the city's uploads leave it alone. */
export const DISTRICT_CONFIG_PREFIX = 'config/districts/';

/** Hashed file names change with their content, so browsers and CloudFront may keep them a year. */
export const ASSETS_CACHE = [
  CacheControl.setPublic(),
  CacheControl.maxAge(Duration.days(365)),
  CacheControl.immutable(),
];

/**
 * The shell and the configuration are revalidated on every load, so a release or a new district
 * shows at once (CloudFront itself keeps them for its cache policy's one-second minimum).
 */
export const SHELL_CACHE = [CacheControl.noCache()];

/** The file types the site holds; any other path is a route of the app (infra/web-files.ts). */
export const STATIC_FILE_TYPES: readonly string[] = Object.keys(WEB_FILE_TYPES);

/**
 * Routes of the single-page app get its shell, and the app routes in the browser; files keep
 * S3's answer, so a missing chunk is a 403/404 and not a page of HTML. A dot alone does not make
 * a file: procedure ids (`/procedures/2.000884`) and dossier codes have dots.
 */
const SPA_ROUTING = `function handler(event) {
  var request = event.request;
  if (!/\\.(?:${STATIC_FILE_TYPES.join('|')})$/i.test(request.uri)) request.uri = '/index.html';
  return request;
}`;

/**
 * The hosted web app: a private bucket served only through CloudFront (origin access control),
 * HTTPS only, with security headers on every response and SPA routing at the edge; the web
 * build and `/config.json` are uploaded into it at deploy.
 */
export class WebHosting extends Construct {
  readonly siteBucket: Bucket;
  readonly distribution: Distribution;
  readonly files: SiteFiles;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    this.siteBucket = new Bucket(this, 'Site', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      versioned: true,
      serverAccessLogsBucket: props.logsBucket,
      serverAccessLogsPrefix: 'site/',
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Một Cửa Điện Tử web app security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(region), override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()', override: true },
        ],
      },
    });
    const spaRouting = new EdgeFunction(this, 'SpaRouting', {
      code: FunctionCode.fromInline(SPA_ROUTING),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Serves index.html for SPA routes',
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Một Cửa Điện Tử web app',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.siteBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: spaRouting, eventType: FunctionEventType.VIEWER_REQUEST }],
        compress: true,
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Every edge, Hà Nội and Hồ Chí Minh City included.
      priceClass: PriceClass.PRICE_CLASS_ALL,
      enableLogging: true,
      logBucket: props.logsBucket,
      logFilePrefix: 'cloudfront/',
    });
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'Citizens abroad follow their dossiers online too, so the portal is not restricted by country.',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR2',
      'The distribution serves only static files; the API behind the data has its own WAF web ACL per district.',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR4',
      'Until the city assigns a domain and certificate the app is served on the CloudFront domain, whose default certificate cannot pin a TLS minimum.',
    );
    this.files = this.uploadBuild(props);
  }

  /**
   * The hashed assets first, never pruned, so a page opened before a release still loads its
   * lazy chunks; then the shell (`index.html` and the other root files) with `/config.json`,
   * pruned except the assets and the districts' files, and forgotten by CloudFront.
   */
  private uploadBuild(props: WebHostingProps): SiteFiles {
    const build = checkWebBuild(props.build);
    const files = new SiteFiles(this, 'Files', {
      bucketName: this.siteBucket.bucketName,
      bucketArn: this.siteBucket.bucketArn,
      encryptionKey: this.siteBucket.encryptionKey,
      logRetentionDays: props.logRetentionDays,
    });
    files.upload('Assets', {
      sources: [Source.asset(join(build, 'assets'))],
      keyPrefix: 'assets/',
      prune: false,
      cacheControl: ASSETS_CACHE,
      wildcardReason:
        'Every release adds assets under new hashed names, so the upload writes any name under assets/.',
    });
    files.upload('Shell', {
      sources: [
        Source.asset(build, { exclude: ['assets', 'assets/**'] }),
        Source.jsonData('config.json', props.config),
      ],
      keyPrefix: '',
      prune: true,
      keep: ['assets/*', `${DISTRICT_CONFIG_PREFIX}*`],
      cacheControl: SHELL_CACHE,
      invalidate: { distribution: this.distribution, paths: ['/index.html', '/config.json'] },
      wildcardReason:
        'The shell is whatever root files the build has, so the upload writes and prunes any name outside the kept assets and district files.',
    });
    return files;
  }

  /** The web app's origin (`https://<id>.cloudfront.net`), allowed by the APIs' and buckets' CORS. */
  get origin(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }
}

/** Scripts from the app only; data from this region's API Gateway, Cognito and S3 (presigned scans). */
function contentSecurityPolicy(region: string): string {
  const s3 = `https://*.s3.${region}.amazonaws.com`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob: ${s3}`,
    `frame-src 'self' blob: ${s3}`,
    `connect-src 'self' https://*.execute-api.${region}.amazonaws.com https://cognito-idp.${region}.amazonaws.com ${s3}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
