import { HeadingLevel, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { type BoardReport, shortDay } from '../board-report';
import { themeGroups } from '../formats/groups';
import type { ReportRow } from '../rows';

/** The table's columns and their share of a landscape page's width (per cent). */
const COLUMNS: readonly (readonly [keyof ReportRow, string, number])[] = [
  ['ref', 'Ref', 6],
  ['title', 'Direction', 15],
  ['deadline', 'Deadline', 10],
  ['outcome', 'Outcome', 12],
  ['updateSummary', 'Latest update', 27],
  ['updateDate', 'Date', 10],
  ['updateBody', 'Body', 10],
  ['lead', 'Lead', 10],
];

/**
 * Table 1 as the board reads it: grouped by theme and, within a theme, by the body it is
 * issued to, the header row repeated on every page (Word's "repeat as header row").
 */
export function outcomesTable(report: BoardReport): (Paragraph | Table)[] {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: COLUMNS.map(([, name, share]) => cell(name, share, { bold: true, fill: 'D9E2F3' })),
  });
  const rows: TableRow[] = [header];
  for (const group of themeGroups(report.rows)) {
    rows.push(groupRow(group.theme, 'BFBFBF', true));
    let recipient: string | undefined;
    for (const row of group.rows) {
      if (row.issuedTo && row.issuedTo !== recipient)
        rows.push(groupRow(`Issued to ${row.issuedTo}`, 'F2F2F2', false));
      recipient = row.issuedTo;
      rows.push(
        new TableRow({
          cantSplit: true,
          children: COLUMNS.map(([key, , share]) =>
            cell(shown(row, key), share, { bold: key === 'outcome' }),
          ),
        }),
      );
    }
  }
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      text: `Table 1 – Outcomes for all Directions operating in ${report.planYear}`,
    }),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
  ];
}

function groupRow(text: string, fill: string, bold: boolean): TableRow {
  return new TableRow({
    cantSplit: true,
    children: [
      new TableCell({
        columnSpan: COLUMNS.length,
        shading: { type: ShadingType.CLEAR, fill, color: 'auto' },
        children: [new Paragraph({ keepNext: true, children: [new TextRun({ text, bold })] })],
      }),
    ],
  });
}

function cell(text: string, share: number, style: { bold?: boolean; fill?: string }): TableCell {
  return new TableCell({
    width: { size: share, type: WidthType.PERCENTAGE },
    ...(style.fill ? { shading: { type: ShadingType.CLEAR, fill: style.fill, color: 'auto' } } : {}),
    children: text
      .split('\n')
      .map(
        (line) =>
          new Paragraph({ children: [new TextRun({ text: line, bold: style.bold ?? false, size: 18 })] }),
      ),
  });
}

/** What a cell shows: a dash for nothing, dates as people write them. */
function shown(row: ReportRow, key: keyof ReportRow): string {
  if (!row[key]) return '—';
  return key === 'updateDate' ? shortDay(row.updateDate) : row[key];
}
