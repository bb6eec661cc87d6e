import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { REGISTER_TABLE } from '../../src/store/table';
import { synthApp } from './synth';

let stateful: Template;
let stateless: Template;

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON, inspected by the tests
type Resource = { Properties?: any; [key: string]: any };
const functions = () => Object.values(stateless.findResources('AWS::Lambda::Function')) as Resource[];
const statements = (template: Template) =>
  (Object.values(template.findResources('AWS::IAM::Policy')) as Resource[]).flatMap(
    (policy) => policy.Properties.PolicyDocument.Statement,
  );

beforeAll(() => {
  ({ stateful, stateless } = synthApp());
});

describe('the register table', () => {
  it('has the keys and indexes of the shared table definition, billed on demand', () => {
    stateful.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: REGISTER_TABLE.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: REGISTER_TABLE.sortKey.name, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: REGISTER_TABLE.globalSecondaryIndexes.map((index) =>
        Match.objectLike({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
            { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
          ],
        }),
      ),
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('keeps data safe: point-in-time recovery, deletion protection, KMS encryption, retained', () => {
    stateful.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        SSESpecification: Match.objectLike({ SSEEnabled: true }),
        Replicas: [
          Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: true,
          }),
        ],
      }),
    });
  });

  it('keeps the Slack credentials in a retained Secrets Manager secret', () => {
    stateful.hasResource('AWS::SecretsManager::Secret', { DeletionPolicy: 'Retain' });
  });
});

describe('the functions', () => {
  it('are the Slack and Teams ingresses, the worker, the two APIs and the nudge run: Node 22 on arm64', () => {
    expect(
      functions()
        .map((fn) => fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME)
        .sort(),
    ).toEqual(['api', 'http', 'nudge', 'slack', 'teams', 'worker']);
    for (const fn of functions()) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
      });
    }
  });

  it('carry names and ARNs in their environment, never a secret value', () => {
    for (const fn of functions()) {
      const variables: Record<string, unknown> = fn.Properties.Environment.Variables;
      for (const [name, value] of Object.entries(variables)) {
        expect(name).not.toMatch(/SIGNING_SECRET|BOT_TOKEN|APP_TOKEN|PASSWORD/);
        expect(JSON.stringify(value)).not.toMatch(/xox[abp]-/);
      }
    }
  });

  it('each write their logs to their own log group, with no AWS managed policy', () => {
    for (const fn of functions()) expect(fn.Properties.LoggingConfig.LogGroup).toBeDefined();
    for (const role of Object.values(stateless.findResources('AWS::IAM::Role')) as Resource[]) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe('least privilege', () => {
  const dynamo = () => statements(stateless).filter((s) => JSON.stringify(s.Action).includes('dynamodb:'));

  it('names the register table and its two indexes: no wildcard, no Scan, no table administration', () => {
    expect(dynamo().length).toBe(6);
    for (const statement of dynamo()) {
      const resources = JSON.stringify(statement.Resource);
      expect(resources).toContain('RegisterTable');
      expect(resources).not.toContain('*');
      for (const index of REGISTER_TABLE.globalSecondaryIndexes)
        expect(resources).toContain(`/index/${index.indexName}`);
      for (const action of [statement.Action].flat()) {
        expect(action).toMatch(
          /^dynamodb:(GetItem|BatchGetItem|Query|ConditionCheckItem|PutItem|UpdateItem|DeleteItem|BatchWriteItem)$/,
        );
      }
    }
  });

  it('lets the IAM read API only read; the Slack and Teams ingresses, worker, nudge run and public API read and write', () => {
    const writers = dynamo().filter((s) => [s.Action].flat().includes('dynamodb:UpdateItem'));
    const readers = dynamo().filter((s) => !s.Action.includes('dynamodb:UpdateItem'));
    expect(writers).toHaveLength(5);
    expect(readers).toHaveLength(1);
  });

  it('lets the functions that talk to Slack read the secret, and the APIs not (the public one reads only the share-link key)', () => {
    const secretReads = statements(stateless).filter(
      (s) =>
        JSON.stringify(s.Action).includes('secretsmanager:GetSecretValue') &&
        !JSON.stringify(s.Resource).includes('ShareLinkKey'),
    );
    const slack = secretReads.filter((s) => JSON.stringify(s.Resource).includes('SlackCredentials'));
    const teams = secretReads.filter((s) => JSON.stringify(s.Resource).includes('TeamsCredentials'));
    expect(slack).toHaveLength(3);
    // The Teams function reads the Azure Bot secret only, never Slack's; the nudge run and the
    // worker read both (Teams channels' digests; notes to Teams users from deferred jobs).
    expect(teams).toHaveLength(3);
    expect(secretReads).toHaveLength(6);
  });

  it('lets the public API and the Slack function read the share-link key, and no other function', () => {
    const shareReads = statements(stateless).filter(
      (s) =>
        JSON.stringify(s.Action).includes('secretsmanager:GetSecretValue') &&
        JSON.stringify(s.Resource).includes('ShareLinkKey'),
    );
    expect(shareReads).toHaveLength(2);
    const readers = Object.entries(stateless.findResources('AWS::IAM::Policy'))
      .filter(([, policy]) => JSON.stringify(policy).includes('ShareLinkKey'))
      .map(([, policy]) => JSON.stringify((policy as Resource).Properties.Roles));
    expect(readers.sort()).toEqual([expect.stringMatching(/HttpRole/), expect.stringMatching(/SlackRole/)]);
  });

  it('lets only the Slack and Teams functions, the public API and the sweep schedule invoke the worker, and only that function', () => {
    const invokes = statements(stateless).filter(
      (s) => s.Action === 'lambda:InvokeFunction' && JSON.stringify(s.Resource).includes('WorkerFunction'),
    );
    const one = {
      Action: 'lambda:InvokeFunction',
      Effect: 'Allow',
      Resource: { 'Fn::GetAtt': [expect.stringMatching(/^WorkerFunction/), 'Arn'] },
    };
    const functions = invokes.filter((s) => !Array.isArray(s.Resource));
    expect(functions).toEqual([one, one, one]);
    // Scheduler's target grant: the worker and its versions (`<arn>:*`), nothing else.
    const schedule = invokes.filter((s) => Array.isArray(s.Resource));
    expect(schedule).toHaveLength(1);
    for (const resource of schedule[0]?.Resource ?? [])
      expect(JSON.stringify(resource)).toMatch(/WorkerFunction/);
  });
});

describe('the endpoints', () => {
  it('gives Slack a Function URL without IAM auth (Slack signs requests; Bolt verifies them)', () => {
    stateless.hasResourceProperties('AWS::Lambda::Url', {
      AuthType: 'NONE',
      TargetFunctionArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SlackFunction'), 'Arn'] },
    });
  });

  it('gives Teams a Function URL without IAM auth (the SDK validates every Bot Framework JWT)', () => {
    stateless.hasResourceProperties('AWS::Lambda::Url', {
      AuthType: 'NONE',
      TargetFunctionArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Teams'), 'Arn'] },
    });
  });

  it('serves the public API and web register from a throttled function whose URL the app guards (API keys, share links)', () => {
    stateless.hasResourceProperties('AWS::Lambda::Url', {
      AuthType: 'NONE',
      TargetFunctionArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Http'), 'Arn'] },
    });
    stateless.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'http' }) },
      ReservedConcurrentExecutions: 20,
    });
    stateless.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmDescription: 'Http: Lambda refused a run (concurrency)',
    });
  });

  it('tells the Slack function where the web register is and which secret signs its share links (never the key)', () => {
    stateless.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          POWERTOOLS_SERVICE_NAME: 'slack',
          SHARE_SECRET_ARN: { Ref: Match.stringLikeRegexp('^HttpShareLinkKey') },
          PUBLIC_URL: {
            'Fn::GetAtt': [Match.stringLikeRegexp('^HttpFunctionFunctionUrl'), 'FunctionUrl'],
          },
        }),
      },
    });
  });

  it('puts the read-only API behind IAM auth, with a policy to give readers', () => {
    stateless.hasResourceProperties('AWS::Lambda::Url', {
      AuthType: 'AWS_IAM',
      TargetFunctionArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiFunction'), 'Arn'] },
    });
    stateless.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: [Match.objectLike({ Action: 'lambda:InvokeFunctionUrl' })] },
    });
  });
});

