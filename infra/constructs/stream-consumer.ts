import { Duration } from 'aws-cdk-lib';
import { GraphWidget } from 'aws-cdk-lib/aws-cloudwatch';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import type { RouteNeeds } from '#api/routes';
import { alarmThresholds } from '../config/alarms.ts';
import { tuningFor } from '../config/functions.ts';
import { BundledFunction } from './bundled-function.ts';
import { grantTable } from './data-access.ts';
import type { DataTable } from './data-table.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import type { Monitoring } from './monitoring.ts';
import type { RouteData } from './route-function.ts';

export interface StreamConsumerProps {
  /** The handler's source file (exports `handler`, receives DynamoDB stream batches). */
  readonly entry: string;
  /** Its module name, for bundling and tuning (`streams/aggregate`). */
  readonly module: string;
  /** Short name for alarms (`aggregate` → `…-aggregate-iterator-age`). */
  readonly name: string;
  /** The table whose stream it consumes. */
  readonly source: DataTable;
  /** What else it may touch, granted exactly (the stats live in the city table). */
  readonly needs: Pick<RouteNeeds, 'dossiers' | 'city'>;
  readonly data: RouteData;
  readonly environment: Readonly<Record<string, string>>;
  readonly monitoring: Monitoring;
  readonly logRetentionDays: number;
  readonly batchSize?: number;
}

/**
 * A Lambda consuming a table's stream: a failing batch is split in halves until the bad record
 * is alone (bisect on error), the handler may report single failed items, and what still fails
 * after the retries goes, as a pointer to the records, to a dead-letter queue. Alarms: iterator
 * age (the consumer is falling behind), errors, and the queue.
 */
export class StreamConsumer extends Construct {
  readonly bundled: BundledFunction;
  readonly deadLetters: DeadLetterQueue;

  constructor(scope: Construct, id: string, props: StreamConsumerProps) {
    super(scope, id);
    const { monitoring } = props;
    this.deadLetters = new DeadLetterQueue(this, 'DeadLetters', {
      holds: `stream records of the ${props.name} consumer`,
      alarmWhat: `${props.name}-dlq`,
      monitoring,
    });
    this.bundled = new BundledFunction(this, 'Lambda', {
      entry: props.entry,
      module: props.module,
      description: `Stream consumer ${props.name}`,
      environment: props.environment,
      tuning: tuningFor(props.module),
      logRetentionDays: props.logRetentionDays,
      resourceStarReason:
        'X-Ray trace upload and DynamoDB ListStreams support no resource-level permissions, so AWS requires Resource *.',
    });
    const fn = this.bundled.fn;
    if (props.needs.dossiers) grantTable(this.bundled.role, props.data.dossiers, props.needs.dossiers);
    if (props.needs.city) grantTable(this.bundled.role, props.data.city, props.needs.city);
    fn.addEventSource(
      new DynamoEventSource(props.source.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: props.batchSize ?? 100,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 10,
        // Stream records live 24 hours; give up before DynamoDB drops them, into the queue.
        maxRecordAge: Duration.hours(12),
        onFailure: new SqsDlq(this.deadLetters.queue),
      }),
    );
    monitoring.alarm({
      what: `${props.name}-iterator-age`,
      description: `The ${props.name} stream consumer is more than ${alarmThresholds.iteratorAgeSeconds} s behind; see infra/README.md (Alarms).`,
      metric: fn.metric('IteratorAge', { period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: alarmThresholds.iteratorAgeSeconds * 1000,
    });
    monitoring.alarm({
      what: `${props.name}-errors`,
      description: `The ${props.name} stream consumer failed; see infra/README.md (Alarms).`,
      metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 1,
    });
    monitoring.section(
      `Stream consumer: ${props.name}`,
      new GraphWidget({
        title: 'Iterator age (ms)',
        left: [fn.metric('IteratorAge', { statistic: 'Maximum' })],
        width: 12,
      }),
      new GraphWidget({
        title: 'Invocations, errors, dead letters',
        left: [fn.metricInvocations(), fn.metricErrors()],
        right: [this.deadLetters.queue.metricApproximateNumberOfMessagesVisible()],
        width: 12,
      }),
    );
  }
}
