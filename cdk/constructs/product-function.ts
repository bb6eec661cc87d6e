import { type Duration, Validations } from 'aws-cdk-lib';
import { type IRole, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { bundledCode, LAMBDA_ARCHITECTURE, LAMBDA_RUNTIME } from './lambda-defaults';

export interface ProductFunctionProps {
  /** lambdas/<name>.ts */
  entry: string;
  /** The Powertools service name: logs and metrics are tagged with it. */
  service: string;
  description: string;
  timeout: Duration;
  memorySize?: number;
  /** Plain configuration only: names and ARNs, never a secret value (test/cdk asserts it). */
  environment: Record<string, string>;
  /** Draws the board paper's chart: resvg's Lambda binary and a font ship beside the bundle. */
  buildsReports?: boolean;
}

/**
 * One of the product's functions, built the same way as the others: Node 22 on arm64,
 * esbuild-bundled, its own log group (kept three months) and its own role that may only write
 * to that log group until the caller grants more. No AWS managed policy, no wildcard.
 */
export class ProductFunction extends Construct {
  readonly function: LambdaFunction;
  readonly role: IRole;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ProductFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.THREE_MONTHS });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.description}: runs the function, writes its logs`,
    });
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );
    this.role = role;
    this.function = new LambdaFunction(this, 'Function', {
      code: bundledCode(props.entry, { reportNatives: props.buildsReports ?? false }),
      handler: 'index.handler',
      description: props.description,
      runtime: LAMBDA_RUNTIME,
      architecture: LAMBDA_ARCHITECTURE,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout,
      role,
      logGroup: this.logGroup,
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: props.service,
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node 22 is the runtime the product is built and tested on (Bolt 5, AWS SDK v3 ≥ Node 22 from 2027); move to the next LTS deliberately, with the test suite, not by a linter.',
    });
  }
}
