import { Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
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

export interface NudgeScheduleProps {
  /** lambdas/nudge.ts: `handler(event: { date?: string }, context)`. */
  entry: string;
  table: ITableV2;
  slackSecret: ISecret;
  /** With the Teams app: Teams channels' digests go through the Bot Connector, with this secret. */
  teams?: { secret: ISecret; appId: string };
  environment: Record<string, string>;
  /** London time of the daily run; default 08:30, clear of the 01:00–02:00 clock-change hour. */
  at?: { hour: number; minute: number };
}

/**
 * The daily nudge run: EventBridge Scheduler calls the nudge function each weekday morning,
 * London time (in BST and GMT alike). Scheduler delivers at least once and retries; the run is
 * idempotent (nudge records), and every retry falls within the same London day, so a retry
 * cannot nudge for the wrong day. What fails every retry lands in the DLQ, with an alarm.
 * The function reads and writes the register and reads the Slack secret.
 */
export class NudgeSchedule extends Construct {
  readonly function: IFunction;
  readonly schedule: Schedule;
  readonly deadLetterQueue: IQueue;

  constructor(scope: Construct, id: string, props: NudgeScheduleProps) {
    super(scope, id);
    const at = props.at ?? { hour: 8, minute: 30 };
    if (at.hour === 1) throw new Error('Schedule the nudge run outside 01:00–02:00: clocks change then');
    const dlq = new DeadLetterQueue(this, 'DeadLetters', 'the daily nudge run').queue;
    const fn = new ProductFunction(this, 'Nudge', {
      entry: props.entry,
      service: 'nudge',
      description: 'IJB Directions daily nudge run',
      // Posting is paced at about one message per second per channel (Slack's limit).
      timeout: Duration.minutes(10),
      environment: {
        ...props.environment,
        SLACK_SECRET_ARN: props.slackSecret.secretArn,
        ...(props.teams
          ? { TEAMS_APP_ID: props.teams.appId, TEAMS_SECRET_ARN: props.teams.secret.secretArn }
          : {}),
      },
    }).function;
    // Scheduler retries failed deliveries; Lambda retries failed runs. Both end in the DLQ, and
    // both give up within the same London day.
    fn.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(4),
      onFailure: new SqsDestination(dlq),
    });
    grantRegister(props.table, fn, 'read-write');
    props.slackSecret.grantRead(fn);
    props.teams?.secret.grantRead(fn);
    // Scheduler's own role, trusted only from this account: the target grants it this function alone.
    const invoker = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description: 'EventBridge Scheduler: invoke the IJB Directions nudge run',
    });
    Validations.of(invoker).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(fn.node.defaultChild as CfnFunction)}.Arn>:*]`,
      reason:
        'The LambdaInvoke target grants the nudge function and its own versions and aliases (`<arn>:*`): one function, invoke only; no other resource.',
    });
    this.schedule = new Schedule(this, 'Daily', {
      description: 'IJB Directions: nudge team channels before deadlines, weekday mornings, London time',
      schedule: ScheduleExpression.cron({
        minute: String(at.minute),
        hour: String(at.hour),
        weekDay: 'MON-FRI',
        timeZone: TimeZone.EUROPE_LONDON,
      }),
      target: new LambdaInvoke(fn, {
        role: invoker,
        // The time the schedule fired: a delivery retried or delayed still runs the London day it was meant for.
        input: ScheduleTargetInput.fromObject({ scheduledTime: ContextAttribute.scheduledTime }),
        retryAttempts: 5,
        maxEventAge: Duration.hours(4),
        deadLetterQueue: dlq,
      }),
    });
    this.function = fn;
    this.deadLetterQueue = dlq;
  }
}
