import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Direction } from '../../src/domain/direction';
import { createReviewStore } from '../../src/store/review-store';
import { type ApiHarness, startApiHarness } from '../support/api';

/** Debian's chromium (`apt-get install -y chromium`), or CHROMIUM_PATH. */
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => !!path && existsSync(path),
);
if (!CHROMIUM) {
  console.warn(
    'Browser tests SKIPPED: no Chromium found at /usr/bin/chromium (apt-get install -y chromium, or set CHROMIUM_PATH).',
  );
}

/** Screenshots land under docs/screenshots only when asked (UPDATE_SCREENSHOTS=1), so a test run leaves the tree clean. */
const shot = (name: string) => join(process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : tmpdir(), name);

/** axe-core findings that block: serious or critical. */
async function blockingViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

describe.skipIf(!CHROMIUM)('the web register in a browser (headless Chromium)', () => {
  let api: ApiHarness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    api = await startApiHarness();
    // Last year's D10i, which this year's D10j replaces: the lifecycle link has somewhere to go.
    const { store } = api.harness;
    const ijb = await store.getIjb('east-lothian');
    const d10j = await store.getDirection('east-lothian', '2019-20', 'D10j');
    if (!ijb || !d10j) throw new Error('seed changed: east-lothian D10j expected');
    const d10i: Direction = {
      ...d10j,
      planYear: '2018-19',
      ref: 'D10i',
      supersedes: undefined,
      supersededBy: [{ planYear: '2019-20', ref: 'D10j' }],
      version: 1,
    };
    delete d10i.supersedes;
    await store.writePlanYear({
      ijb,
      record: {
        ijbId: 'east-lothian',
        planYear: '2018-19',
        title: 'Directions 2018-19',
        source: 'test',
        loadedAt: new Date().toISOString(),
        directionCount: 1,
      },
      directions: [d10i],
      dueEntries: [],
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    // A phone-sized window: the register must work on one.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('opens from a share link, searches, opens a direction and follows its lifecycle link', async () => {
    const { path } = await api.shareLink('east-lothian');
    await page.goto(`${api.origin}${path}`);
    expect(await page.locator('h1').textContent()).toBe('East Lothian Directions 2019-20');
    expect(await blockingViolations(page)).toEqual([]);
    await page.screenshot({ path: shot('web-register-home.png'), fullPage: true });

    await page.getByLabel('Search directions').fill('premises infrastructure');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?q=/);
    expect(await page.getByRole('status').textContent()).toContain('match “premises infrastructure”');

    await page.getByRole('link', { name: /D10j/ }).click();
    await page.waitForURL(/\/directions\/D10j$/);
    expect(await page.locator('h1').textContent()).toContain('Direction D10j');
    expect(await blockingViolations(page)).toEqual([]);
    await page.screenshot({ path: shot('web-register-direction.png'), fullPage: true });

    await page.getByRole('link', { name: 'D10i (2018-19)' }).click();
    await page.waitForURL(/\/years\/2018-19\/directions\/D10i$/);
    expect(await page.getByRole('link', { name: 'D10j (2019-20)' }).isVisible()).toBe(true);
  });

  it('shows the review round’s returns and downloads the board report', async () => {
    const { path } = await api.shareLink('east-lothian');
    await page.goto(`${api.origin}${path}`);
    await createReviewStore(api.harness.db, api.harness.tableName).open({
      ijbId: 'east-lothian',
      id: 'browser-mid-year',
      name: 'Browser mid-year',
      planYear: '2019-20',
      refs: ['D01h', 'D02f', 'D10j'],
      openedAt: new Date().toISOString(),
      openedBy: 'U0ADMIN',
      closes: '2099-03-31',
      state: 'open',
      events: [],
    });
    await page.getByRole('link', { name: 'The review round’s returns' }).click();
    await page.waitForURL(/\/review$/);
    expect(await page.locator('h1').textContent()).toBe('Review round: Browser mid-year');
    expect(await page.getByRole('status').textContent()).toContain('0 of 3 returned');
    expect(await page.getByRole('row', { name: /D10j/ }).textContent()).toContain('Outstanding');
    expect(await blockingViolations(page)).toEqual([]);
    await page.screenshot({ path: shot('web-register-review.png'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Board report for the “Browser mid-year” round \(Word\)/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      'east-lothian-directions-2019-20-outcomes-browser-mid-year.docx',
    );
    const saved = join(tmpdir(), `board-report-${Date.now()}.docx`);
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
