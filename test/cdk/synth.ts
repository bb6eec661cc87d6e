import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { APP_CONTEXT, buildApp } from '../../cdk/build-app';

export const NUDGE_FIXTURE = join(import.meta.dirname, 'fixtures', 'nudge.ts');

/**
 * The app as `cdk synth` builds it (cdk-nag included), with the nudge construct pointed at a
 * fixture. Bundling is skipped: these tests read templates; bench and the bundle test build code.
 */
export function synthApp() {
  const app = new App({ context: { ...APP_CONTEXT, 'aws:cdk:bundling-stacks': [] } });
  const built = buildApp(app, { nudgeEntry: NUDGE_FIXTURE });
  const assembly = app.synth();
  return {
    app,
    stacks: built,
    assembly,
    stateful: Template.fromStack(built.stateful),
    stateless: Template.fromStack(built.stateless),
  };
}
