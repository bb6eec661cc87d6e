import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectionStatus } from '../../../src/domain/direction';
import { seedRegister } from '../../../src/register/seed';
import { buildBoardReport } from '../../../src/report';
import { createDirectionSummaryStore } from '../../../src/store/direction-summary-store';
import { startTestDynamo } from '../../support/harness';

/**
 * Renders the board paper with LibreOffice, as a reader's Word would lay it out, to prove it
 * opens and to keep a picture of its first pages. Needs `soffice` and `pdftoppm`
 * (apt-get install -y libreoffice-writer-nogui poppler-utils). With
 * REPORT_PREVIEW_DIR=docs it also writes the pages there (docs/board-paper-page-1.png, -2.png).
 */
const tools = ['soffice', 'pdftoppm'].filter((tool) => {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
    return false;
  } catch {
    return true;
  }
});
if (tools.length > 0)
  console.warn(
    `Skipping the rendered board paper test: ${tools.join(' and ')} not installed (apt-get install -y libreoffice-writer-nogui poppler-utils).`,
  );

let data: Awaited<ReturnType<typeof startTestDynamo>>;
beforeAll(async () => {
  data = await startTestDynamo();
  await seedRegister(data.store, new Date('2023-04-01T09:00:00Z'), data.imports);
  // A few returns, as leads write them, so the picture shows a mix of outcomes.
  const summaries = createDirectionSummaryStore(data.db, data.tableName);
  for (const [ref, status, text, at] of RETURNS) {
    const direction = await data.store.getDirection('midlothian', '2023-24', ref);
    if (!direction) throw new Error(`no ${ref}`);
    const key = { ijbId: 'midlothian', planYear: '2023-24', ref };
    const written = await summaries.write(key, direction.version, {
      latestUpdate: { at, by: 'U0LEAD001', status, text, id: `u-${ref}` },
      status,
      statusEvent: `${at}#u-${ref}`,
    });
    if (!written) throw new Error(`could not write ${ref}`);
  }
});

const RETURNS: [string, DirectionStatus, string, string][] = [
  [
    '1.1',
    'on-track',
    'Service plans for all delegated services now include an integration section; 14 of 17 returned. Remaining three due at the January planning round.',
    '2024-05-20T09:00:00Z',
  ],
  [
    '1.2',
    'at-risk',
    'Population health approach agreed with Public Health; recruitment to the analyst post has slipped to September.',
    '2024-05-28T09:00:00Z',
  ],
  [
    '2.1',
    'achieved',
    'Community-led support hubs open in Dalkeith and Penicuik; evidence pack submitted to the Strategic Planning Group.',
    '2024-04-30T09:00:00Z',
  ],
  [
    '3.2',
    'off-track',
    'Outreach pilot paused after the loss of two posts. Recovery plan going to the June SPG.',
    '2024-06-03T09:00:00Z',
  ],
  [
    '5.1',
    'on-track',
    'HSCP-level data now disaggregated for A&E, district nursing and care at home dashboards.',
    '2024-06-10T09:00:00Z',
  ],
  ['8.1', 'not-started', 'Staff experience survey scheduled for autumn 2024.', '2024-05-02T09:00:00Z'],
];
afterAll(() => data.close());

describe.skipIf(tools.length > 0)('the board paper rendered by LibreOffice', () => {
  it('converts to a PDF of several pages, the first two kept as pictures', { timeout: 120_000 }, async () => {
    const file = await buildBoardReport(
      {
        sources: { getIjb: data.store.getIjb, readYear: data.imports.readYear },
        clock: () => new Date('2024-06-14T10:00:00Z'),
      },
      { ijb: 'midlothian', year: '2023-24', format: 'docx' },
    );
    const dir = mkdtempSync(join(tmpdir(), 'board-paper-'));
    writeFileSync(join(dir, 'paper.docx'), file.bytes);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        join(dir, 'paper.docx'),
      ],
      { stdio: 'ignore', timeout: 100_000 },
    );
    expect(existsSync(join(dir, 'paper.pdf'))).toBe(true);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '70',
      '-f',
      '1',
      '-l',
      '3',
      join(dir, 'paper.pdf'),
      join(dir, 'page'),
    ]);
    const pages = readdirSync(dir)
      .filter((name) => /^page-\d+\.png$/.test(name))
      .sort();
    expect(pages.length).toBe(3);
    const out = process.env.REPORT_PREVIEW_DIR;
    if (out)
      for (const [index, page] of pages.slice(0, 2).entries())
        copyFileSync(join(dir, page), join(out, `board-paper-page-${index + 1}.png`));
  });
});
