import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackSignatureHeaders } from '../../src/slack/signature';
import { type Harness, startHarness, TEST_SECRET, visibleText } from '../support/harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

const form = 'application/x-www-form-urlencoded';
const json = 'application/json';
const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
const deepObject = `${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}`;

// Bodies Slack could never send, each correctly signed: the signature proves who sent it,
// not that it makes sense. Every one must be refused without touching a listener.
const HOSTILE: [string, string, string][] = [
  ['payload=null', form, 'payload=null'],
  ['payload=[]', form, 'payload=%5B%5D'],
  ['payload="text"', form, 'payload=%22text%22'],
  ['payload=42', form, 'payload=42'],
  ['payload that is not JSON', form, 'payload=%7Bnope'],
  ['payload nested 5,000 deep', form, `payload=${encodeURIComponent(deep)}`],
  ['JSON null', json, 'null'],
  ['a JSON array', json, '[1,2,3]'],
  ['a JSON string', json, '"hello"'],
  ['a JSON number', json, '12'],
  ['JSON nested 5,000 deep', json, deep],
  ['an object nested 3,000 deep', json, deepObject],
  ['JSON that does not parse', json, '{"type":'],
  ['an event with no event', json, '{"type":"event_callback"}'],
  ['a form without a command or payload', form, 'foo=bar'],
];

describe('a signed request Slack could not have sent', () => {
  it.each(HOSTILE)('answers 400 to %s, and keeps serving', async (_name, type, body) => {
    const { status } = await harness.post(body, {
      'content-type': type,
      ...slackSignatureHeaders(TEST_SECRET, body),
    });
    expect(status).toBe(400);
    const health = await fetch(harness.url.replace('/slack/events', '/health'));
    expect(health.status).toBe(200);
    const { body: card } = await harness.command('5.1');
    expect(visibleText(card)).toContain('5.1 · Health Inequalities');
  });

  it('answers 413 to a body far larger than any Slack sends, and keeps serving', async () => {
    const body = `payload=${'x'.repeat(2_000_000)}`;
    const { status } = await harness.post(body, {
      'content-type': form,
      ...slackSignatureHeaders(TEST_SECRET, body),
    });
    expect([400, 413]).toContain(status);
    expect((await harness.command('5.1')).status).toBe(200);
  });
});

describe('where the local server listens', () => {
  it('binds to 127.0.0.1 by default, so only this machine can reach it', () => {
    expect(harness.server.host).toBe('127.0.0.1');
  });
});

describe('request timestamps', () => {
  const body =
    'token=x&command=%2Fdirection&text=5.1&user_id=U0LOCAL&team_id=T0LOCAL&channel_id=C0LOCAL&response_url=https%3A%2F%2Fhooks.slack.com%2Fx&trigger_id=1';
  const at = (secondsFromNow: number) =>
    harness.post(
      body,
      slackSignatureHeaders(TEST_SECRET, body, Math.floor(Date.now() / 1000) + secondsFromNow),
    );

  it('refuses one more than 5 minutes in the future, as it refuses a stale one', async () => {
    expect((await at(-6 * 60)).status).toBe(401);
    expect((await at(6 * 60)).status).toBe(401);
    expect((await at(Math.floor(Date.UTC(2100, 0, 1) / 1000) - Math.floor(Date.now() / 1000))).status).toBe(
      401,
    );
  });

  it('accepts one a little ahead, as a clock a few seconds fast would make', async () => {
    expect((await at(30)).status).toBe(200);
  });
});
