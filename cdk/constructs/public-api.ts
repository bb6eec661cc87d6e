import { CfnOutput, Duration, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FunctionUrlAuthType, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ProductFunction } from './product-function';
import { grantInvokeOnly, grantRegister } from './register-access';

export interface PublicApiProps {
  entry: string;
  table: ITableV2;
  /** Where the update service's deferred jobs go (Slack status cards, sign-off requests). */
  worker: IFunction;
  environment: Record<string, string>;
  /** At most this many instances at once: the API's throttle (a Function URL has no stage throttle). */
  reservedConcurrency?: number;
}

/**
 * The API (/api/v1) and the web register (/) for partners' systems and board members: one
 * function behind a Function URL. Why a Function URL and not an HTTP API: the app does its own
 * auth (API keys hashed in the table, signed share links) and its own per-key rate limit in
 * DynamoDB, so API Gateway would add a hop, a cost and a 30 s limit and buy nothing the
 * app lacks; the function's reserved concurrency is the overall throttle, alarmed on.
 * It reads and writes the register, invokes the worker, and reads the share-link key.
 */
export class PublicApi extends Construct {
  readonly function: IFunction;
  readonly url: string;
  /** The share links' HMAC key: the Slack function signs links with it, this one checks them. */
  readonly shareKey: ISecret;

  constructor(scope: Construct, id: string, props: PublicApiProps) {
    super(scope, id);
    const shareKey = new Secret(this, 'ShareLinkKey', {
      description: 'IJB Directions: HMAC key that signs the web register’s share links',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    Validations.of(shareKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the share-link key revokes every share link at once; it is rotated by hand when that is wanted (a rotation Lambda would do the same, unannounced).',
    });
    const fn = new ProductFunction(this, 'Http', {
      entry: props.entry,
      service: 'http',
      description: 'IJB Directions HTTP API and web register',
      timeout: Duration.seconds(10),
      memorySize: 1024,
      // The board report download (API and web register) draws its chart here.
      buildsReports: true,
      environment: {
        ...props.environment,
        WORKER_FUNCTION_NAME: props.worker.functionName,
        SHARE_SECRET_ARN: shareKey.secretArn,
      },
    }).function;
    (fn.node.defaultChild as { reservedConcurrentExecutions?: number }).reservedConcurrentExecutions =
      props.reservedConcurrency ?? 20;
    grantRegister(props.table, fn, 'read-write');
    grantInvokeOnly(props.worker, fn);
    shareKey.grantRead(fn);
    const url = fn.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
    this.function = fn;
    this.url = url.url;
    this.shareKey = shareKey;
    new CfnOutput(this, 'RegisterUrl', {
      value: url.url,
      description: 'The web register (/) and the API (/api/v1, docs at /api/docs)',
    });
  }
}
