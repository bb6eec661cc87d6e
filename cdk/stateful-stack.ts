import { CfnOutput, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { RegisterTable } from './constructs/register-table';

/** What must outlive any deployment: the register and the Slack credentials. */
export class StatefulStack extends Stack {
  readonly table: ITableV2;
  readonly slackSecret: ISecret;
  readonly teamsSecret: ISecret;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.table = new RegisterTable(this, 'Register').table;
    const secret = new Secret(this, 'SlackCredentials', {
      description:
        'Slack app credentials as JSON: {"signingSecret": "...", "botToken": "xoxb-...", "botId": "B...", "botUserId": "U..."}. Set after deploy (README: Deploy).',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Slack issues these credentials, not AWS: the signing secret is regenerated and the bot token reinstalled in Slack, then put here (README: rotating the Slack credentials). A rotation Lambda cannot do either.',
    });
    this.slackSecret = secret;
    new CfnOutput(this, 'SlackSecretArn', {
      value: secret.secretArn,
      description: 'Put the Slack credentials here (README: Deploy to AWS, step 3)',
    });
    const teams = new Secret(this, 'TeamsCredentials', {
      description:
        'Azure Bot credentials for Microsoft Teams as JSON: {"appPassword": "...", "tenantId": "..."}. Set after deploy (README: Microsoft Teams).',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(teams).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Microsoft Entra ID issues the Azure Bot client secret, not AWS: it is renewed in the Azure portal and put here (README: Microsoft Teams). A rotation Lambda cannot do that.',
    });
    this.teamsSecret = teams;
    new CfnOutput(this, 'TeamsSecretArn', {
      value: teams.secretArn,
      description: 'Put the Azure Bot client secret here (README: Microsoft Teams)',
    });
    new CfnOutput(this, 'RegisterTableName', {
      value: this.table.tableName,
      description: 'The register table',
    });
  }
}
