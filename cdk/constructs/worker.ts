import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DeadLetterQueue } from './dead-letter-queue';
import { ProductFunction } from './product-function';
import { grantRegister } from './register-access';

export interface WorkerProps {
  entry: string;
  table: ITableV2;
  slackSecret: ISecret;
  environment: Record<string, string>;
}

/**
 * Work that must not hold Slack's 3-second ack (posting to channels, status cards, chasing
 * leads): invoked asynchronously by the Slack function, retried twice by Lambda, then sent with
 * its error to its own dead-letter queue. Reads and writes the register; reads the Slack secret.
 */
export class Worker extends Construct {
  readonly function: IFunction;
  readonly deadLetterQueue: IQueue;

  constructor(scope: Construct, id: string, props: WorkerProps) {
    super(scope, id);
    const dlq = new DeadLetterQueue(this, 'DeadLetters', 'the worker').queue;
    const fn = new ProductFunction(this, 'Worker', {
      entry: props.entry,
      service: 'worker',
      description: 'IJB Directions worker: jobs deferred past the Slack ack',
      // Slack's Web API client retries for a few seconds per call; a job may make several.
      timeout: Duration.seconds(60),
      // `/direction report` builds the board paper here, chart and all.
      buildsReports: true,
      environment: { ...props.environment, SLACK_SECRET_ARN: props.slackSecret.secretArn },
    }).function;
    fn.configureAsyncInvoke({
      retryAttempts: 2,
      // A job about a Slack request is stale after a few hours; the DLQ keeps it for a person.
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(dlq),
    });
    grantRegister(props.table, fn, 'read-write');
    props.slackSecret.grantRead(fn);
    this.function = fn;
    this.deadLetterQueue = dlq;
  }
}
