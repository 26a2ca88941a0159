import { Duration, Stack } from 'aws-cdk-lib';
import { ComparisonOperator, GraphWidget, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnTopicRule } from 'aws-cdk-lib/aws-iot';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Construct } from 'constructs';
import type { RouteNeeds } from '#api/routes';
import type { District } from '#domain/catalogue/units';
import { wardTopics } from '../../edge-agent/src/cloud/topics.ts';
import { alarmThresholds } from '../config/alarms.ts';
import type { AgentTopic } from '../config/consumers.ts';
import { tuningFor } from '../config/functions.ts';
import { BundledFunction } from './bundled-function.ts';
import { grantTable } from './data-access.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import type { Monitoring } from './monitoring.ts';
import type { RouteData } from './route-function.ts';

/**
 * The metric a ward agent's presence is judged by. The ingest handler must put it (embedded
 * metric format) for every `status` message: 1 when the agent says online, 0 for its last will.
 * An agent that sends nothing for `agentOfflineMinutes` counts as offline too.
 */
export const AGENT_ONLINE_METRIC = { namespace: 'Motcua/Edge', metricName: 'AgentOnline' } as const;

/**
 * The topic rule's SQL: the agent's JSON plus the topic's district, ward and kind, which is
 * exactly what functions/handlers/queue/ingest.ts takes (`AgentMessage`). The ward comes from
 * the topic, which the agent's IoT policy pins to its own ward; agents send no such keys, and the
 * named columns come after `*`, where the handler's local twin (`agentMessageOf`) has them win
 * over same-named keys of a payload (AWS documents no precedence: see infra/README.md).
 */
export function agentRuleSql(districtId: string, topic: AgentTopic): string {
  const from = wardTopics({ districtId, id: '+' })[topic];
  return `SELECT *, topic(2) AS district, topic(3) AS ward, topic(4) AS kind FROM '${from}'`;
}

export interface AgentIngestProps {
  /** The handler's source file (exports `handler`, receives the rule's SELECT output). */
  readonly entry: string;
  /** Its module name, for bundling and tuning (`queue/ingest`). */
  readonly module: string;
  readonly district: District;
  readonly topics: readonly AgentTopic[];
  /** What the handler may touch, granted exactly (tables only: agents send no files). */
  readonly needs: Pick<RouteNeeds, 'dossiers' | 'city'>;
  readonly data: RouteData;
  readonly environment: Readonly<Record<string, string>>;
  readonly monitoring: Monitoring;
  readonly logRetentionDays: number;
  /** A replay storm (56 outboxes after an outage) must not take the API's concurrency. */
  readonly reservedConcurrency: number;
}

/**
 * The edge agents' way in: one IoT topic rule per topic (`motcua/<district>/+/<topic>`) invoking
 * the ingest Lambda, with IoT's error action and the Lambda's own failures (after its retries)
 * going into one dead-letter queue; alarms on that queue, on handler errors, and per ward when
 * its agent goes offline.
 */
export class AgentIngest extends Construct {
  readonly bundled: BundledFunction;
  readonly deadLetters: DeadLetterQueue;
  readonly rules: CfnTopicRule[] = [];

  constructor(scope: Construct, id: string, props: AgentIngestProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const { district, monitoring } = props;
    this.deadLetters = new DeadLetterQueue(this, 'DeadLetters', {
      holds: `agent messages of ${district.name}`,
      alarmWhat: 'ingest-dlq',
      monitoring,
    });
    this.bundled = new BundledFunction(this, 'Lambda', {
      entry: props.entry,
      module: props.module,
      description: `IoT ingest of ${props.topics.join(', ')} from ${district.id}`,
      environment: props.environment,
      tuning: tuningFor(props.module),
      logRetentionDays: props.logRetentionDays,
      reservedConcurrency: props.reservedConcurrency,
    });
    const fn = this.bundled.fn;
    if (props.needs.dossiers) grantTable(this.bundled.role, props.data.dossiers, props.needs.dossiers);
    if (props.needs.city) grantTable(this.bundled.role, props.data.city, props.needs.city);
    // IoT invokes asynchronously: what still fails after two retries lands in the same queue.
    fn.configureAsyncInvoke({ retryAttempts: 2, onFailure: new SqsDestination(this.deadLetters.queue) });

    const errorRole = new Role(this, 'ErrorActionRole', {
      assumedBy: new ServicePrincipal('iot.amazonaws.com'),
    });
    errorRole.addToPolicy(
      new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.deadLetters.queue.queueArn] }),
    );
    for (const topic of props.topics) {
      const rule = new CfnTopicRule(this, `Rule-${topic}`, {
        ruleName: `motcua_${district.id.replace(/-/g, '_')}_${topic}`,
        topicRulePayload: {
          description: `${topic} of every ward agent of ${district.name}`,
          awsIotSqlVersion: '2016-03-23',
          sql: agentRuleSql(district.id, topic),
          ruleDisabled: false,
          actions: [{ lambda: { functionArn: fn.functionArn } }],
          errorAction: { sqs: { queueUrl: this.deadLetters.queue.queueUrl, roleArn: errorRole.roleArn } },
        },
      });
      fn.addPermission(`Invoke-${topic}`, {
        principal: new ServicePrincipal('iot.amazonaws.com'),
        sourceArn: rule.attrArn,
        sourceAccount: stack.account,
      });
      this.rules.push(rule);
    }

    monitoring.alarm({
      what: 'ingest-errors',
      description: `The agent ingest Lambda of ${district.name} failed; see infra/README.md (Alarms).`,
      metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 1,
    });
    const online = district.wards.map(
      (ward) =>
        new Metric({
          ...AGENT_ONLINE_METRIC,
          dimensionsMap: { District: district.id, Ward: ward.id },
          statistic: 'Maximum',
          period: Duration.minutes(5),
          label: ward.id,
        }),
    );
    if (props.topics.includes('status')) {
      district.wards.forEach((ward, i) => {
        monitoring.alarm({
          what: `agent-offline-${ward.id}`,
          description: `The agent of ${ward.name} has not been online for ${alarmThresholds.agentOfflineMinutes} minutes; see infra/README.md (Alarms).`,
          metric: online[i] as Metric,
          threshold: 1,
          comparison: ComparisonOperator.LESS_THAN_THRESHOLD,
          evaluationPeriods: Math.ceil(alarmThresholds.agentOfflineMinutes / 5),
          // Silence is the symptom: an agent that stopped reporting is offline.
          treatMissingData: TreatMissingData.BREACHING,
        });
      });
    }
    monitoring.section(
      'Ward agents',
      new GraphWidget({ title: 'Agents online', left: online, width: 12, stacked: false }),
      new GraphWidget({
        title: 'Ingest',
        left: [fn.metricInvocations(), fn.metricErrors()],
        right: [this.deadLetters.queue.metricApproximateNumberOfMessagesVisible()],
        width: 12,
      }),
    );
  }
}
