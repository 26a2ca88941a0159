import { join } from 'node:path';
import { Stack, type StackProps } from 'aws-cdk-lib';
import { Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import type { District } from '#domain/catalogue/units';
import { scansBucket, scansBucketName } from '#infra/buckets';
import { districtTable } from '#infra/tables';
import type { DistrictConsumers } from '../config/consumers.ts';
import { names } from '../config/names.ts';
import { REPO_ROOT } from '../config/paths.ts';
import { type DeployedRoute, isPublicLookup, PUBLIC_LOOKUP_PREFIX } from '../config/routes.ts';
import type { StageParameters } from '../config/stages.ts';
import { AccessLogsBucket } from '../constructs/access-logs-bucket.ts';
import { AgentIngest } from '../constructs/agent-ingest.ts';
import { ApiFirewall } from '../constructs/api-firewall.ts';
import { watchApi } from '../constructs/api-monitoring.ts';
import { DataTable } from '../constructs/data-table.ts';
import { DistrictApi } from '../constructs/district-api.ts';
import { Monitoring } from '../constructs/monitoring.ts';
import { type RouteData, RouteFunction } from '../constructs/route-function.ts';
import { ScansBucket } from '../constructs/scans-bucket.ts';
import { SiteFiles } from '../constructs/site-files.ts';
import { StreamConsumer } from '../constructs/stream-consumer.ts';
import { DISTRICT_CONFIG_PREFIX, SHELL_CACHE } from '../constructs/web-hosting.ts';
import type { CityStack } from './city-stack.ts';

export interface DistrictStackProps extends StackProps {
  readonly stage: StageParameters;
  readonly district: District;
  readonly city: CityStack;
  /** Every route of functions/api/routes.ts with its access rule. */
  readonly routes: readonly DeployedRoute[];
  /** Event-driven capabilities whose handlers exist (see config/consumers.ts). */
  readonly consumers: DistrictConsumers;
}

/**
 * One district's deployment, shared by its wards: the dossier table and scans bucket, the API
 * with a Lambda per route, its firewall, the agent ingest (IoT topic rules), the dashboard and
 * alarms, and the web app's `/config/districts/<id>.json` naming its API; plus the stream
 * consumer once its handler exists.
 */
export class DistrictStack extends Stack {
  readonly table: DataTable;
  readonly scans: ScansBucket;
  readonly api: DistrictApi;
  readonly monitoring: Monitoring;
  readonly routeFunctions: RouteFunction[] = [];
  /** The IoT topic rules and their Lambda, when config/consumers.ts names the handler. */
  readonly agentIngest?: AgentIngest;
  /** Writes this district's `/config/districts/<id>.json` into the web app's bucket. */
  readonly webConfig: SiteFiles;

  constructor(scope: Construct, id: string, props: DistrictStackProps) {
    super(scope, id, props);
    const { stage, district, city } = props;
    const key = city.keys.district(district.id);
    this.monitoring = new Monitoring(this, 'Monitoring', {
      dashboardName: `${stage.prefix}-${district.id}`,
      alarmTopic: city.alarms.topic,
      alarmName: (what) => names.alarm(stage, district.id, what),
    });
    this.table = new DataTable(this, 'Table', {
      tableName: names.districtTable(stage, district.id),
      definition: districtTable,
      encryptionKey: key,
    });
    const logs = new AccessLogsBucket(this, 'AccessLogs', { retentionDays: stage.logRetentionDays });
    const bucketPrefix = names.bucketPrefix(stage, this.account, this.region);
    this.scans = new ScansBucket(this, 'Scans', {
      bucketName: scansBucketName(bucketPrefix, district.id),
      definition: scansBucket,
      allowedOrigins: [city.web.origin],
      encryptionKey: key,
      logsBucket: logs.bucket,
      retention: stage.scansRetention,
    });

    const lookups = props.routes.filter(isPublicLookup);
    this.api = new DistrictApi(this, 'Api', {
      restApiName: `${stage.prefix}-${district.id}`,
      stageName: stage.name,
      userPool: city.users.userPool,
      allowedOrigins: [city.web.origin],
      throttle: stage.apiThrottle,
      routeThrottles: Object.fromEntries(lookups.map((r) => [`${r.method} ${r.path}`, stage.publicLookup])),
      logRetentionDays: stage.logRetentionDays,
    });
    // The variables functions/adapters/env.ts reads; MOTCUA_IOT_DATA_ENDPOINT is added by
    // RouteFunction to the routes that publish to agents, and to no other function.
    const environment = {
      MOTCUA_TABLE_PREFIX: stage.prefix,
      MOTCUA_BUCKET_PREFIX: bucketPrefix,
      MOTCUA_COGNITO_ISSUER: city.users.issuer,
      MOTCUA_COGNITO_CLIENT_ID: city.users.webClient.userPoolClientId,
    };
    // API answers name the web app's origin (functions/api/http.ts), and the receipt's QR code links
    // to its public lookup; event consumers answer no browser.
    const routeEnvironment = {
      ...environment,
      MOTCUA_ALLOWED_ORIGIN: city.web.origin,
      MOTCUA_WEB_URL: city.web.origin,
    };
    const data: RouteData = {
      dossiers: this.table,
      city: city.cityTable,
      scans: this.scans,
      iot: { districtId: district.id, dataEndpoint: city.iotDataEndpoint.address },
    };
    for (const route of props.routes) {
      const fn = new RouteFunction(this, `Route-${route.id}`, {
        route,
        data,
        environment: routeEnvironment,
        logRetentionDays: stage.logRetentionDays,
        reservedConcurrency: isPublicLookup(route) ? stage.publicLookup.reservedConcurrency : undefined,
      });
      this.api.addRoute(route, fn.fn);
      this.routeFunctions.push(fn);
    }
    this.webConfig = this.publishApiUrl(district, city, stage);
    const firewall = new ApiFirewall(this, 'Firewall', {
      name: `${stage.prefix}-${district.id}-api`,
      stageArn: this.api.api.deploymentStage.stageArn,
      publicLookupPrefix: PUBLIC_LOOKUP_PREFIX,
      publicLookupLimit: stage.publicLookup.wafLimitPer5Minutes,
      perIpLimit: stage.wafLimitPerIpPer5Minutes,
    });
    watchApi(this.monitoring, {
      api: this.api.api,
      functions: this.routeFunctions.map((f) => ({ label: `${f.route.method} ${f.route.path}`, fn: f.fn })),
      table: this.table,
      webAclName: firewall.webAcl.name as string,
    });

    const common = {
      data,
      environment,
      monitoring: this.monitoring,
      logRetentionDays: stage.logRetentionDays,
    };
    const { agentIngest, statsAggregation } = props.consumers;
    if (agentIngest) {
      this.agentIngest = new AgentIngest(this, 'AgentIngest', {
        ...common,
        entry: join(REPO_ROOT, agentIngest.entry),
        module: agentIngest.module,
        needs: agentIngest.needs,
        topics: agentIngest.topics,
        district,
        reservedConcurrency: stage.agentIngestConcurrency,
      });
    }
    if (statsAggregation) {
      new StreamConsumer(this, 'StatsAggregation', {
        ...common,
        entry: join(REPO_ROOT, statsAggregation.entry),
        module: statsAggregation.module,
        needs: statsAggregation.needs,
        name: 'aggregate',
        source: this.table,
      });
    }
  }

  /**
   * Writes `/config/districts/<id>.json` (`{ "apiUrl": … }`) into the city's site bucket, so the
   * web app finds this district's API without a city deploy. The upload may write that one key
   * and delete nothing, so a district can never touch another's file or the app; it is kept when
   * the stack is deleted (removing it would empty the whole prefix). No CloudFront invalidation:
   * the file is `no-cache`, which CloudFront keeps for one second.
   */
  private publishApiUrl(district: District, city: CityStack, stage: StageParameters): SiteFiles {
    const files = new SiteFiles(this, 'WebConfig', {
      bucketName: city.web.siteBucket.bucketName,
      bucketArn: city.web.siteBucket.bucketArn,
      encryptionKey: city.web.siteBucket.encryptionKey,
      logRetentionDays: stage.logRetentionDays,
    });
    const file = `${district.id}.json`;
    files.upload('ApiUrl', {
      sources: [Source.jsonData(file, { apiUrl: this.apiUrl })],
      keyPrefix: DISTRICT_CONFIG_PREFIX,
      files: [file],
      prune: false,
      cacheControl: SHELL_CACHE,
    });
    return files;
  }

  /** The API's base URL with its stage and no trailing slash (`https://<id>.execute-api.<region>.amazonaws.com/<stage>`). */
  get apiUrl(): string {
    const api = this.api.api;
    return `https://${api.restApiId}.execute-api.${this.region}.${this.urlSuffix}/${api.deploymentStage.stageName}`;
  }
}
