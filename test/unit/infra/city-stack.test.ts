import type { CfnElement } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIMS, Role } from '#domain/auth/principal';
import { districtIds } from '#infra/config/districts';
import { stages } from '#infra/config/stages';
import { POLICY_VARIABLES } from '#infra/constructs/agent-policy';
import { STATIC_FILE_TYPES } from '#infra/constructs/web-hosting';
import { cityTable } from '#infra/tables';
import { logicalId, type Synthesised, synthMotcua } from './support/synth.ts';
import {
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
let template: Template;

beforeAll(async () => {
  synth = await synthMotcua({ context: { district: 'hai-chau' } });
  template = synth.template(synth.city);
}, 120_000);
afterAll(() => synth?.dispose());

describe('City stack: staff directory', () => {
  it('has a group for every role', () => {
    const groups = Object.values(resourcesOf(template, 'AWS::Cognito::UserPoolGroup')).map(
      (g) => g.Properties.GroupName,
    );
    expect(groups.sort()).toEqual([...Role.options].sort());
  });

  it('carries the ward and district as custom attributes named as the functions read them', () => {
    const pool = onlyResource(template, 'AWS::Cognito::UserPool');
    const custom = (pool.Schema as Props[]).map((a) => `custom:${a.Name}`);
    expect(custom).toEqual(expect.arrayContaining([CLAIMS.ward, CLAIMS.district]));
  });

  it('has optional TOTP MFA, enforced threat protection, and no self sign-up', () => {
    const pool = onlyResource(template, 'AWS::Cognito::UserPool');
    expect(pool.MfaConfiguration).toBe('OPTIONAL');
    expect(pool.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(pool.UserPoolTier).toBe('PLUS');
    expect(pool.UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'ENFORCED' });
    expect(pool.AdminCreateUserConfig).toEqual({ AllowAdminCreateUserOnly: true });
    expect(pool.DeletionProtection).toBe('ACTIVE');
  });

  it('lets the web client sign in with USER_PASSWORD_AUTH, as the web app does, and keeps SRP', () => {
    const client = onlyResource(template, 'AWS::Cognito::UserPoolClient');
    expect([...client.ExplicitAuthFlows].sort()).toEqual([
      'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_USER_PASSWORD_AUTH',
      'ALLOW_USER_SRP_AUTH',
    ]);
  });

  it('lets the web client read the ward and district but never write them', () => {
    const client = onlyResource(template, 'AWS::Cognito::UserPoolClient');
    expect(client.GenerateSecret).toBe(false);
    expect(client.ReadAttributes).toEqual(expect.arrayContaining([CLAIMS.ward, CLAIMS.district]));
    expect(client.WriteAttributes).not.toContain(CLAIMS.ward);
    expect(client.WriteAttributes).not.toContain(CLAIMS.district);
  });
});

describe('City stack: data', () => {
  it('keeps a rotated, retained KMS key for the city and for every district', () => {
    const keys = template.findResources('AWS::KMS::Key');
    expect(Object.keys(keys)).toHaveLength(districtIds.length + 1);
    for (const key of Object.values(keys) as Props[]) {
      expect(key.Properties.EnableKeyRotation).toBe(true);
      expect(key.DeletionPolicy).toBe('Retain');
    }
    const aliases = Object.values(resourcesOf(template, 'AWS::KMS::Alias')).map(
      (a) => a.Properties.AliasName,
    );
    for (const id of districtIds) expect(aliases).toContain(`alias/motcua/district/${id}`);
  });

  it('has the stats (city) table from the shared definition, with PITR, KMS, deletion protection and a stream', () => {
    const table = onlyResource(template, 'AWS::DynamoDB::Table');
    expect(table.TableName).toBe('motcua-city');
    expect(table.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.SSESpecification).toMatchObject({ SSEEnabled: true, SSEType: 'KMS' });
    expect(table.DeletionProtectionEnabled).toBe(true);
    expect(table.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(table.KeySchema[0].AttributeName).toBe(cityTable.partitionKey.name);
  });

  it('exports every district key, whichever district this synth builds', () => {
    const outputs = JSON.stringify(template.toJSON().Outputs);
    for (const id of districtIds) expect(outputs).toContain(`KeysDistrict${id.replace(/-/g, '')}`);
  });
});

describe('City stack: hosted web app', () => {
  it('serves a private bucket through CloudFront with origin access control, HTTPS only', () => {
    const site = Object.values(resourcesOf(template, 'AWS::S3::Bucket')).find(
      (b) => b.Properties.VersioningConfiguration,
    );
    expect(site?.Properties.PublicAccessBlockConfiguration).toMatchObject({
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
    const oac = onlyResource(template, 'AWS::CloudFront::OriginAccessControl');
    expect(oac.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
    });
    const config = onlyResource(template, 'AWS::CloudFront::Distribution').DistributionConfig;
    expect(config.Origins[0].OriginAccessControlId).toBeDefined();
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.Logging.Prefix).toBe('cloudfront/');
  });

  it('sends security headers with every response', () => {
    const config = onlyResource(
      template,
      'AWS::CloudFront::ResponseHeadersPolicy',
    ).ResponseHeadersPolicyConfig;
    const security = config.SecurityHeadersConfig;
    expect(security.StrictTransportSecurity).toMatchObject({ IncludeSubdomains: true, Preload: true });
    expect(security.FrameOptions.FrameOption).toBe('DENY');
    expect(security.ContentTypeOptions.Override).toBe(true);
    expect(security.ReferrerPolicy.ReferrerPolicy).toBe('strict-origin-when-cross-origin');
    expect(security.ContentSecurityPolicy.ContentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(security.ContentSecurityPolicy.ContentSecurityPolicy).toContain("script-src 'self'");
  });

  it('routes every app path to the shell, dots in procedure ids and dossier codes included, and leaves files alone', () => {
    const code = onlyResource(template, 'AWS::CloudFront::Function').FunctionCode as string;
    const handler = new Function(`${code}; return handler;`)() as (e: unknown) => { uri: string };
    const uri = (path: string) => handler({ request: { uri: path } }).uri;
    const routes = ['/', '/desk', '/lookup', '/queue/hai-chau-i', '/procedures/2.000884'];
    for (const route of [...routes, '/dossiers/000.01.01.H17-250101-0001']) {
      expect(uri(route), route).toBe('/index.html');
    }
    const files = [
      '/assets/index-abc123.js',
      '/favicon.ico',
      '/config.json',
      '/config/districts/son-tra.json',
    ];
    for (const file of [...files, ...STATIC_FILE_TYPES.map((type) => `/assets/file-0a1b.${type}`)]) {
      expect(uri(file), file).toBe(file);
    }
  });

  it("answers a missing file with S3's error, not with the shell (no custom error responses)", () => {
    const config = onlyResource(template, 'AWS::CloudFront::Distribution').DistributionConfig;
    expect(config.CustomErrorResponses).toBeUndefined();
  });
});

describe('City stack: the web app upload', () => {
  const deployment = (name: 'Assets' | 'Shell') => {
    const found = Object.entries(bucketDeployments(template)).find(([id]) =>
      id.startsWith(`WebFiles${name}`),
    );
    if (!found) throw new Error(`no ${name} upload`);
    return { id: found[0], resource: found[1], props: found[1].Properties as Props };
  };
  const site = () => logicalId(synth.city.web.siteBucket.node.defaultChild as CfnElement);

  it('uploads the hashed assets under assets/, cached for a year and never pruned, so open pages still load old chunks', () => {
    const { props, resource } = deployment('Assets');
    expect(props.DestinationBucketName).toEqual({ Ref: site() });
    expect(props.DestinationBucketKeyPrefix).toBe('assets/');
    expect(props.Prune).toBe(false);
    expect(props.SystemMetadata).toEqual({ 'cache-control': 'public, max-age=31536000, immutable' });
    expect(props.DistributionId).toBeUndefined();
    expect(Object.keys(uploadedFiles(synth.outdir, resource))).toEqual(['index-fixture.js']);
  });

  it("uploads the shell and /config.json uncached, after the assets, pruning all but the assets and the districts' files, and invalidates them", () => {
    const { props, resource } = deployment('Shell');
    expect(props.DestinationBucketName).toEqual({ Ref: site() });
    expect(props.DestinationBucketKeyPrefix).toBeUndefined();
    expect(props.Prune).toBe(true);
    expect(props.Exclude).toEqual(['assets/*', 'config/districts/*']);
    expect(props.SystemMetadata).toEqual({ 'cache-control': 'no-cache' });
    expect(props.DistributionId).toEqual({
      Ref: logicalId(synth.city.web.distribution.node.defaultChild as CfnElement),
    });
    expect(props.DistributionPaths).toEqual(['/index.html', '/config.json']);
    expect(resource.DependsOn).toContain(deployment('Assets').id);
    expect(Object.keys(uploadedFiles(synth.outdir, resource)).sort()).toEqual(['config.json', 'index.html']);
  });

  it('writes /config.json as the web app reads it: Cognito in this region with the web client, and every district', () => {
    const files = uploadedFiles(synth.outdir, deployment('Shell').resource);
    const client = logicalId(synth.city.users.webClient.node.defaultChild as CfnElement);
    expect(JSON.parse(files['config.json'] as string)).toEqual({
      auth: { kind: 'cognito', region: 'ap-southeast-1', clientId: `<${client}>` },
      districtIds,
    });
  });

  it('lets the upload only write its logs, read its own archives, write the site bucket and invalidate its distribution', () => {
    const role = logicalId(synth.city.web.files.role.node.defaultChild as CfnElement);
    expect(resourcesOf(template, 'AWS::IAM::Role')[role]?.Properties.ManagedPolicyArns).toBeUndefined();
    const archives = [deployment('Assets'), deployment('Shell')].flatMap(({ props }) =>
      (props.SourceObjectKeys as string[]).map(
        (key) => `arn:aws:s3:::cdk-hnb659fds-assets-123456789012-ap-southeast-1/${key}`,
      ),
    );
    const bucket = `<${site()}.Arn>`;
    const distribution = logicalId(synth.city.web.distribution.node.defaultChild as CfnElement);
    const logs = logicalId(synth.city.web.files.logGroup.node.defaultChild as CfnElement);
    const statements = statementsOfRole(template, role).map((s) => ({
      Action: s.Action,
      Resource: asList(s.Resource).map(flatten),
      ...(s.Condition ? { Condition: s.Condition } : {}),
    }));
    expect(statements).toEqual(
      expect.arrayContaining([
        { Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: [`<${logs}.Arn>`] },
        ...archives.map((archive) => ({ Action: 's3:GetObject', Resource: [archive] })),
        {
          Action: 's3:ListBucket',
          Resource: [bucket],
          Condition: { StringLike: { 's3:prefix': 'assets/*' } },
        },
        { Action: 's3:PutObject', Resource: [`${bucket}/assets/*`] },
        { Action: 's3:ListBucket', Resource: [bucket] },
        { Action: ['s3:PutObject', 's3:DeleteObject'], Resource: [`${bucket}/*`] },
        {
          Action: ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'],
          Resource: [`arn:aws:cloudfront::123456789012:distribution/<${distribution}>`],
        },
      ]),
    );
    expect(statements).toHaveLength(archives.length + 6);
  });

  it('runs the upload handler under that role, logging into its own log group', () => {
    const role = logicalId(synth.city.web.files.role.node.defaultChild as CfnElement);
    const handlers = Object.values(resourcesOf(template, 'AWS::Lambda::Function')).filter(
      (f) => f.Properties.Role['Fn::GetAtt']?.[0] === role,
    );
    expect(handlers).toHaveLength(1);
    const logs = logicalId(synth.city.web.files.logGroup.node.defaultChild as CfnElement);
    expect(handlers[0]?.Properties.LoggingConfig.LogGroup).toEqual({ Ref: logs });
  });

  it('exports the site bucket for the districts, whichever district this synth builds', () => {
    const outputs = JSON.stringify(template.toJSON().Outputs);
    expect(outputs).toContain(`"Ref":"${site()}"`);
    expect(outputs).toContain(`"Fn::GetAtt":["${site()}","Arn"]`);
  });

  it('fails the synth, saying how to build, when the web build is missing', async () => {
    await expect(
      synthMotcua({ context: { district: 'hai-chau', webDist: 'test/fixtures/no-such-build' } }),
    ).rejects.toThrow(/the web app is not built: .*no-such-build.*Run `npm run build` first/);
  });
});

describe('City stack: ward agents (IoT)', () => {
  const statements = () => onlyResource(template, 'AWS::IoT::Policy').PolicyDocument.Statement as Props[];
  /** The ARN tail after `:iot:<region>:<account>:`. */
  const tails = (statement: Props) =>
    asList(statement.Resource).map((r: Props) =>
      (r['Fn::Join'][1] as string[]).at(-1)?.replace(/^:iot:[^:]+:\d+:/, ''),
    );

  /** What IoT Core does per connection: substitutes the connecting thing's name and attributes. */
  const resolveFor = (thing: { name: string; district: string; ward: string }, tail: string) =>
    tail
      .replaceAll(POLICY_VARIABLES.thingName, thing.name)
      .replaceAll(POLICY_VARIABLES.district, thing.district)
      .replaceAll(POLICY_VARIABLES.ward, thing.ward);

  it('lets a thing connect only as itself: client id = thing name, certificate attached to it', () => {
    const connect = statements().find((s) => s.Action === 'iot:Connect') as Props;
    expect(POLICY_VARIABLES.thingName).toBe(`\${iot:Connection.Thing.ThingName}`);
    expect(tails(connect)).toEqual([`client/${POLICY_VARIABLES.thingName}`]);
    expect(connect.Condition.Bool).toEqual({ 'iot:Connection.Thing.IsAttached': 'true' });
    expect(connect.Condition.StringEquals).toEqual({
      'iot:Connection.Thing.ThingTypeName': 'motcua-ward-agent',
    });
  });

  it("resolves, for a ward's agent, to exactly that ward's topics and nothing wider", () => {
    const agent = { name: 'motcua-hai-chau-i', district: 'hai-chau', ward: 'hai-chau-i' };
    const allowed = (action: string) =>
      statements()
        .filter((s) => s.Action === action)
        .flatMap(tails)
        .map((t) => resolveFor(agent, t as string))
        .sort();
    expect(allowed('iot:Connect')).toEqual(['client/motcua-hai-chau-i']);
    expect(allowed('iot:Publish')).toEqual([
      'topic/motcua/hai-chau/hai-chau-i/events',
      'topic/motcua/hai-chau/hai-chau-i/status',
    ]);
    expect(allowed('iot:RetainPublish')).toEqual(['topic/motcua/hai-chau/hai-chau-i/status']);
    expect(allowed('iot:Subscribe')).toEqual([
      'topicfilter/motcua/hai-chau/hai-chau-i/commands',
      'topicfilter/motcua/hai-chau/hai-chau-i/config',
    ]);
    expect(allowed('iot:Receive')).toEqual([
      'topic/motcua/hai-chau/hai-chau-i/commands',
      'topic/motcua/hai-chau/hai-chau-i/config',
    ]);
    for (const s of statements()) for (const t of tails(s)) expect(t).not.toMatch(/[*+#]/);
  });

  it("looks up the account's IoT data-plane endpoint (ATS) once at deploy and exports it for the districts", () => {
    const lookup = onlyResource(template, 'Custom::IotDataEndpoint');
    for (const call of [lookup.Create, lookup.Update]) {
      expect(JSON.parse(call)).toEqual({
        service: '@aws-sdk/client-iot',
        action: 'describeEndpoint',
        parameters: { endpointType: 'iot:Data-ATS' },
        physicalResourceId: { id: 'iot:Data-ATS' },
        outputPaths: ['endpointAddress'],
      });
    }
    expect(lookup.InstallLatestAwsSdk).toBe(false);
    const outputs = JSON.stringify(template.toJSON().Outputs);
    expect(outputs).toMatch(/"Fn::GetAtt":\["IotDataEndpointLookup[0-9A-F]+","endpointAddress"\]/);
  });

  it('lets the lookup only describe the endpoint and write its own logs, with no managed policy', () => {
    const roles = Object.entries(resourcesOf(template, 'AWS::IAM::Role')).filter(([id]) =>
      id.startsWith('IotDataEndpoint'),
    );
    expect(roles).toHaveLength(1);
    const [roleId, role] = roles[0] as [string, { Properties: Props }];
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    const statements = Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
      .filter(({ Properties }) => (Properties.Roles as Props[]).some((r) => r.Ref === roleId))
      .flatMap(({ Properties }) => Properties.PolicyDocument.Statement as Props[]);
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/^IotDataEndpointLogs/), 'Arn'] },
      },
      { Effect: 'Allow', Action: 'iot:DescribeEndpoint', Resource: '*' },
    ]);
    const fn = Object.values(resourcesOf(template, 'AWS::Lambda::Function')).find(
      (f) => f.Properties.Role['Fn::GetAtt'][0] === roleId,
    );
    expect(fn?.Properties.LoggingConfig.LogGroup.Ref).toMatch(/^IotDataEndpointLogs/);
  });

  it('logs IoT Core at the stage level into a log group with retention', () => {
    expect(onlyResource(template, 'AWS::IoT::Logging').DefaultLogLevel).toBe(stages.production.iotLogLevel);
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: 'AWSIotLogsV2',
      RetentionInDays: stages.production.logRetentionDays,
    });
  });
});

describe('City stack: account-wide settings and alarms', () => {
  it('owns the API Gateway logging role, which no district stack sets', () => {
    template.resourceCountIs('AWS::ApiGateway::Account', 1);
    synth.template(synth.districts[0] as never).resourceCountIs('AWS::ApiGateway::Account', 0);
  });

  it('has one encrypted, TLS-only alarm topic that CloudWatch of this account may publish to', () => {
    expect(onlyResource(template, 'AWS::SNS::Topic').KmsMasterKeyId).toBeDefined();
    const policy = onlyResource(template, 'AWS::SNS::TopicPolicy').PolicyDocument.Statement as Props[];
    expect(policy).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
    expect(policy).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: 'sns:Publish',
      }),
    );
  });
});
