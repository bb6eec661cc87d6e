import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaper } from '../../../src/import/import-paper';
import { loadBoardReport } from '../../../src/report';
import { startTestDynamo } from '../../support/harness';
import { EAST_LOTHIAN_PAPER } from '../../support/papers';

let data: Awaited<ReturnType<typeof startTestDynamo>>;
const clock = () => new Date('2019-10-21T10:00:00Z');

beforeAll(async () => {
  data = await startTestDynamo();
  const result = await importPaper(
    { store: data.store, imports: data.imports, clock },
    {
      bytes: Buffer.from(EAST_LOTHIAN_PAPER),
      fileName: 'east-lothian-directions-2019-20.txt',
      ijbId: 'east-lothian',
      planYear: '2019-20',
      dryRun: false,
      by: 'U0ADMIN',
    },
  );
  expect(result.status).toBe('applied');
});
afterAll(() => data.close());

/** Table 1 of the paper as printed: "D01h – In Process", several to a line at times. */
function tableOne(paper: string): [string, string][] {
  const start = paper.indexOf('2018-19 Directions\tOutcomes');
  const end = paper.indexOf('3.5 The', start);
  const table = paper.slice(start, end);
  const pairs: [string, string][] = [];
  const entry = /(D\d{2}[a-z])\s+[–-]\s+(.+?)(?=\s+D\d{2}[a-z]\s+[–-]|\s*$)/gm;
  for (const line of table.split('\n')) {
    const cells = line.split('\t').at(-1) ?? '';
    for (const match of cells.matchAll(entry)) pairs.push([match[1] as string, (match[2] as string).trim()]);
  }
  return pairs;
}

describe('the board report reproduces seed 003, Table 1', () => {
  it('reports every 2018-19 direction the table lists, with the outcome in the table’s words', async () => {
    const expected = tableOne(EAST_LOTHIAN_PAPER);
    expect(expected.length).toBeGreaterThanOrEqual(30);

    const report = await loadBoardReport(
      { sources: { getIjb: data.store.getIjb, readYear: data.imports.readYear }, clock },
      { ijb: 'east-lothian', year: '2018-19' },
    );

    const reported = report.rows.map((row) => [row.ref, row.outcome]);
    expect(reported).toHaveLength(expected.length);
    expect(new Map(reported as [string, string][])).toEqual(new Map(expected));
  });

  it('groups the rows under the table’s headings, in the table’s order', async () => {
    const report = await loadBoardReport(
      { sources: { getIjb: data.store.getIjb, readYear: data.imports.readYear }, clock },
      { ijb: 'east-lothian', year: '2018-19' },
    );
    const themes = [...new Set(report.rows.map((row) => row.theme))];
    expect(themes.slice(0, 3)).toEqual([
      'NHS Lothian Community Services',
      'East Lothian Council Delegated Functions',
      'NHS Lothian Transfer of IJB Resources',
    ]);
    expect(report.rows.find((row) => row.ref === 'D10i')?.outcome).toBe(
      'Replaced with related Direction D10j',
    );
    const achieved = tableOne(EAST_LOTHIAN_PAPER).filter(([, outcome]) => outcome === 'Achieved');
    expect(report.summary.byOutcome.find((entry) => entry.outcome === 'Achieved')?.count).toBe(
      achieved.length,
    );
  });
});
