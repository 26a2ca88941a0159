import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  AuthorizationType,
  CognitoUserPoolsAuthorizer,
  Cors,
  EndpointType,
  LambdaIntegration,
  LogGroupLogDestination,
  type Method,
  MethodLoggingLevel,
  type MethodOptions,
  type RequestValidator,
  ResponseType,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { DeployedRoute } from '../config/routes.ts';
import { acknowledge } from './nag.ts';

/** Requests per second and burst. */
export interface Throttle {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

/**
 * Media types API Gateway returns as bytes: a handler's base64 body (`isBase64Encoded`, see
 * functions/api/http.ts) is decoded when the request's first `Accept` type matches one, so
 * `GET /v1/dossiers/{code}/forms/{form}` must be fetched with `Accept: application/pdf` and
 * `GET /v1/reports/06a?format=xlsx` with the Excel type. HTML previews, CSV and JSON are text
 * and pass as they are. No wildcard type: it would hand every request body to the Lambdas base64 encoded.
 */
export const BINARY_MEDIA_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;

/**
 * The access log line. The route is logged as its template (`$context.resourcePath`, e.g.
 * `/v1/dossiers/{code}/forms/{form}`): never the path values nor the query string, since the
 * forms route carries the citizen's lookup key in `?key=`, and nothing of the request itself.
 */
export const ACCESS_LOG_FORMAT = AccessLogFormat.jsonWithStandardFields({
  caller: true,
  httpMethod: true,
  ip: true,
  protocol: true,
  requestTime: true,
  resourcePath: true,
  responseLength: true,
  status: true,
  user: true,
});

export interface DistrictApiProps {
  readonly restApiName: string;
  /** Stage name, the first path segment of every URL (`/<stage>/v1/...`). */
  readonly stageName: string;
  readonly userPool: IUserPool;
  /** The web app's origins, for CORS. */
  readonly allowedOrigins: readonly string[];
  readonly throttle: Throttle;
  /** Tighter throttling of single routes, by `<METHOD> <path>`. */
  readonly routeThrottles: Readonly<Record<string, Throttle>>;
  readonly logRetentionDays: number;
}

/**
 * A district's REST API: regional, X-Ray traced, throttled, with JSON access logs and error
 * logs (never request bodies nor query strings: they hold personal data), a request validator,
 * CORS for the web app, PDFs as bytes, and the Cognito authorizer on every route whose handler
 * is not public.
 */
export class DistrictApi extends Construct {
  readonly api: RestApi;
  readonly authorizer: CognitoUserPoolsAuthorizer;
  readonly accessLogs: LogGroup;
  private readonly validator: RequestValidator;

  constructor(scope: Construct, id: string, props: DistrictApiProps) {
    super(scope, id);
    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const methodOptions: Record<string, { throttlingRateLimit: number; throttlingBurstLimit: number }> = {};
    for (const [route, t] of Object.entries(props.routeThrottles)) {
      const [method, path] = route.split(' ');
      methodOptions[`${path}/${method}`] = {
        throttlingRateLimit: t.rateLimit,
        throttlingBurstLimit: t.burstLimit,
      };
    }
    this.api = new RestApi(this, 'Api', {
      restApiName: props.restApiName,
      description: 'Một Cửa Điện Tử API',
      endpointTypes: [EndpointType.REGIONAL],
      // The account's logging role belongs to the city stack (ApiGatewayLogging).
      cloudWatchRole: false,
      binaryMediaTypes: [...BINARY_MEDIA_TYPES],
      deployOptions: {
        stageName: props.stageName,
        tracingEnabled: true,
        loggingLevel: MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        accessLogDestination: new LogGroupLogDestination(this.accessLogs),
        accessLogFormat: ACCESS_LOG_FORMAT,
        throttlingRateLimit: props.throttle.rateLimit,
        throttlingBurstLimit: props.throttle.burstLimit,
        methodOptions,
      },
      defaultCorsPreflightOptions: {
        allowOrigins: [...props.allowedOrigins],
        allowMethods: Cors.ALL_METHODS,
        allowHeaders: ['authorization', 'content-type'],
        maxAge: Duration.hours(1),
      },
    });
    // Errors API Gateway answers itself (401 from the authorizer, 429, 5xx) carry CORS too, so
    // the browser shows the real status instead of a CORS failure.
    for (const type of [ResponseType.DEFAULT_4XX, ResponseType.DEFAULT_5XX]) {
      this.api.addGatewayResponse(type.responseType, {
        type,
        responseHeaders: { 'Access-Control-Allow-Origin': `'${props.allowedOrigins[0]}'` },
      });
    }
    this.authorizer = new CognitoUserPoolsAuthorizer(this, 'Authorizer', {
      cognitoUserPools: [props.userPool],
      identitySource: 'method.request.header.Authorization',
      resultsCacheTtl: Duration.minutes(5),
    });
    // Bodies are checked against a model only where a method sets one; the real schema of each
    // body is its handler's zod schema, which answers 400 naming every bad field.
    this.validator = this.api.addRequestValidator('Validator', {
      validateRequestParameters: true,
      validateRequestBody: true,
    });
  }

  /** Adds a route with its Lambda: no authorizer when the handler is public, Cognito otherwise. */
  addRoute(route: DeployedRoute, fn: IFunction): Method {
    const isPublic = route.access === 'public';
    const options: MethodOptions = {
      authorizationType: isPublic ? AuthorizationType.NONE : AuthorizationType.COGNITO,
      authorizer: isPublic ? undefined : this.authorizer,
      requestValidator: this.validator,
      requestParameters: pathParameters(route.path),
    };
    const method = this.api.root
      .resourceForPath(route.path)
      .addMethod(route.method, new LambdaIntegration(fn, { allowTestInvoke: false }), options);
    if (isPublic) {
      const reason = `${route.method} ${route.path} is public by its handler's access rule (functions/handlers/${route.module}.ts).`;
      acknowledge(method, 'AwsSolutions-APIG4', reason);
      acknowledge(method, 'AwsSolutions-COG4', reason);
    }
    return method;
  }
}

/** `method.request.path.<name>` for each `{name}` of the path: required, as API Gateway checks. */
function pathParameters(path: string): Record<string, boolean> {
  const params: Record<string, boolean> = {};
  for (const match of path.matchAll(/\{([^}+]+)\+?\}/g)) params[`method.request.path.${match[1]}`] = true;
  return params;
}
