import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { alarmThresholds } from '../config/alarms.ts';
import type { Monitoring } from './monitoring.ts';
import { acknowledge } from './nag.ts';

export interface DeadLetterQueueProps {
  /** What fails into it, for the alarm's description (`agent events`, `stream records`). */
  readonly holds: string;
  /** Short alarm name (`ingest-dlq`). */
  readonly alarmWhat: string;
  readonly monitoring: Monitoring;
}

/**
 * Where events that could not be processed wait to be inspected and replayed: encrypted, TLS
 * only, kept the 14 days SQS allows, with an alarm as soon as one message arrives.
 */
export class DeadLetterQueue extends Construct {
  readonly queue: Queue;

  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id);
    this.queue = new Queue(this, 'Queue', {
      // SQS-managed keys: the messages are event envelopes, and KMS grants to every sender would
      // need the wildcard actions (kms:GenerateDataKey*) CDK uses.
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      this.queue,
      'AwsSolutions-SQS3',
      `This queue is itself the dead-letter queue of ${props.holds}.`,
    );
    props.monitoring.alarm({
      what: props.alarmWhat,
      description: `${props.holds} failed and wait in the dead-letter queue; see infra/README.md (Alarms).`,
      metric: this.queue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
      threshold: alarmThresholds.deadLetterMessages,
    });
  }
}
