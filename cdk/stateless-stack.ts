import { Stack, type StackProps } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { SlackIngress } from './constructs/slack-ingress';
import { lambdaEntry } from './paths';

export interface StatelessStackProps extends StackProps {
  table: ITableV2;
  slackSecret: ISecret;
  defaultIjb: string;
}

/** The functions: replaceable at any deploy, holding no state of their own. */
export class StatelessStack extends Stack {
  readonly slack: SlackIngress;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    this.slack = new SlackIngress(this, 'Slack', {
      table: props.table,
      slackSecret: props.slackSecret,
      defaultIjb: props.defaultIjb,
      entry: lambdaEntry('slack'),
    });
  }
}
