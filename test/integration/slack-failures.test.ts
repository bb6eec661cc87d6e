import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, instrumentStore, startHarness, visibleText } from '../support/harness';
import { startSlackStandIn } from '../support/slack-stand-in';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('when the register fails or is slow', () => {
  it('tells the user, with a reference, and never answers 5xx', async () => {
    harness = await startHarness({
      wrapStore: (store) =>
        instrumentStore(store, (method) =>
          method === 'getDirection'
            ? Promise.reject(new Error('ProvisionedThroughputExceededException'))
            : undefined,
        ).store,
    });
    const { status, body } = await harness.command('5.1');
    expect(status).toBe(200);
    expect(visibleText(body)).toMatch(
      /that did not work just now \(reference [0-9a-f]{8}\)\. Nothing was changed/,
    );
    expect(JSON.stringify(body)).not.toContain('ProvisionedThroughput');
  });

  it('acks within its budget and sends the answer through response_url when the register is slow', async () => {
    const slack = await startSlackStandIn();
    harness = await startHarness({
      ackBudgetMs: 100,
      wrapStore: (store) =>
        instrumentStore(store, (method, args) =>
          method === 'getDirection'
            ? new Promise((resolve) =>
                setTimeout(() => resolve(store.getDirection(...(args as [string, string, string]))), 400),
              )
            : undefined,
        ).store,
    });
    try {
      const { status, body } = await harness.command('5.1', { responseUrl: slack.responseUrl });
      expect(status).toBe(200);
      expect(body.text).toContain('Working on it');
      const [late] = await slack.waitFor(1);
      expect(visibleText(late?.body)).toContain('5.1 · Health Inequalities');
    } finally {
      await slack.close();
    }
  });
});
