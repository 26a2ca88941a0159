import type { CfnElement } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#api/routes';
import { findDistrict } from '#domain/catalogue/units';
import { scansBucket } from '#infra/buckets';
import { PUBLIC_LOOKUP_PREFIX } from '#infra/config/routes';
import { stages } from '#infra/config/stages';
import { ACTIONS } from '#infra/constructs/data-access';
import { BINARY_MEDIA_TYPES } from '#infra/constructs/district-api';
import type { DistrictStack } from '#infra/stacks/district-stack';
import { districtTable } from '#infra/tables';
import { logicalId, type Synthesised, synthMotcua } from './support/synth.ts';
import {
  apiMethods,
  asList,
  bucketDeployments,
  flatten,
  onlyResource,
  type Props,
  resourcesOf,
  statementsOfRole,
  uploadedFiles,
} from './support/template.ts';

let synth: Synthesised;
let stack: DistrictStack;
let template: Template;

beforeAll(async () => {
  synth = await synthMotcua({ context: { district: 'hai-chau' } });
  stack = synth.districts[0] as DistrictStack;
  template = synth.template(stack);
}, 120_000);
afterAll(() => synth?.dispose());

const production = stages.production;

describe('District stack: the dossier table', () => {
  it('is built from the shared definition, on demand, with PITR, KMS, deletion protection and a stream', () => {
    const table = onlyResource(template, 'AWS::DynamoDB::Table');
    expect(table.TableName).toBe('motcua-district-hai-chau');
    expect(table.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.SSESpecification.SSEEnabled).toBe(true);
    expect(table.SSESpecification.SSEType).toBe('KMS');
    expect(JSON.stringify(table.SSESpecification.KMSMasterKeyId)).toContain('KeysDistricthaichau');
    expect(table.DeletionProtectionEnabled).toBe(true);
    expect(table.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(table.KeySchema).toEqual([
      { AttributeName: districtTable.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: districtTable.sortKey.name, KeyType: 'RANGE' },
    ]);
    expect(table.GlobalSecondaryIndexes.map((i: Props) => i.IndexName)).toEqual(
      districtTable.indexes.map((i) => i.indexName),
    );
  });

  it('is retained when the stack is deleted', () => {
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });
});

describe('District stack: the scans bucket', () => {
  const bucket = () =>
    Object.values(resourcesOf(template, 'AWS::S3::Bucket')).find((b) =>
      String(b.Properties.BucketName).includes('-scans-'),
    )?.Properties as Props;

  it('has the name the functions compute, with the account and region in the prefix', () => {
    expect(bucket().BucketName).toBe('motcua-123456789012-ap-southeast-1-scans-hai-chau');
  });

  it('is KMS-encrypted with the district key, versioned, never public and access-logged', () => {
    const b = bucket();
    const rule = b.BucketEncryption.ServerSideEncryptionConfiguration[0];
    expect(rule.ServerSideEncryptionByDefault.SSEAlgorithm).toBe('aws:kms');
    expect(JSON.stringify(rule.ServerSideEncryptionByDefault.KMSMasterKeyID)).toContain(
      'KeysDistricthaichau',
    );
    expect(rule.BucketKeyEnabled).toBe(true);
    expect(b.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(b.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(b.LoggingConfiguration.DestinationBucketName).toBeDefined();
  });

  it('refuses requests without TLS', () => {
    const policies = Object.values(resourcesOf(template, 'AWS::S3::BucketPolicy'));
    for (const { Properties } of policies) {
      expect(Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });

  it('moves scans to infrequent access after 90 days and Glacier after a year', () => {
    const [rule] = bucket().LifecycleConfiguration.Rules;
    expect(rule.Transitions).toEqual([
      { StorageClass: 'STANDARD_IA', TransitionInDays: 90 },
      { StorageClass: 'GLACIER_IR', TransitionInDays: 365 },
    ]);
  });

  it('locks objects for the retention the stage sets', () => {
    expect(bucket().ObjectLockEnabled).toBe(true);
    expect(bucket().ObjectLockConfiguration.Rule.DefaultRetention).toEqual({
      Mode: production.scansRetention.mode,
      Days: production.scansRetention.years * 365,
    });
  });

  it('allows presigned uploads from the web app only, with the shared CORS definition', () => {
    const [cors] = bucket().CorsConfiguration.CorsRules;
    expect(cors.AllowedMethods).toEqual(scansBucket.cors.allowedMethods);
    expect(cors.AllowedHeaders).toEqual(scansBucket.cors.allowedHeaders);
    expect(JSON.stringify(cors.AllowedOrigins)).toMatch(
      /^\[\{"Fn::Join":\["",\["https:\/\/",.*WebDistribution/,
    );
  });
});

describe('District stack: the API', () => {
  it('deploys every route of functions/api/routes.ts', () => {
    const methods = apiMethods(template);
    for (const route of routes) expect(methods.has(`${route.method} ${route.path}`)).toBe(true);
  });

  it('puts the Cognito authorizer on every route whose handler is not public, and none on public ones', async () => {
    const methods = apiMethods(template);
    const authorizer = logicalId(stack.api.authorizer.node.defaultChild as CfnElement);
    for (const route of synth.districts[0]?.routeFunctions.map((f) => f.route) ?? []) {
      const method = methods.get(`${route.method} ${route.path}`) as Props;
      if (route.access === 'public') {
        expect(method.AuthorizationType, route.path).toBe('NONE');
        expect(method.AuthorizerId).toBeUndefined();
      } else {
        expect(method.AuthorizationType, route.path).toBe('COGNITO_USER_POOLS');
        expect(method.AuthorizerId).toEqual({ Ref: authorizer });
      }
    }
    expect(onlyResource(template, 'AWS::ApiGateway::Authorizer').Type).toBe('COGNITO_USER_POOLS');
  });

  it('validates the request of every route', () => {
    const methods = apiMethods(template);
    const validator = onlyResource(template, 'AWS::ApiGateway::RequestValidator');
    expect(validator).toMatchObject({ ValidateRequestParameters: true, ValidateRequestBody: true });
    const ward = methods.get('POST /v1/wards/{wardId}/dossiers') as Props;
    expect(ward.RequestValidatorId).toBeDefined();
    expect(ward.RequestParameters).toEqual({ 'method.request.path.wardId': true });
  });

  it('throttles the stage and the public lookup, logs access as JSON and errors without bodies, and traces', () => {
    const stage = onlyResource(template, 'AWS::ApiGateway::Stage');
    expect(stage.StageName).toBe('production');
    expect(stage.TracingEnabled).toBe(true);
    expect(stage.AccessLogSetting.DestinationArn).toBeDefined();
    expect(JSON.parse(stage.AccessLogSetting.Format)).toHaveProperty('requestId');
    expect(stage.MethodSettings).toContainEqual(
      expect.objectContaining({
        HttpMethod: '*',
        ResourcePath: '/*',
        LoggingLevel: 'ERROR',
        DataTraceEnabled: false,
        ThrottlingRateLimit: production.apiThrottle.rateLimit,
        ThrottlingBurstLimit: production.apiThrottle.burstLimit,
      }),
    );
    expect(stage.MethodSettings).toContainEqual(
      expect.objectContaining({
        HttpMethod: 'GET',
        ResourcePath: '/~1v1~1public~1dossiers~1{code}',
        ThrottlingRateLimit: production.publicLookup.rateLimit,
      }),
    );
  });

  it('returns PDFs (the forms route) and Excel workbooks (report II.06a) as bytes, and keeps HTML, CSV and JSON as text', () => {
    const api = onlyResource(template, 'AWS::ApiGateway::RestApi');
    expect(api.BinaryMediaTypes).toEqual([
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(BINARY_MEDIA_TYPES).not.toContain('text/html');
    expect(BINARY_MEDIA_TYPES).not.toContain('text/csv');
    expect(BINARY_MEDIA_TYPES).not.toContain('*/*');
  });

  it('logs each request by its route template, never its query string (the forms route carries ?key=)', () => {
    const format = onlyResource(template, 'AWS::ApiGateway::Stage').AccessLogSetting.Format as string;
    const fields = JSON.parse(format) as Record<string, string>;
    for (const [name, variable] of Object.entries(fields)) {
      expect(variable, name).toMatch(/^\$context\.[A-Za-z.]+$/);
      expect(variable, name).not.toMatch(
        /requestOverride|querystring|query|\$context\.path\b|\$input|\$method/i,
      );
    }
    expect(fields.resourcePath).toBe('$context.resourcePath');
    expect(Object.values(fields).filter((v) => /path/i.test(v))).toEqual(['$context.resourcePath']);
  });

  it('sits behind a WAF web ACL with a rate-based rule on the public lookup', () => {
    const acl = onlyResource(template, 'AWS::WAFv2::WebACL');
    expect(acl.Scope).toBe('REGIONAL');
    const rule = (acl.Rules as Props[]).find((r) => r.Name === 'PublicLookupRate') as Props;
    expect(rule.Action).toEqual({ Block: {} });
    expect(rule.Statement.RateBasedStatement.Limit).toBe(production.publicLookup.wafLimitPer5Minutes);
    expect(rule.Statement.RateBasedStatement.ScopeDownStatement.ByteMatchStatement).toMatchObject({
      PositionalConstraint: 'CONTAINS',
      SearchString: PUBLIC_LOOKUP_PREFIX,
    });
    const association = onlyResource(template, 'AWS::WAFv2::WebACLAssociation');
    expect(JSON.stringify(association.ResourceArn)).toContain('/stages/');
  });
});

describe("District stack: the web app's configuration", () => {
  const upload = () => {
    const all = Object.values(bucketDeployments(template));
    expect(all).toHaveLength(1);
    return all[0] as Props;
  };

  it('writes only its own /config/districts/hai-chau.json into the city site bucket, never pruning, never invalidating', () => {
    const props = upload().Properties as Props;
    expect(flatten(props.DestinationBucketName)).toMatch(
      /^<import motcua-city:ExportsOutputRefWebSite[0-9A-F]+>$/,
    );
    expect(props.DestinationBucketKeyPrefix).toBe('config/districts/');
    expect(props.Exclude).toEqual(['*']);
    expect(props.Include).toEqual(['hai-chau.json']);
    expect(props.Prune).toBe(false);
    // Kept on delete: removing it would empty the whole prefix, the other districts' files too.
    expect(props.RetainOnDelete).toBeUndefined();
    expect(props.DistributionId).toBeUndefined();
    expect(props.SystemMetadata).toEqual({ 'cache-control': 'no-cache' });
  });

  it("names its API's URL with the stage and no trailing slash", () => {
    const files = uploadedFiles(synth.outdir, upload());
    expect(Object.keys(files)).toEqual(['hai-chau.json']);
    const api = logicalId(stack.api.api.node.defaultChild as CfnElement);
    const stage = logicalId(stack.api.api.deploymentStage.node.defaultChild as CfnElement);
    expect(JSON.parse(files['hai-chau.json'] as string)).toEqual({
      apiUrl: `https://<${api}>.execute-api.ap-southeast-1.<AWS::URLSuffix>/<${stage}>`,
    });
  });

  it('lets the upload write that one key and nothing else: no delete, no other key, no CloudFront', () => {
    const role = logicalId(stack.webConfig.role.node.defaultChild as CfnElement);
    const logs = logicalId(stack.webConfig.logGroup.node.defaultChild as CfnElement);
    const [archive] = upload().Properties.SourceObjectKeys as string[];
    const statements = statementsOfRole(template, role).map((s) => ({
      Action: s.Action,
      Resource: asList(s.Resource).map(flatten),
      ...(s.Condition ? { Condition: s.Condition } : {}),
    }));
    const siteArn = /^<import motcua-city:ExportsOutputFnGetAttWebSite[0-9A-F]+Arn[0-9A-F]+>/;
    expect(statements).toEqual([
      { Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: [`<${logs}.Arn>`] },
      {
        Action: 's3:GetObject',
        Resource: [`arn:aws:s3:::cdk-hnb659fds-assets-123456789012-ap-southeast-1/${archive}`],
      },
      {
        Action: 's3:ListBucket',
        Resource: [expect.stringMatching(new RegExp(`${siteArn.source}$`))],
        Condition: { StringLike: { 's3:prefix': 'config/districts/*' } },
      },
      {
        Action: 's3:PutObject',
        Resource: [expect.stringMatching(new RegExp(`${siteArn.source}/config/districts/hai-chau\\.json$`))],
      },
    ]);
    expect(resourcesOf(template, 'AWS::IAM::Role')[role]?.Properties.ManagedPolicyArns).toBeUndefined();
  });
});

describe('District stack: the Lambdas', () => {
  /** The product's functions: every Lambda but the one that uploads the web app's config file. */
  const functions = () => {
    const upload = logicalId(stack.webConfig.role.node.defaultChild as CfnElement);
    return Object.values(resourcesOf(template, 'AWS::Lambda::Function'))
      .map((f) => f.Properties)
      .filter((f) => f.Role['Fn::GetAtt']?.[0] !== upload);
  };

  /** A function's properties in the template. */
  const propsOf = (fn: { node: { defaultChild?: unknown } }) =>
    resourcesOf(template, 'AWS::Lambda::Function')[logicalId(fn.node.defaultChild as CfnElement)]
      ?.Properties as Props;

  it('has one per route, the agent ingest and the stats aggregation: Node 22 on arm64, traced, JSON logs in its own log group', () => {
    expect(stack.agentIngest).toBeDefined();
    expect(stack.node.tryFindChild('StatsAggregation')).toBeDefined();
    expect(functions()).toHaveLength(stack.routeFunctions.length + 2);
    for (const fn of functions()) {
      expect(fn.Runtime).toBe('nodejs22.x');
      expect(fn.Architectures).toEqual(['arm64']);
      expect(fn.TracingConfig).toEqual({ Mode: 'Active' });
      expect(fn.LoggingConfig).toMatchObject({ LogFormat: 'JSON', ApplicationLogLevel: 'INFO' });
      expect(fn.LoggingConfig.LogGroup).toHaveProperty('Ref');
    }
    for (const { Properties } of Object.values(resourcesOf(template, 'AWS::Logs::LogGroup'))) {
      expect(Properties.RetentionInDays).toBe(production.logRetentionDays);
    }
  });

  const BASE_ENVIRONMENT = [
    'MOTCUA_BUCKET_PREFIX',
    'MOTCUA_COGNITO_CLIENT_ID',
    'MOTCUA_COGNITO_ISSUER',
    'MOTCUA_TABLE_PREFIX',
  ];

  it('gives every function the environment functions/adapters/env.ts reads', () => {
    for (const fn of functions()) {
      expect(Object.keys(fn.Environment.Variables)).toEqual(expect.arrayContaining(BASE_ENVIRONMENT));
      expect(fn.Environment.Variables.MOTCUA_TABLE_PREFIX).toBe('motcua');
      expect(fn.Environment.Variables.MOTCUA_BUCKET_PREFIX).toBe('motcua-123456789012-ap-southeast-1');
      expect(JSON.stringify(fn.Environment.Variables.MOTCUA_COGNITO_ISSUER)).toContain(
        'https://cognito-idp.ap-southeast-1.amazonaws.com/',
      );
    }
  });

  it("gives every route the web app's CloudFront origin (CORS, printed links), and the IoT endpoint only to routes that publish", () => {
    for (const f of stack.routeFunctions) {
      const variables = propsOf(f.fn).Environment.Variables as Props;
      const label = `${f.route.method} ${f.route.path}`;
      const expected = [...BASE_ENVIRONMENT, 'MOTCUA_ALLOWED_ORIGIN', 'MOTCUA_WEB_URL'];
      if (f.route.needs.iot === 'publish') expected.push('MOTCUA_IOT_DATA_ENDPOINT');
      expect(Object.keys(variables).sort(), label).toEqual(expected.sort());
      for (const name of ['MOTCUA_ALLOWED_ORIGIN', 'MOTCUA_WEB_URL']) {
        expect(flatten(variables[name]), `${label} ${name}`).toMatch(
          /^https:\/\/<import motcua-city:ExportsOutputFnGetAttWebDistribution[0-9A-F]+DomainName[0-9A-F]+>$/,
        );
      }
      if (variables.MOTCUA_IOT_DATA_ENDPOINT) {
        expect(flatten(variables.MOTCUA_IOT_DATA_ENDPOINT), label).toMatch(
          /^<import motcua-city:ExportsOutputFnGetAttIotDataEndpointLookup[0-9A-F]+endpointAddress[0-9A-F]+>$/,
        );
      }
    }
    expect(stack.routeFunctions.filter((f) => f.route.needs.iot).length).toBeGreaterThan(0);
  });

  it('gives the agent ingest neither the web origin nor the IoT endpoint: it answers no browser and publishes nothing', () => {
    const variables = propsOf(stack.agentIngest?.bundled.fn as never).Environment.Variables as Props;
    expect(Object.keys(variables).sort()).toEqual([...BASE_ENVIRONMENT].sort());
  });

  it('reserves concurrency for the public lookup only', () => {
    for (const f of stack.routeFunctions) {
      const fn = f.fn.node.defaultChild as CfnElement;
      const props = resourcesOf(template, 'AWS::Lambda::Function')[logicalId(fn)]?.Properties as Props;
      const expected = f.route.path.startsWith(PUBLIC_LOOKUP_PREFIX)
        ? production.publicLookup.reservedConcurrency
        : undefined;
      expect(props.ReservedConcurrentExecutions, f.route.path).toBe(expected);
    }
  });
});

describe('District stack: least privilege', () => {
  const dataStatements = (statements: Props[]) =>
    statements.filter((s) =>
      asList(s.Action as string | string[]).some((a) => /^(dynamodb|s3|kms|iot):/.test(a)),
    );
  const topic = (kind: string) => `arn:aws:iot:ap-southeast-1:123456789012:topic/motcua/hai-chau/*/${kind}`;
  const actionsOn = (statements: Props[], fragment: string) =>
    statements
      .filter((s) => JSON.stringify(s.Resource).includes(fragment))
      .flatMap((s) => asList(s.Action as string | string[]))
      .sort();

  it('grants each route exactly the data its `needs` names', () => {
    for (const f of stack.routeFunctions) {
      const role = logicalId(f.bundled.role.node.defaultChild as CfnElement);
      const statements = dataStatements(statementsOfRole(template, role));
      const { needs } = f.route;
      const label = `${f.route.method} ${f.route.path}`;
      const table = logicalId(stack.table.table.node.defaultChild as CfnElement);
      const districtTable = actionsOn(statements, `"${table}"`).filter((a) => a.startsWith('dynamodb:'));
      const cityTable = actionsOn(statements, 'CityTable').filter((a) => a.startsWith('dynamodb:'));
      const objects = actionsOn(statements, '/*').filter((a) => a.startsWith('s3:'));
      expect(districtTable, label).toEqual(needs.dossiers ? [...ACTIONS.table[needs.dossiers]].sort() : []);
      expect(cityTable, label).toEqual(needs.city ? [...ACTIONS.table[needs.city]].sort() : []);
      expect(objects, label).toEqual(needs.scans ? [...ACTIONS.objects[needs.scans]].sort() : []);
      if (!needs.dossiers && !needs.city && !needs.scans && !needs.iot) expect(statements, label).toEqual([]);
    }
  });

  it("grants `iot: 'publish'` exactly: Publish on the district's commands and config topics, RetainPublish on config", () => {
    for (const f of stack.routeFunctions) {
      const role = logicalId(f.bundled.role.node.defaultChild as CfnElement);
      const iot = statementsOfRole(template, role)
        .filter((s) => asList(s.Action as string | string[]).some((a) => a.startsWith('iot:')))
        .map((s) => ({
          Effect: s.Effect,
          Action: s.Action,
          Resource: asList(s.Resource).map(flatten).sort(),
          Condition: s.Condition,
        }));
      const expected =
        f.route.needs.iot === 'publish'
          ? [
              { Effect: 'Allow', Action: 'iot:Publish', Resource: [topic('commands'), topic('config')] },
              { Effect: 'Allow', Action: 'iot:RetainPublish', Resource: [topic('config')] },
            ]
          : [];
      expect(iot, `${f.route.method} ${f.route.path}`).toEqual(expected);
    }
  });

  it('names each index of the district table instead of index/*', () => {
    const read = stack.routeFunctions.find((f) => f.route.needs.dossiers === 'read');
    const role = logicalId(read?.bundled.role.node.defaultChild as CfnElement);
    const resources = JSON.stringify(statementsOfRole(template, role).map((s) => s.Resource));
    for (const index of districtTable.indexes) expect(resources).toContain(`/index/${index.indexName}`);
  });

  it("uses no IAM action wildcard anywhere and names every resource except X-Ray, stream listing, scan objects and agents' wards", () => {
    for (const { Properties } of Object.values(resourcesOf(template, 'AWS::IAM::Policy'))) {
      for (const statement of Properties.PolicyDocument.Statement as Props[]) {
        for (const action of asList(statement.Action as string | string[])) expect(action).not.toContain('*');
        for (const resource of asList(statement.Resource)) {
          if (resource === '*') {
            // Neither X-Ray uploads nor DynamoDB ListStreams (the stream consumer's event source) take a resource.
            expect(
              asList(statement.Action).every(
                (a: string) => a.startsWith('xray:') || a === 'dynamodb:ListStreams',
              ),
            ).toBe(true);
          } else if (flatten(resource).includes(':iot:')) {
            expect([topic('commands'), topic('config')]).toContain(flatten(resource));
          } else if (JSON.stringify(resource).includes('*')) {
            expect(JSON.stringify(resource)).toMatch(/ScansBucket.*"\/\*"/);
          }
        }
      }
    }
  });

  it('lets the KMS keys serve the functions only through DynamoDB and S3', () => {
    for (const [id, { Properties }] of Object.entries(resourcesOf(template, 'AWS::IAM::Policy'))) {
      for (const statement of Properties.PolicyDocument.Statement as Props[]) {
        const actions = asList(statement.Action as string | string[]);
        if (!actions.some((a) => a.startsWith('kms:'))) continue;
        if (id.startsWith('StatsAggregation') && !statement.Condition) {
          // The event source's stream read grant (CDK's grantStreamRead): decrypting the stream
          // records of the district table's key, that key only.
          expect(actions.sort()).toEqual(['kms:Decrypt', 'kms:DescribeKey']);
          expect(JSON.stringify(statement.Resource)).toContain('KeysDistricthaichau');
          continue;
        }
        expect(Object.keys(statement.Condition.StringEquals)).toEqual(['kms:ViaService']);
      }
    }
  });
});

describe('District stack: alarms and dashboard', () => {
  it('alarms on API 5xx and Lambda throttles, notifying the city alarm topic', () => {
    const alarms = Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    const names = alarms.map((a) => a.AlarmName).sort();
    expect(names).toContain('motcua-hai-chau-api-5xx');
    expect(names.filter((n) => n.startsWith('motcua-hai-chau-lambda-throttles'))).toHaveLength(
      Math.ceil(stack.routeFunctions.length / 10),
    );
    for (const alarm of alarms) {
      expect(JSON.stringify(alarm.AlarmActions)).toContain('AlarmsTopic');
      expect(JSON.stringify(alarm.OKActions)).toContain('AlarmsTopic');
    }
  });

  it('has a dashboard', () => {
    expect(onlyResource(template, 'AWS::CloudWatch::Dashboard').DashboardName).toBe('motcua-hai-chau');
  });

  it('deploys the agent ingest (one IoT rule per agent topic) and the stats aggregation on the table stream', () => {
    template.resourceCountIs('AWS::IoT::TopicRule', 2);
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    const table = logicalId(stack.table.table.node.defaultChild as CfnElement);
    expect(onlyResource(template, 'AWS::Lambda::EventSourceMapping').EventSourceArn).toEqual({
      'Fn::GetAtt': [table, 'StreamArn'],
    });
  });

  it('alarms on the ingest and on each ward agent going offline, and shows the agents on the dashboard', () => {
    const alarms = Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm')).map(
      (a) => a.Properties.AlarmName as string,
    );
    expect(alarms).toEqual(
      expect.arrayContaining(['motcua-hai-chau-ingest-dlq', 'motcua-hai-chau-ingest-errors']),
    );
    expect(alarms.filter((n) => n.startsWith('motcua-hai-chau-agent-offline-')).sort()).toEqual(
      (findDistrict('hai-chau')?.wards ?? []).map((w) => `motcua-hai-chau-agent-offline-${w.id}`).sort(),
    );
    const body = JSON.stringify(onlyResource(template, 'AWS::CloudWatch::Dashboard').DashboardBody);
    expect(body).toContain('Ward agents');
    expect(body).toContain('Motcua/Edge');
  });
});
