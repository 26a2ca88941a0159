import { DEFAULT_BUCKET_PREFIX } from '#infra/buckets';
import { DEFAULT_TABLE_PREFIX } from '#infra/tables';

/**
 * The environment the functions read. Read on each call, not at import, so the local runtime
 * and tests can set it before the first request.
 */
export function readEnv() {
  return {
    /** Prefix of table names (`<prefix>-city`, `<prefix>-district-<id>`). */
    tablePrefix: process.env.MOTCUA_TABLE_PREFIX || DEFAULT_TABLE_PREFIX,
    /** Prefix of scans bucket names (`<prefix>-scans-<district>`). */
    bucketPrefix: process.env.MOTCUA_BUCKET_PREFIX || DEFAULT_BUCKET_PREFIX,
    /** S3 endpoint override, set by the local runtime (s3rver, path-style). */
    s3Endpoint: process.env.MOTCUA_S3_ENDPOINT || undefined,
    /** DynamoDB endpoint override, set by the local runtime (DynamoDB Local). */
    dynamodbEndpoint: process.env.MOTCUA_DYNAMODB_ENDPOINT || undefined,
    /** HS256 secret of the local token issuer; only the local runtime sets it. */
    localJwtSecret: process.env.MOTCUA_LOCAL_JWT_SECRET || undefined,
    /** Cognito user pool issuer URL in the cloud (`https://cognito-idp.<region>.amazonaws.com/<poolId>`). */
    cognitoIssuer: process.env.MOTCUA_COGNITO_ISSUER || undefined,
    /** Cognito app client id, the expected audience of id tokens. */
    cognitoClientId: process.env.MOTCUA_COGNITO_CLIENT_ID || undefined,
    /**
     * IoT Core data-plane endpoint for publishing to agents: the account's
     * `https://<id>-ats.iot.<region>.amazonaws.com` (`aws iot describe-endpoint --endpoint-type
     * iot:Data-ATS`), or the local runtime's data-plane shim.
     */
    iotDataEndpoint: process.env.MOTCUA_IOT_DATA_ENDPOINT || undefined,
    /**
     * The web app's origin (`https://<id>.cloudfront.net`), echoed in `access-control-allow-origin`
     * on every API answer (functions/api/http.ts); when unset, as in the local runtime, none is added.
     */
    allowedOrigin: process.env.MOTCUA_ALLOWED_ORIGIN || undefined,
    /**
     * The web app's origin for links printed on paper (the receipt's QR code opens its public
     * lookup): the CloudFront origin in the cloud, the local runtime's own URL locally.
     */
    webUrl: process.env.MOTCUA_WEB_URL || undefined,
  };
}

/** Issuer claim of tokens made by the local token issuer. */
export const LOCAL_TOKEN_ISSUER = 'motcua-local';
