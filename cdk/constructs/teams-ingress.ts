import { CfnOutput, Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FunctionUrlAuthType, type IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ProductFunction } from './product-function';
import { grantInvokeOnly, grantRegister } from './register-access';

export interface TeamsIngressProps {
  entry: string;
  table: ITableV2;
  teamsSecret: ISecret;
  /** The Azure Bot's app id (not secret): every inbound token's audience. */
  teamsAppId: string;
  worker: IFunction;
  environment: Record<string, string>;
}

/**
 * Teams' door: a function behind a Function URL, the Azure Bot's messaging endpoint. The URL
 * has no IAM auth because the Bot Connector cannot sign AWS requests; every activity's Bot
 * Framework JWT is validated by the SDK before the bot runs. It reads and writes the register,
 * reads the Teams secret and hands deferred jobs to the worker.
 */
export class TeamsIngress extends Construct {
  readonly function: IFunction;
  readonly url: string;

  constructor(scope: Construct, id: string, props: TeamsIngressProps) {
    super(scope, id);
    const fn = new ProductFunction(this, 'Teams', {
      entry: props.entry,
      service: 'teams',
      description: 'IJB Directions Teams ingress: Bot Framework activities',
      // The Bot Connector gives a bot 15 s to answer an activity.
      timeout: Duration.seconds(15),
      environment: {
        ...props.environment,
        TEAMS_APP_ID: props.teamsAppId,
        TEAMS_SECRET_ARN: props.teamsSecret.secretArn,
        WORKER_FUNCTION_NAME: props.worker.functionName,
      },
    }).function;
    grantRegister(props.table, fn, 'read-write');
    props.teamsSecret.grantRead(fn);
    grantInvokeOnly(props.worker, fn);
    const url = fn.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
    this.function = fn;
    this.url = url.url;
    new CfnOutput(this, 'TeamsMessagingEndpoint', {
      value: `${url.url}api/messages`,
      description: "The Azure Bot's messaging endpoint (README: Microsoft Teams)",
    });
  }
}
