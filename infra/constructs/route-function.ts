import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import type { RouteNeeds } from '#api/routes';
import { tuningFor } from '../config/functions.ts';
import type { DeployedRoute } from '../config/routes.ts';
import { grantAgentPublish } from './agent-publish.ts';
import { BundledFunction } from './bundled-function.ts';
import { grantScans, grantTable } from './data-access.ts';
import type { DataTable } from './data-table.ts';
import type { ScansBucket } from './scans-bucket.ts';

/** The ward agents of the district, as a route that publishes to them reaches them. */
export interface AgentChannel {
  readonly districtId: string;
  /** The account's IoT data-plane endpoint (a token of the city stack's lookup). */
  readonly dataEndpoint: string;
}

/** The resources a route may be granted, by the names of `RouteNeeds`. */
export interface RouteData {
  readonly dossiers: DataTable;
  readonly city: DataTable;
  readonly scans: ScansBucket;
  readonly iot: AgentChannel;
}

export interface RouteFunctionProps {
  readonly route: DeployedRoute;
  readonly data: RouteData;
  readonly environment: Readonly<Record<string, string>>;
  readonly logRetentionDays: number;
  readonly reservedConcurrency?: number;
}

type Grant<K extends keyof RouteNeeds> = (
  fn: BundledFunction,
  data: RouteData,
  level: NonNullable<RouteNeeds[K]>,
) => void;

/**
 * How each kind of need is granted. Keyed by every key of `RouteNeeds`, so a kind added there
 * does not compile until it is granted here.
 */
const GRANTS: { readonly [K in keyof RouteNeeds]-?: Grant<K> } = {
  dossiers: (fn, data, level) => grantTable(fn.role, data.dossiers, level),
  city: (fn, data, level) => grantTable(fn.role, data.city, level),
  scans: (fn, data, level) => grantScans(fn.role, data.scans, level),
  iot: (fn, data) => {
    grantAgentPublish(fn.role, data.iot.districtId);
    // Only where it publishes: no other function learns the endpoint (functions/adapters/iot-data.ts).
    fn.fn.addEnvironment('MOTCUA_IOT_DATA_ENDPOINT', data.iot.dataEndpoint);
  },
};

/**
 * The Lambda of one route, granted exactly what the route list says it needs (`needs` in
 * functions/api/routes.ts) and nothing else: a route that needs nothing can only write its logs.
 */
export class RouteFunction extends Construct {
  readonly route: DeployedRoute;
  readonly fn: NodejsFunction;
  readonly bundled: BundledFunction;

  constructor(scope: Construct, id: string, props: RouteFunctionProps) {
    super(scope, id);
    const { route, data } = props;
    this.route = route;
    this.bundled = new BundledFunction(this, 'Lambda', {
      entry: route.entry,
      module: route.module,
      description: `${route.method} ${route.path}`,
      environment: props.environment,
      tuning: tuningFor(route.module),
      logRetentionDays: props.logRetentionDays,
      reservedConcurrency: props.reservedConcurrency,
    });
    this.fn = this.bundled.fn;
    for (const need of Object.keys(GRANTS) as (keyof RouteNeeds)[]) {
      const level = route.needs[need];
      if (level) (GRANTS[need] as Grant<typeof need>)(this.bundled, data, level as never);
    }
  }
}
