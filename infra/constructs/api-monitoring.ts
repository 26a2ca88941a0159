import { Duration, Stack } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import { GraphWidget, Metric } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { alarmThresholds } from '../config/alarms.ts';
import type { DataTable } from './data-table.ts';
import type { Monitoring } from './monitoring.ts';

export interface ApiWatchProps {
  readonly api: RestApi;
  /** Each route's Lambda, labelled `GET /v1/...`. */
  readonly functions: readonly { readonly label: string; readonly fn: IFunction }[];
  readonly table: DataTable;
  readonly webAclName: string;
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * The API's alarms (5xx answers, Lambda throttles) and its dashboard sections: traffic and
 * latency, each route's Lambda, the district table and the firewall.
 */
export function watchApi(monitoring: Monitoring, props: ApiWatchProps): void {
  const { api, functions, table } = props;
  monitoring.alarm({
    what: 'api-5xx',
    description:
      'The API answered 5xx (handler error, timeout, or Lambda throttling); see infra/README.md (Alarms).',
    metric: api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }),
    threshold: alarmThresholds.api5xxPer5Minutes,
  });
  monitoring.sumAlarm({
    what: 'lambda-throttles',
    description: 'Lambda refused invocations for lack of concurrency; see infra/README.md (Alarms).',
    metrics: functions.map(({ fn }) => fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' })),
    period: FIVE_MINUTES,
    threshold: alarmThresholds.lambdaThrottlesPer5Minutes,
  });

  const perFunction = (metric: (fn: IFunction) => Metric) =>
    functions.map(({ label, fn }) => metric(fn).with({ label }));
  monitoring.section(
    'API',
    new GraphWidget({
      title: 'Requests and errors',
      left: [api.metricCount()],
      right: [api.metricClientError(), api.metricServerError()],
      width: 12,
    }),
    new GraphWidget({
      title: 'Latency (ms)',
      left: ['p50', 'p90', 'p99'].map((p) => api.metricLatency({ statistic: p, label: p })),
      width: 12,
    }),
  );
  monitoring.section(
    'Route Lambdas',
    new GraphWidget({ title: 'Errors', left: perFunction((fn) => fn.metricErrors()), width: 8 }),
    new GraphWidget({ title: 'Throttles', left: perFunction((fn) => fn.metricThrottles()), width: 8 }),
    new GraphWidget({
      title: 'Duration p99 (ms)',
      left: perFunction((fn) => fn.metricDuration({ statistic: 'p99' })),
      width: 8,
    }),
  );
  const blocked = (rule: string) =>
    new Metric({
      namespace: 'AWS/WAFV2',
      metricName: 'BlockedRequests',
      dimensionsMap: { WebACL: props.webAclName, Region: Stack.of(api).region, Rule: rule },
      statistic: 'Sum',
      label: rule,
    });
  monitoring.section(
    'Data and firewall',
    new GraphWidget({
      title: 'District table capacity',
      left: [table.table.metricConsumedReadCapacityUnits(), table.table.metricConsumedWriteCapacityUnits()],
      width: 12,
    }),
    new GraphWidget({
      title: 'WAF blocked requests',
      left: [
        'PublicLookupRate',
        'PerIpRate',
        'AWSManagedRulesAmazonIpReputationList',
        'AWSManagedRulesKnownBadInputsRuleSet',
      ].map(blocked),
      width: 12,
    }),
  );
}
