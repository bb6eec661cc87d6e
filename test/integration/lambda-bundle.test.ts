import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaBuildOptions } from '../../cdk/esbuild-options';
import { seedRegister } from '../../src/register/seed';
import { slackSignatureHeaders, slashCommandBody } from '../../src/slack/signature';
import { startTestDynamo, TEST_SECRET, visibleText } from '../support/harness';

let outdir: string;
let data: Awaited<ReturnType<typeof startTestDynamo>>;

/**
 * Runs the built Slack function in a fresh Node process, as Lambda would: import, then one
 * event. Asynchronously: dynalite answers from this process, so it must not be blocked.
 */
async function invokeBundle(event: unknown): Promise<{ statusCode: number; body: string }> {
  const script = `
    const { handler } = await import(${JSON.stringify(join(outdir, 'index.mjs'))});
    const response = await handler(JSON.parse(process.env.EVENT), {});
    process.stdout.write('\\nRESPONSE ' + JSON.stringify(response) + '\\n', () => process.exit(0));`;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--enable-source-maps', '--input-type=module', '-e', script],
    {
      encoding: 'utf8',
      timeout: 20_000,
      env: {
        PATH: process.env.PATH ?? '',
        EVENT: JSON.stringify(event),
        TABLE_NAME: data.tableName,
        AWS_REGION: 'eu-west-2',
        AWS_ENDPOINT_URL_DYNAMODB: data.dynamo.endpoint,
        SLACK_SIGNING_SECRET: TEST_SECRET,
        SLACK_BOT_ID: 'B0TEST',
        SLACK_BOT_USER_ID: 'U0TEST',
        LOG_LEVEL: 'error',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
    },
  );
  // Its logs share stdout (structured Powertools lines); the response is the marked line.
  const line = stdout.split('\n').find((text) => text.startsWith('RESPONSE '));
  if (!line) throw new Error(`The bundle answered nothing: ${stdout}`);
  return JSON.parse(line.slice('RESPONSE '.length));
}

beforeAll(async () => {
  data = await startTestDynamo();
  await seedRegister(data.store, new Date('2023-04-01T09:00:00Z'));
  outdir = mkdtempSync(join(tmpdir(), 'slack-bundle-'));
  await build(lambdaBuildOptions('lambdas/slack.ts', outdir));
});
afterAll(async () => {
  rmSync(outdir, { recursive: true, force: true });
  await data.close();
});

describe('the Slack function as deployed (esbuild bundle, code-split ESM)', () => {
  it('loads in plain Node and answers a signed /direction 5.1 with the card', async () => {
    const body = slashCommandBody({ text: '5.1' });
    const response = await invokeBundle({
      version: '2.0',
      rawPath: '/slack/events',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...slackSignatureHeaders(TEST_SECRET, body),
      },
      requestContext: { http: { method: 'POST', path: '/slack/events' } },
      body: Buffer.from(body).toString('base64'),
      isBase64Encoded: true,
    });
    expect(response.statusCode).toBe(200);
    expect(visibleText(JSON.parse(response.body))).toContain('5.1 · Health Inequalities');
  });
});
