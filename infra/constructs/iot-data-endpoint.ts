import { RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { AwsCustomResource, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { acknowledge } from './nag.ts';

/** The endpoint type of the data plane with Amazon Trust Services certificates, the one to use. */
export const IOT_DATA_ENDPOINT_TYPE = 'iot:Data-ATS';

export interface IotDataEndpointProps {
  readonly logRetentionDays: number;
}

/**
 * The account's IoT data-plane endpoint (`<id>-ats.iot.<region>.amazonaws.com`), which the routes
 * that publish to agents need (`MOTCUA_IOT_DATA_ENDPOINT`). It exists per account and region and
 * no CloudFormation attribute returns it, so one `DescribeEndpoint` call at deploy asks for it:
 * nothing to look up by hand per account, nothing that can name another account's endpoint.
 * The call runs again only if these properties change; the endpoint never does.
 */
export class IotDataEndpoint extends Construct {
  /** The host name, without scheme (functions/adapters/iot-data.ts adds `https://`). */
  readonly address: string;

  constructor(scope: Construct, id: string, props: IotDataEndpointProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // A role of our own instead of the provider's default, which carries the managed
    // AWSLambdaBasicExecutionRole: this one may write its log group and describe the endpoint.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Reads the IoT data-plane endpoint at deploy',
    });
    logGroup.grantWrite(role);
    role.addToPolicy(new PolicyStatement({ actions: ['iot:DescribeEndpoint'], resources: ['*'] }));
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'IoT DescribeEndpoint supports no resource-level permissions, so AWS requires Resource * for this one read-only action.',
    );
    const lookup = new AwsCustomResource(this, 'Lookup', {
      resourceType: 'Custom::IotDataEndpoint',
      onUpdate: {
        service: '@aws-sdk/client-iot',
        action: 'describeEndpoint',
        parameters: { endpointType: IOT_DATA_ENDPOINT_TYPE },
        physicalResourceId: PhysicalResourceId.of(IOT_DATA_ENDPOINT_TYPE),
        outputPaths: ['endpointAddress'],
      },
      role,
      logGroup,
      // The SDK inside the Lambda runtime has DescribeEndpoint; installing another needs npm at deploy.
      installLatestAwsSdk: false,
    });
    this.address = lookup.getResponseField('endpointAddress');
  }
}
