import { App, type Environment } from 'aws-cdk-lib';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

export interface DirectionsApp {
  app: App;
  stateful: StatefulStack;
  stateless: StatelessStack;
}

/** The whole deployment: two stacks, stateful first. Used by cdk/app.ts and the CDK tests. */
/** Feature flags the app is written for; cdk.json context adds to these. */
export const APP_CONTEXT = {
  // Keep CloudFormation exports strong: the stateless stack cannot strand the table it uses.
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
};

export function buildApp(app = new App({ context: APP_CONTEXT })): DirectionsApp {
  const env: Environment = {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: process.env.CDK_DEFAULT_REGION ?? 'eu-west-2',
  };
  const defaultIjb = String(app.node.tryGetContext('ijb') ?? 'midlothian');
  const stateful = new StatefulStack(app, 'IjbDirectionsStateful', { env });
  const stateless = new StatelessStack(app, 'IjbDirectionsStateless', {
    env,
    table: stateful.table,
    slackSecret: stateful.slackSecret,
    defaultIjb,
  });
  return { app, stateful, stateless };
}
