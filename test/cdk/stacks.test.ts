import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_CONTEXT, buildApp } from '../../cdk/build-app';
import { REGISTER_TABLE } from '../../src/store/table';

let stateful: Template;
let stateless: Template;

beforeAll(() => {
  const built = buildApp(new App({ context: APP_CONTEXT }));
  stateful = Template.fromStack(built.stateful);
  stateless = Template.fromStack(built.stateless);
});

describe('the register table', () => {
  it('has the keys and indexes of the shared table definition', () => {
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

  it('keeps data safe: point-in-time recovery, deletion protection, retained on stack deletion', () => {
    stateful.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        Replicas: [
          Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: true,
          }),
        ],
      }),
    });
  });
});

describe('the Slack function', () => {
  it('runs Node 22 on arm64', () => {
    stateless.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
    });
  });

  it('is reached through a Function URL (Slack authenticates by signature, not IAM)', () => {
    stateless.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'NONE' });
  });

  it('gets the secret’s ARN in its environment, never a secret value', () => {
    const functions = stateless.findResources('AWS::Lambda::Function');
    for (const fn of Object.values(functions)) {
      const variables = Object.keys(fn.Properties?.Environment?.Variables ?? {});
      expect(variables).toContain('SLACK_SECRET_ARN');
      for (const name of variables) expect(name).not.toMatch(/SIGNING_SECRET|BOT_TOKEN|APP_TOKEN/);
    }
  });

  it('may only read the register table and its indexes', () => {
    const policies = stateless.findResources('AWS::IAM::Policy');
    const statements = Object.values(policies).flatMap(
      (policy) => policy.Properties.PolicyDocument.Statement,
    );
    const dynamo = statements.filter((statement) => JSON.stringify(statement.Action).includes('dynamodb:'));
    expect(dynamo.length).toBeGreaterThan(0);
    for (const statement of dynamo) {
      for (const action of [statement.Action].flat())
        expect(action).toMatch(/^dynamodb:(Get|BatchGet|Query|Scan|ConditionCheck|DescribeTable)/);
      expect(JSON.stringify(statement.Resource)).toContain('Register');
      expect(JSON.stringify(statement.Resource)).not.toBe('"*"');
    }
  });
});
