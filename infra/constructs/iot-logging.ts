import { RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnLogging } from 'aws-cdk-lib/aws-iot';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface IotLoggingProps {
  readonly level: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'DISABLED';
  readonly retentionDays: number;
  readonly accountId: string;
}

/**
 * IoT Core logging (connects, disconnects, policy denials, rule failures) into the log group IoT
 * always uses, created here so it has a retention. One setting per account and region.
 */
export class IotLogging extends Construct {
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: IotLoggingProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'LogGroup', {
      // The name IoT Core writes to; it cannot be chosen.
      logGroupName: 'AWSIotLogsV2',
      retention: props.retentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('iot.amazonaws.com'),
      description: 'IoT Core logging into AWSIotLogsV2',
    });
    role.addToPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );
    new CfnLogging(this, 'Logging', {
      accountId: props.accountId,
      roleArn: role.roleArn,
      defaultLogLevel: props.level,
    });
  }
}
