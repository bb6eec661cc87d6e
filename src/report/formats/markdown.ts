import { type BoardReport, basisText, longDay, shortDay } from '../board-report';
import { REPORT_COLUMNS, type ReportRow } from '../rows';
import { themeGroups } from './groups';

const TABLE_COLUMNS: readonly (keyof ReportRow)[] = [
  'ref',
  'title',
  'issuedTo',
  'deadline',
  'outcome',
  'updateSummary',
  'updateDate',
  'updateBody',
  'lead',
];

/** The report for pasting into a wiki or an email: summary, then one table per theme. */
export function reportMarkdown(report: BoardReport): Uint8Array {
  const headers = new Map(REPORT_COLUMNS);
  const { summary } = report;
  const lines = [
    `# ${report.ijb.name}: progress against the ${report.planYear} Directions`,
    '',
    `${basisText(report.basis)}. Generated on ${longDay(report.generatedOn)}.`,
    '',
    '## Summary',
    '',
    `- Directions: ${summary.directions}`,
    ...summary.byOutcome.map(({ outcome, count }) => `- ${outcome}: ${count}`),
    `- Overdue: ${summary.overdue}`,
    `- No return: ${summary.noReturn}`,
    `- Signed off: ${summary.signedOff}`,
  ];
  for (const group of themeGroups(report.rows)) {
    lines.push('', `## ${cell(group.theme)}`, '');
    lines.push(`| ${TABLE_COLUMNS.map((key) => headers.get(key) ?? key).join(' | ')} |`);
    lines.push(`|${TABLE_COLUMNS.map(() => ' --- ').join('|')}|`);
    for (const row of group.rows)
      lines.push(
        `| ${TABLE_COLUMNS.map((key) => cell(key === 'updateDate' && row[key] ? shortDay(row[key]) : row[key])).join(' | ')} |`,
      );
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

/** A table cell holds one line, and a pipe would end it. */
function cell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}
