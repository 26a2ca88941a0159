import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { District } from '#domain/catalogue/units';
import { cityTable } from '#infra/tables';
import { names } from '../config/names.ts';
import type { StageParameters } from '../config/stages.ts';
import { AccessLogsBucket } from '../constructs/access-logs-bucket.ts';
import { AgentPolicy } from '../constructs/agent-policy.ts';
import { AlarmTopic } from '../constructs/alarm-topic.ts';
import { ApiGatewayLogging } from '../constructs/api-gateway-logging.ts';
import { DataKeys } from '../constructs/data-keys.ts';
import { DataTable } from '../constructs/data-table.ts';
import { IotDataEndpoint } from '../constructs/iot-data-endpoint.ts';
import { IotLogging } from '../constructs/iot-logging.ts';
import { UserDirectory } from '../constructs/user-directory.ts';
import { WebHosting } from '../constructs/web-hosting.ts';

export interface CityStackProps extends StackProps {
  readonly stage: StageParameters;
  /** Every district of the unit configuration, whichever the synth selects. */
  readonly districts: readonly District[];
  readonly alarmEmail?: string;
  /** The built web app to upload (`npm run build`, see config/deployment.ts). */
  readonly webDist: string;
}

/**
 * What the whole city shares, deployed before any district: the KMS keys, the staff directory,
 * the city (stats) table, the hosted web app, the alarm topic, and the account-wide settings
 * (API Gateway logging role, IoT agent policy and logging, the IoT data-plane endpoint).
 */
export class CityStack extends Stack {
  readonly keys: DataKeys;
  readonly cityTable: DataTable;
  readonly users: UserDirectory;
  readonly web: WebHosting;
  readonly alarms: AlarmTopic;
  readonly apiGatewayLogging: ApiGatewayLogging;
  readonly iotDataEndpoint: IotDataEndpoint;

  constructor(scope: Construct, id: string, props: CityStackProps) {
    super(scope, id, props);
    const { stage } = props;
    this.keys = new DataKeys(this, 'Keys', { prefix: stage.prefix, districts: props.districts });
    this.alarms = new AlarmTopic(this, 'Alarms', {
      topicName: `${stage.prefix}-alarms`,
      encryptionKey: this.keys.city,
      email: props.alarmEmail,
    });
    this.cityTable = new DataTable(this, 'CityTable', {
      tableName: names.cityTable(stage),
      definition: cityTable,
      encryptionKey: this.keys.city,
    });
    this.users = new UserDirectory(this, 'Users', { userPoolName: `${stage.prefix}-staff` });
    const logs = new AccessLogsBucket(this, 'AccessLogs', {
      retentionDays: stage.logRetentionDays,
      cloudFrontLogs: true,
    });
    this.web = new WebHosting(this, 'Web', {
      logsBucket: logs.bucket,
      build: props.webDist,
      // Every district, whichever this synth builds: a district not deployed yet has no file,
      // and the app says its API is unreachable.
      config: {
        auth: { kind: 'cognito', region: this.region, clientId: this.users.webClient.userPoolClientId },
        districtIds: props.districts.map((d) => d.id),
      },
      logRetentionDays: stage.logRetentionDays,
    });
    this.apiGatewayLogging = new ApiGatewayLogging(this, 'ApiGatewayLogging');
    new AgentPolicy(this, 'AgentPolicy', { prefix: stage.prefix });
    new IotLogging(this, 'IotLogging', {
      level: stage.iotLogLevel,
      retentionDays: stage.logRetentionDays,
      accountId: this.account,
    });
    this.iotDataEndpoint = new IotDataEndpoint(this, 'IotDataEndpoint', {
      logRetentionDays: stage.logRetentionDays,
    });
    this.exportShared();
  }

  /**
   * Exports every value a district stack uses, whether or not this synth builds that district:
   * otherwise deploying the city from a one-district synth would drop the exports the other
   * districts import, which CloudFormation refuses.
   */
  private exportShared(): void {
    const values = [
      ...this.keys.districtKeys.map((k) => k.keyArn),
      this.keys.city.keyArn,
      this.cityTable.table.tableArn,
      this.users.userPool.userPoolArn,
      this.users.userPool.userPoolId,
      this.users.webClient.userPoolClientId,
      this.alarms.topic.topicArn,
      this.web.distribution.distributionDomainName,
      this.web.siteBucket.bucketName,
      this.web.siteBucket.bucketArn,
      this.iotDataEndpoint.address,
    ];
    for (const value of values) this.exportValue(value);
  }
}
