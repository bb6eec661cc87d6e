import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction, IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import {
  ContextAttribute,
  Schedule,
  ScheduleExpression,
  ScheduleTargetInput,
} from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
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
  /** The Azure Bot: notes to Teams users (sign-off requests, decisions, review asks) go out from jobs. */
  teams?: { secret: ISecret; appId: string };
  /** The job that heals summaries a crash left behind (src/updates/summary-sweep.ts). */
  sweepJob: string;
}

/**
 * Work that must not hold Slack's 3-second ack (posting to channels, status cards, chasing
 * leads): invoked asynchronously by the Slack function, retried twice by Lambda, then sent with
 * its error to its own dead-letter queue. Reads and writes the register; reads the Slack secret.
 */
export class Worker extends Construct {
  readonly function: IFunction;
  readonly deadLetterQueue: IQueue;
  readonly sweep: Schedule;

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
      environment: {
        ...props.environment,
        SLACK_SECRET_ARN: props.slackSecret.secretArn,
        ...(props.teams
          ? { TEAMS_APP_ID: props.teams.appId, TEAMS_SECRET_ARN: props.teams.secret.secretArn }
          : {}),
      },
    }).function;
    fn.configureAsyncInvoke({
      retryAttempts: 2,
      // A job about a Slack request is stale after a few hours; the DLQ keeps it for a person.
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(dlq),
    });
    grantRegister(props.table, fn, 'read-write');
    props.slackSecret.grantRead(fn);
    props.teams?.secret.grantRead(fn);
    this.sweep = this.scheduleSweep(fn, dlq, props.sweepJob);
    this.function = fn;
    this.deadLetterQueue = dlq;
  }

  /**
   * An update is written before its direction's summary; a Lambda stopped between the two
   * leaves a marker. Locally the server sweeps every 30 s; here Scheduler hands the worker the
   * sweep job every 5 minutes, as a deferred job like any other (retries, DLQ). The sweep is
   * idempotent, so a duplicate delivery costs one Query.
   */
  private scheduleSweep(fn: IFunction, dlq: IQueue, job: string): Schedule {
    const invoker = new Role(this, 'SweepSchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description: 'EventBridge Scheduler: hand the IJB Directions worker the summary sweep',
    });
    Validations.of(invoker).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(fn.node.defaultChild as CfnFunction)}.Arn>:*]`,
      reason:
        'The LambdaInvoke target grants the worker function and its own versions and aliases (`<arn>:*`): one function, invoke only; no other resource.',
    });
    return new Schedule(this, 'SummarySweep', {
      description: 'IJB Directions: heal direction summaries a stopped function left behind',
      schedule: ScheduleExpression.rate(Duration.minutes(5)),
      target: new LambdaInvoke(fn, {
        role: invoker,
        // The worker's own event shape (src/aws/lambda-job-queue.ts WorkerEventSchema).
        input: ScheduleTargetInput.fromObject({
          job: { kind: job, payload: {} },
          enqueuedAt: ContextAttribute.scheduledTime,
        }),
        retryAttempts: 2,
        maxEventAge: Duration.minutes(10),
        deadLetterQueue: dlq,
      }),
    });
  }
}
