import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import { APP_CONTEXT, buildApp } from '../../cdk/build-app';
import { NUDGE_FIXTURE, synthApp } from './synth';

describe('cdk-nag (AWS Solutions rules), on every synth', () => {
  it('finds nothing that is not acknowledged with a reason', () => {
    // Act: synthesis throws on an unacknowledged finding.
    const { assembly } = synthApp();

    // Assess
    const report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8'));
    expect(report.pluginReports).toEqual([]);
  });

  it('fails the synth when someone adds a wildcard permission', () => {
    // Prepare
    const app = new App({ context: { ...APP_CONTEXT, 'aws:cdk:bundling-stacks': [] } });
    const { stateless } = buildApp(app, { nudgeEntry: NUDGE_FIXTURE });
    stateless.api.function.addToRolePolicy(
      new PolicyStatement({ actions: ['dynamodb:*'], resources: ['*'] }),
    );

    // Act / Assess
    expect(() => app.synth()).toThrow(/AwsSolutions-IAM5/);
  });
});
