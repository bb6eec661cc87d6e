import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IAlarm, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ACK_LATENCY_METRIC, METRICS_NAMESPACE } from '../../src/aws/observability';

export interface AlarmsProps {
  /** Who hears about alarms (an ops mailbox); subscribe others to the topic as you like. */
  email?: string;
}

/**
 * What wakes someone: function errors and throttles, anything in a dead-letter queue, and
 * Slack acks slower than 1 s at p99 (Slack gives up at 3 s). Alarms go to one SNS topic,
 * encrypted with a key CloudWatch may use.
 */
export class Alarms extends Construct {
  readonly topic: Topic;
  readonly alarms: IAlarm[] = [];
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: AlarmsProps = {}) {
    super(scope, id);
    const key = new Key(this, 'Key', { enableKeyRotation: true, description: 'IJB Directions alarm topic' });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Topic', {
      displayName: 'IJB Directions alarms',
      masterKey: key,
      enforceSSL: true,
    });
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
    this.action = new SnsAction(this.topic);
  }

  /** Any error, and any throttle, of a function. */
  watchFunction(name: string, fn: IFunction): void {
    this.add(`${name}Errors`, fn.metricErrors({ period: Duration.minutes(5) }), 1, `${name}: a run failed`);
    this.add(
      `${name}Throttles`,
      fn.metricThrottles({ period: Duration.minutes(5) }),
      1,
      `${name}: Lambda refused a run (concurrency)`,
    );
  }

  /**
   * Answers of 500 and up from a Function URL: the app's own 500/503 problems are answered, not
   * thrown, so the Errors alarm never sees them. Five in 5 minutes: one DynamoDB blip (a 503
   * the caller retries) is not a page; a broken release or table is.
   */
  watchUrl5xx(name: string, fn: IFunction): void {
    const metric = new Metric({
      namespace: 'AWS/Lambda',
      metricName: 'Url5xxCount',
      dimensionsMap: { FunctionName: fn.functionName },
      statistic: 'Sum',
      period: Duration.minutes(5),
    });
    this.add(`${name}Url5xx`, metric, 5, `${name}: 5 or more answers of 500 and up in 5 minutes`);
  }

  /** The first message in a dead-letter queue: work that failed every retry. */
  watchDeadLetters(name: string, queue: IQueue): void {
    this.add(
      `${name}DeadLetters`,
      queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      1,
      `${name}: work failed every retry and waits in the dead-letter queue`,
    );
  }

  /** Slack's ack latency at p99 (the AckLatency metric the Slack function publishes). */
  watchAckLatency(): void {
    const metric = new Metric({
      namespace: METRICS_NAMESPACE,
      metricName: ACK_LATENCY_METRIC,
      dimensionsMap: { service: 'slack' },
      statistic: 'p99',
      period: Duration.minutes(5),
    });
    this.add('SlackAckLatencyP99', metric, 1000, 'Slack: p99 ack latency over 1 s (Slack gives up at 3 s)', {
      periods: 2,
      above: true,
    });
  }

  private add(
    id: string,
    metric: Metric,
    threshold: number,
    description: string,
    { periods = 1, above = false } = {},
  ): void {
    const alarm = new Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: periods,
      comparisonOperator: above
        ? ComparisonOperator.GREATER_THAN_THRESHOLD
        : ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(this.action);
    this.alarms.push(alarm);
  }
}
