import { describe, expect, it } from 'vitest';
import { calendarFor } from '../../../src/register/calendars';
import { REPORT_COLUMNS, renderBoardReport } from '../../../src/report';
import { composeBoardReport } from '../../../src/report/board-report';
import { parseCsv } from '../../../src/report/formats/csv';
import { MIDLOTHIAN, reportRegister } from '../../support/report-register';

const report = (count = 24) =>
  composeBoardReport({
    ijb: MIDLOTHIAN,
    planYear: '2023-24',
    basis: { kind: 'register', asOf: '2024-06-14' },
    generatedOn: '2024-06-14',
    directions: reportRegister(count),
    outcomes: [],
    calendar: calendarFor(MIDLOTHIAN),
  });
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('the report as CSV, JSON and Markdown', () => {
  it('the CSV parses back to exactly the rows of the JSON', async () => {
    const view = report();
    const csv = await renderBoardReport(view, 'csv');
    const json = JSON.parse(text((await renderBoardReport(view, 'json')).bytes));

    const [header, ...records] = parseCsv(text(csv.bytes));
    expect(header).toEqual(REPORT_COLUMNS.map(([, name]) => name));
    const rows = records.map((record) =>
      Object.fromEntries(REPORT_COLUMNS.map(([key], index) => [key, record[index]])),
    );
    expect(rows).toEqual(json.rows);
    expect(rows).toHaveLength(24);
  });

  it('writes RFC 4180: a byte-order mark, CRLF line ends, quoted fields with doubled quotes', async () => {
    const { bytes, contentType, filename } = await renderBoardReport(report(), 'csv');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = text(bytes);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain('"Direction 1.1, ""quoted"" – £0k"');
    // The line break inside an update stays inside its quoted field.
    expect(csv).toMatch(/"Progress on 1\.1:[^"]*""the board""[^"]*\nNext, a review – in January\."/);
    expect(contentType).toBe('text/csv; charset=utf-8');
    expect(filename).toBe('midlothian-directions-2023-24-outcomes-2024-06-14.csv');
  });

  it('gives byte-identical CSV and JSON for the same register', async () => {
    for (const format of ['csv', 'json', 'md'] as const) {
      const first = await renderBoardReport(report(), format);
      const second = await renderBoardReport(report(), format);
      expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
    }
  });

  it('counts outcomes, overdue directions, missing returns and sign-offs', () => {
    const { summary, rows } = report(24);
    expect(summary.directions).toBe(24);
    expect(summary.byOutcome.reduce((sum, entry) => sum + entry.count, 0)).toBe(24);
    expect(summary.byOutcome.find((entry) => entry.outcome === 'In Process')?.count).toBe(4);
    expect(summary.noReturn).toBe(4);
    expect(summary.signedOff).toBe(4);
    // Overdue: open, with a deadline before 14 June 2024.
    const overdue = rows.filter((row) => row.overdue === 'Yes');
    expect(overdue.length).toBe(summary.overdue);
    expect(overdue.every((row) => row.dueDate < '2024-06-14' && row.outcome !== 'Achieved')).toBe(true);
    expect(overdue.length).toBeGreaterThan(0);
  });

  it('writes Markdown with one table per theme and pipes escaped', async () => {
    const md = text((await renderBoardReport(report(), 'md')).bytes);
    expect(md.match(/^## /gm)).toHaveLength(5);
    expect(md).toContain('## Support for Carers');
    expect(md).toContain('The register as it stands on 14 June 2024');
    const tableLines = md.split('\n').filter((line) => /^\| \d/.test(line));
    expect(tableLines).toHaveLength(24);
  });
});
