import { CfnOutput, Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FunctionUrlAuthType, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { BUNDLING, LAMBDA_ARCHITECTURE, LAMBDA_RUNTIME } from './lambda-defaults';

export interface SlackIngressProps {
  table: ITableV2;
  slackSecret: ISecret;
  defaultIjb: string;
  entry: string;
}

/**
 * Slack's door: a function behind a Function URL. The URL has no IAM auth because Slack
 * cannot sign AWS requests; every request is instead verified by its Slack signature
 * before any listener runs (AwsLambdaReceiver).
 */
export class SlackIngress extends Construct {
  readonly function: IFunction;
  readonly url: string;

  constructor(scope: Construct, id: string, props: SlackIngressProps) {
    super(scope, id);
    const fn = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      runtime: LAMBDA_RUNTIME,
      architecture: LAMBDA_ARCHITECTURE,
      memorySize: 1024,
      // Slack waits 3 s for an ack; a request still running after that has already failed.
      timeout: Duration.seconds(10),
      bundling: BUNDLING,
      logGroup: new LogGroup(this, 'Logs', { retention: RetentionDays.THREE_MONTHS }),
      environment: {
        TABLE_NAME: props.table.tableName,
        SLACK_SECRET_ARN: props.slackSecret.secretArn,
        DIRECTIONS_IJB: props.defaultIjb,
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
    props.table.grantReadData(fn);
    props.slackSecret.grantRead(fn);
    const url = fn.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
    this.function = fn;
    this.url = url.url;
    new CfnOutput(this, 'SlackRequestUrl', {
      value: `${url.url}slack/events`,
      description: 'Paste into the Slack app manifest: slash command, interactivity and event request URLs',
    });
  }
}
