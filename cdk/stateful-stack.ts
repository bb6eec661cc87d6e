import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { RegisterTable } from './constructs/register-table';

/** What must outlive any deployment: the register and the Slack credentials. */
export class StatefulStack extends Stack {
  readonly table: ITableV2;
  readonly slackSecret: ISecret;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.table = new RegisterTable(this, 'Register').table;
    this.slackSecret = new Secret(this, 'SlackCredentials', {
      description:
        'Slack app credentials as JSON: {"signingSecret": "...", "botToken": "xoxb-..."}. Set after deploy.',
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