describe('the worker', () => {
  it('is retried twice, then its failures go to its own encrypted dead-letter queue', () => {
    stateless.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: Match.stringLikeRegexp('^WorkerFunction') },
      MaximumRetryAttempts: 2,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^WorkerDeadLetters'), 'Arn'] } },
      },
    });
    stateless.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 1_209_600,
    });
  });
});

describe('the alarms', () => {
  const alarms = () => Object.values(stateless.findResources('AWS::CloudWatch::Alarm')) as Resource[];

  it('watch errors and throttles of every function', () => {
    expect(alarms().filter((a) => a.Properties.MetricName === 'Errors')).toHaveLength(6);
    expect(alarms().filter((a) => a.Properties.MetricName === 'Throttles')).toHaveLength(6);
  });

  it('fire on 5 answers of 500 and up in 5 minutes from the public API’s URL', () => {
    stateless.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Url5xxCount',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: Match.stringLikeRegexp('^HttpFunction') } }],
      Statistic: 'Sum',
      Threshold: 5,
    });
  });

  it('fire on the first message in either dead-letter queue', () => {
    const dlq = alarms().filter((a) => a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible');
    expect(dlq).toHaveLength(2);
    for (const alarm of dlq) expect(alarm.Properties.Threshold).toBe(1);
  });

  it('fire when Slack acks are slower than 1 s at p99', () => {
    stateless.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'IjbDirections',
      MetricName: 'AckLatency',
      ExtendedStatistic: 'p99',
      Threshold: 1000,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it('all notify the encrypted alarm topic', () => {
    for (const alarm of alarms())
      expect(JSON.stringify(alarm.Properties.AlarmActions)).toContain('AlarmsTopic');
    stateless.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });
});
