import { CfnOutput, Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { ManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FunctionUrlAuthType, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ProductFunction } from './product-function';
import { grantRegister } from './register-access';

export interface ReadApiProps {
  entry: string;
  table: ITableV2;
  environment: Record<string, string>;
}

/**
 * The register, read-only, for board members' and auditors' tools outside Slack. Behind a
 * Function URL with IAM auth: every request is SigV4-signed by an AWS identity the IJB's cloud
 * team chose (attach the output policy), logged in CloudTrail, revocable without touching the
 * app — no shared API key to leak, rotate or hand round by email. It may only read the table.
 */
export class ReadApi extends Construct {
  readonly function: IFunction;
  readonly readersPolicy: ManagedPolicy;

  constructor(scope: Construct, id: string, props: ReadApiProps) {
    super(scope, id);
    const fn = new ProductFunction(this, 'Api', {
      entry: props.entry,
      service: 'api',
      description: 'IJB Directions read-only register API',
      timeout: Duration.seconds(10),
      memorySize: 512,
      environment: props.environment,
    }).function;
    grantRegister(props.table, fn, 'read');
    const url = fn.addFunctionUrl({ authType: FunctionUrlAuthType.AWS_IAM });
    this.readersPolicy = new ManagedPolicy(this, 'Readers', {
      description:
        'May call the IJB Directions read-only API (attach to the roles of board tools and auditors)',
      statements: [
        new PolicyStatement({
          actions: ['lambda:InvokeFunctionUrl'],
          resources: [fn.functionArn],
          conditions: { StringEquals: { 'lambda:FunctionUrlAuthType': 'AWS_IAM' } },
        }),
      ],
    });
    this.function = fn;
    new CfnOutput(this, 'ApiUrl', { value: url.url, description: 'The read-only register API (IAM auth)' });
    new CfnOutput(this, 'ApiReadersPolicy', {
      value: this.readersPolicy.managedPolicyArn,
      description: 'Attach to the IAM roles allowed to read the API',
    });
  }
}
