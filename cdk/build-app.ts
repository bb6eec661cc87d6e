import { App, type Environment, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { StatefulStack } from './stateful-stack';
import { StatelessStack, type StatelessStackProps } from './stateless-stack';

export interface DirectionsApp {
  app: App;
  stateful: StatefulStack;
  stateless: StatelessStack;
}

/** Feature flags the app is written for; cdk.json context adds to these. */
export const APP_CONTEXT = {
  // Keep CloudFormation exports strong: the stateless stack cannot strand the table it uses.
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
};

/**
 * The whole deployment: two stacks, stateful first, checked by cdk-nag's AWS Solutions rules
 * at every synth (a finding not acknowledged with a reason fails the synth). Used by
 * cdk/app.ts and the CDK tests.
 */
export function buildApp(
  app = new App({ context: APP_CONTEXT }),
  extra: Pick<StatelessStackProps, 'nudgeEntry'> = {},
): DirectionsApp {
  const env: Environment = {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: process.env.CDK_DEFAULT_REGION ?? 'eu-west-2',
  };
  const context = (key: string) => {
    const value = app.node.tryGetContext(key);
    return value === undefined || value === '' ? undefined : String(value);
  };
  const stateful = new StatefulStack(app, 'IjbDirectionsStateful', { env });
  const stateless = new StatelessStack(app, 'IjbDirectionsStateless', {
    env,
    table: stateful.table,
    slackSecret: stateful.slackSecret,
    teamsSecret: stateful.teamsSecret,
    ...(context('teamsAppId') ? { teamsAppId: context('teamsAppId') } : {}),
    defaultIjb: context('ijb') ?? 'midlothian',
    ...(context('admins') ? { admins: context('admins') } : {}),
    ...(context('alarmEmail') ? { alarmEmail: context('alarmEmail') } : {}),
    ...extra,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stateful, stateless };
}
