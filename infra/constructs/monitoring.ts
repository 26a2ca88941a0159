import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  type IMetric,
  type IWidget,
  MathExpression,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** CloudWatch allows at most this many metrics in one alarm's math expression. */
const MAX_METRICS_PER_ALARM = 10;

export interface MonitoringProps {
  readonly dashboardName: string;
  readonly alarmTopic: ITopic;
  /** The full alarm name of a short one (`api-5xx` → `motcua-hai-chau-api-5xx`). */
  readonly alarmName: (what: string) => string;
}

export interface AlarmSpec {
  /** Short name, also the construct id; infra/README.md explains each. */
  readonly what: string;
  readonly description: string;
  readonly metric: IMetric;
  readonly threshold: number;
  readonly comparison?: ComparisonOperator;
  readonly evaluationPeriods?: number;
  readonly treatMissingData?: TreatMissingData;
}

/**
 * A district's dashboard and alarms. Every alarm notifies the alarm topic when it fires and when
 * it clears, and shows in the status panel at the top of the dashboard; capabilities added to
 * the district (ingest, stream consumers) add their own alarms and sections through this.
 */
export class Monitoring extends Construct {
  readonly dashboard: Dashboard;
  readonly alarms: Alarm[] = [];
  private readonly action: SnsAction;
  private readonly alarmName: (what: string) => string;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.action = new SnsAction(props.alarmTopic);
    this.alarmName = props.alarmName;
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.hours(6),
    });
    // The widget reads `this.alarms` when the dashboard is synthesised, so alarms added later show too.
    this.dashboard.addWidgets(
      new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 6 }),
    );
  }

  /** Adds an alarm that notifies the topic on ALARM and OK. */
  alarm(spec: AlarmSpec): Alarm {
    const alarm = new Alarm(this, `Alarm-${spec.what}`, {
      alarmName: this.alarmName(spec.what),
      alarmDescription: spec.description,
      metric: spec.metric,
      threshold: spec.threshold,
      comparisonOperator: spec.comparison ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: spec.evaluationPeriods ?? 1,
      treatMissingData: spec.treatMissingData ?? TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.alarms.push(alarm);
    return alarm;
  }

  /**
   * Alarms on the sum of many metrics (one per function, say), split into alarms of at most ten
   * metrics each because that is CloudWatch's limit per alarm.
   */
  sumAlarm(
    spec: Omit<AlarmSpec, 'metric'> & { readonly metrics: readonly IMetric[]; readonly period: Duration },
  ): Alarm[] {
    const chunks: IMetric[][] = [];
    for (let i = 0; i < spec.metrics.length; i += MAX_METRICS_PER_ALARM) {
      chunks.push(spec.metrics.slice(i, i + MAX_METRICS_PER_ALARM));
    }
    return chunks.map((chunk, n) =>
      this.alarm({
        ...spec,
        what: chunks.length === 1 ? spec.what : `${spec.what}-${n + 1}`,
        metric: new MathExpression({
          expression: 'SUM(METRICS())',
          usingMetrics: Object.fromEntries(chunk.map((m, i) => [`m${i}`, m])),
          period: spec.period,
          label: spec.what,
        }),
      }),
    );
  }

  /** Adds a titled row of widgets. */
  section(title: string, ...widgets: IWidget[]): void {
    this.dashboard.addWidgets(new TextWidget({ markdown: `### ${title}`, width: 24, height: 1 }));
    this.dashboard.addWidgets(...widgets);
  }
}
