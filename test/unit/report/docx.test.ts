import { describe, expect, it } from 'vitest';
import { calendarFor } from '../../../src/register/calendars';
import { renderBoardReport } from '../../../src/report';
import { composeBoardReport, type ReportBasis } from '../../../src/report/board-report';
import { openDocx, tableRows, textOf } from '../../support/docx-xml';
import { MIDLOTHIAN, reportRegister } from '../../support/report-register';

const report = (basis: ReportBasis = { kind: 'register', asOf: '2024-06-14' }) =>
  composeBoardReport({
    ijb: MIDLOTHIAN,
    planYear: '2023-24',
    basis,
    generatedOn: '2024-06-14',
    directions: reportRegister(40),
    outcomes: [],
    calendar: calendarFor(MIDLOTHIAN),
  });

describe('the board paper as Word', () => {
  it('is Office Open XML with one table row per direction, carrying its outcome', async () => {
    const view = report();
    const file = await renderBoardReport(view, 'docx');
    expect(file.filename).toBe('midlothian-directions-2023-24-outcomes-2024-06-14.docx');
    const docx = await openDocx(file.bytes);
    expect(docx.files).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']),
    );

    const rows = tableRows(docx.document).filter((cells) => cells.length === 8);
    for (const row of view.rows) {
      const matching = rows.filter((cells) => cells[0] === row.ref);
      expect(matching, row.ref).toHaveLength(1);
      expect(matching[0]?.[3]).toBe(row.outcome);
    }
  });

  it('opens with the IJB’s title block, the purpose and the recommendations, in heading styles', async () => {
    const { document } = await openDocx((await renderBoardReport(report(), 'docx')).bytes);
    const text = textOf(document);
    for (const label of ['REPORT TO:', 'MEETING DATE:', 'BY:', 'SUBJECT:']) expect(text).toContain(label);
    expect(text).toContain('Midlothian Integration Joint Board');
    expect(text).toContain('The register as it stands on 14 June 2024');
    expect(document).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?1 PURPOSE/);
    expect(document).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?2 RECOMMENDATIONS/);
  });

  it('embeds the chart of outcome by theme as a PNG with alt text', async () => {
    const docx = await openDocx((await renderBoardReport(report(), 'docx')).bytes);
    const media = await docx.media();
    expect(media).toHaveLength(1);
    expect([...(media[0]?.bytes.slice(0, 8) ?? [])]).toEqual([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ]);
    expect(docx.document).toMatch(
      /descr="Bar chart of the outcome of each direction, by theme\. Health &amp; Wellbeing: /,
    );
  });

  it('repeats the header row on every page, sets the table landscape, numbers the pages', async () => {
    const docx = await openDocx((await renderBoardReport(report(), 'docx')).bytes);
    expect(docx.document).toContain('<w:tblHeader/>');
    expect(docx.document).toMatch(/w:orient="landscape"/);
    const footers = docx.files.filter((name) => /^word\/footer\d+\.xml$/.test(name));
    expect(footers.length).toBeGreaterThan(0);
    for (const footer of footers) expect(await docx.part(footer)).toContain('PAGE');
  });

  it('is marked DRAFT on every page while its round is open, and not otherwise', async () => {
    const open = await openDocx(
      (
        await renderBoardReport(
          report({ kind: 'round', name: '2023-24 mid-year', state: 'open', closes: '2023-12-15' }),
          'docx',
        )
      ).bytes,
    );
    const headers = open.files.filter((name) => /^word\/header\d+\.xml$/.test(name));
    expect(headers.length).toBeGreaterThan(0);
    for (const header of headers) expect(textOf(await open.part(header))).toContain('DRAFT');

    const register = await openDocx((await renderBoardReport(report(), 'docx')).bytes);
    for (const name of register.files.filter((file) => /^word\/header\d+\.xml$/.test(file)))
      expect(textOf(await register.part(name))).not.toContain('DRAFT');
  });
});
