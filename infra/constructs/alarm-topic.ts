import { Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface AlarmTopicProps {
  readonly topicName: string;
  readonly encryptionKey: IKey;
  /** Subscribed when given; the owner confirms from the e-mail AWS sends. */
  readonly email?: string;
}

/**
 * The one SNS topic every alarm of the city and the districts notifies, so the platform team
 * subscribes (e-mail, chat, pager) in one place. Encrypted, TLS only, and open to CloudWatch
 * alarms of this account alone.
 */
export class AlarmTopic extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    const account = Stack.of(this).account;
    this.topic = new Topic(this, 'Topic', {
      topicName: props.topicName,
      displayName: 'Một Cửa Điện Tử alarms',
      masterKey: props.encryptionKey,
      enforceSSL: true,
    });
    const cloudwatch = new ServicePrincipal('cloudwatch.amazonaws.com');
    // A topic policy replaces SNS's default one, so CloudWatch must be let in explicitly.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        principals: [cloudwatch],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    );
    // An encrypted topic needs its key to let the publisher encrypt.
    props.encryptionKey.addToResourcePolicy(
      new PolicyStatement({
        principals: [cloudwatch],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    );
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
  }
}
