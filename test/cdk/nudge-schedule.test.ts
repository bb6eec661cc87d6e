import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthApp } from './synth';

let stateless: Template;

beforeAll(() => {
  ({ stateless } = synthApp());
});

describe('the daily nudge schedule', () => {
  it('runs weekday mornings at 08:30 London time, clear of the clock-change hour', () => {
    stateless.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 8 ? * MON-FRI *)',
      ScheduleExpressionTimezone: 'Europe/London',
      State: 'ENABLED',
    });
  });

  it('retries a failed delivery within the same morning, then sends it to its dead-letter queue', () => {
    stateless.hasResourceProperties('AWS::Scheduler::Schedule', {
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^NudgesNudgeFunction'), 'Arn'] },
        Input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>' }),
        RetryPolicy: { MaximumEventAgeInSeconds: 4 * 3600, MaximumRetryAttempts: 5 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^NudgesDeadLetters'), 'Arn'] } },
      }),
    });
  });

  it('sends a run that fails inside Lambda to the same dead-letter queue', () => {
    stateless.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: Match.stringLikeRegexp('^NudgesNudgeFunction') },
      MaximumEventAgeInSeconds: 4 * 3600,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^NudgesDeadLetters'), 'Arn'] } },
      },
    });
  });

  it('acts through a role that may only invoke the nudge function and write to its dead-letter queue', () => {
    const policies = stateless.findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^NudgesSchedulerRole') }] },
    });
    const granted = Object.values(policies).flatMap((policy) => policy.Properties.PolicyDocument.Statement);
    expect(granted.length).toBeGreaterThan(0);
    for (const statement of granted) {
      if (statement.Action === 'sqs:SendMessage')
        expect(JSON.stringify(statement.Resource)).toMatch(/NudgesDeadLetters/);
      else {
        expect(statement.Action).toBe('lambda:InvokeFunction');
        expect(JSON.stringify(statement.Resource)).toMatch(/NudgesNudgeFunction/);
      }
    }
    stateless.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'scheduler.amazonaws.com' },
            Condition: Match.anyValue(),
          }),
        ],
      },
    });
  });

  it('refuses a run time in the 01:00–02:00 hour', async () => {
    const { App, Stack } = await import('aws-cdk-lib');
    const { TableV2, AttributeType } = await import('aws-cdk-lib/aws-dynamodb');
    const { Secret } = await import('aws-cdk-lib/aws-secretsmanager');
    const { NudgeSchedule } = await import('../../cdk/constructs/nudge-schedule');
    const stack = new Stack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Probe');
    const table = new TableV2(stack, 'T', { partitionKey: { name: 'pk', type: AttributeType.STRING } });
    const slackSecret = new Secret(stack, 'S');
    const build = () =>
      new NudgeSchedule(stack, 'N', {
        entry: 'x.ts',
        table,
        slackSecret,
        environment: {},
        at: { hour: 1, minute: 30 },
      });
    expect(build).toThrow(/outside 01:00–02:00/);
  });
});

describe('the summary sweep on AWS', () => {
  it('hands the worker the sweep job every 5 minutes, in the worker’s own event shape', async () => {
    const { SUMMARY_SWEEP_JOB } = await import('../../src/updates/summary-sweep');
    const { WorkerEventSchema } = await import('../../src/aws/lambda-job-queue');
    const schedules = stateless.findResources('AWS::Scheduler::Schedule', {
      Properties: { ScheduleExpression: 'rate(5 minutes)' },
    });
    const [sweep] = Object.values(schedules) as { Properties: { Target: { Arn: unknown; Input: string } } }[];
    expect(sweep, 'a 5-minute schedule').toBeDefined();
    expect(JSON.stringify(sweep?.Properties.Target.Arn)).toMatch(/WorkerFunction/);
    const input = JSON.parse(sweep?.Properties.Target.Input ?? '{}');
    expect(input.job).toEqual({ kind: SUMMARY_SWEEP_JOB, payload: {} });
    // What Scheduler substitutes for the placeholder is an ISO time, as the worker demands.
    expect(WorkerEventSchema.safeParse({ ...input, enqueuedAt: '2024-01-08T08:30:00Z' }).success).toBe(true);
  });

  it('acts through a role that may only invoke the worker and write to its dead-letter queue', () => {
    const policies = stateless.findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^WorkerSweepSchedulerRole') }] },
    });
    const granted = Object.values(policies).flatMap((policy) => policy.Properties.PolicyDocument.Statement);
    expect(granted.length).toBeGreaterThan(0);
    for (const statement of granted) {
      const target = JSON.stringify(statement.Resource);
      if (statement.Action === 'sqs:SendMessage') expect(target).toMatch(/WorkerDeadLetters/);
      else {
        expect(statement.Action).toBe('lambda:InvokeFunction');
        expect(target).toMatch(/WorkerFunction/);
      }
    }
  });
});
