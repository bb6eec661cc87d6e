import { CfnOutput, Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FunctionUrlAuthType, type IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ProductFunction } from './product-function';
import { grantInvokeOnly, grantRegister } from './register-access';

export interface SlackIngressProps {
  entry: string;
  table: ITableV2;
  slackSecret: ISecret;
  /** Where deferred jobs go (invoked asynchronously). */
  worker: IFunction;
  environment: Record<string, string>;
  /** The web register: `/direction share web` signs links with its key; links to it unfurl. */
  web?: { shareKey: ISecret; publicUrl: string };
}

/**
 * Slack's door: a function behind a Function URL. The URL has no IAM auth because Slack
 * cannot sign AWS requests; every request is instead verified by its Slack signature before
 * any listener runs (AwsLambdaReceiver). It reads and writes the register (progress updates
 * are saved from Slack requests), reads the Slack secret and invokes the worker.
 */
export class SlackIngress extends Construct {
  readonly function: IFunction;
  readonly url: string;

  constructor(scope: Construct, id: string, props: SlackIngressProps) {
    super(scope, id);
    const fn = new ProductFunction(this, 'Slack', {
      entry: props.entry,
      service: 'slack',
      description: 'IJB Directions Slack ingress: /direction, actions, events',
      // Slack waits 3 s for an ack; a request still running after that has already failed.
      timeout: Duration.seconds(10),
      environment: {
        ...props.environment,
        SLACK_SECRET_ARN: props.slackSecret.secretArn,
        WORKER_FUNCTION_NAME: props.worker.functionName,
        // The key's ARN and the register's URL, never the key: read from Secrets Manager at cold start.
        ...(props.web
          ? { SHARE_SECRET_ARN: props.web.shareKey.secretArn, PUBLIC_URL: props.web.publicUrl }
          : {}),
      },
    }).function;
    grantRegister(props.table, fn, 'read-write');
    props.slackSecret.grantRead(fn);
    props.web?.shareKey.grantRead(fn);
    grantInvokeOnly(props.worker, fn);
    const url = fn.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
    this.function = fn;
    this.url = url.url;
    new CfnOutput(this, 'SlackRequestUrl', {
      value: `${url.url}slack/events`,
      description: 'Paste into slack/manifest.yaml: slash command, interactivity and event request URLs',
    });
  }
}
