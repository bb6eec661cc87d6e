import {
  AlignmentType,
  HeadingLevel,
  ImageRun,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import { type BoardReport, basisText, longDay } from '../board-report';
import { CHART_WIDTH, outcomeChartDescription, outcomeChartSvg } from '../chart/outcome-chart';
import { svgToPng } from '../chart/png';

/** Where the label ends and its value starts in the title block, in twentieths of a point. */
const TITLE_TAB = 2600;

/** The IJB's report style (seed 003): REPORT TO, MEETING DATE, BY, SUBJECT, then numbered sections. */
export function titleBlock(report: BoardReport): Paragraph[] {
  const line = (label: string, value: string) =>
    new Paragraph({
      tabStops: [{ type: TabStopType.LEFT, position: TITLE_TAB }],
      spacing: { after: 160 },
      children: [new TextRun({ text: `${label}:`, bold: true }), new TextRun(`\t${value}`)],
    });
  return [
    line('REPORT TO', report.ijb.name),
    line('MEETING DATE', '[meeting date]'),
    line('BY', 'Chief Officer'),
    line('SUBJECT', `Progress against the ${report.planYear} Directions`),
    new Paragraph({
      spacing: { before: 120, after: 240 },
      children: [
        new TextRun({
          text: `${basisText(report.basis)}. Generated on ${longDay(report.generatedOn)}.`,
          italics: true,
        }),
      ],
    }),
  ];
}

/** Purpose and recommendations: the officer's words, with placeholders where they go. */
export function purposeAndRecommendations(report: BoardReport): Paragraph[] {
  const body = (text: string) => new Paragraph({ spacing: { after: 160 }, children: [new TextRun(text)] });
  const placeholder = (text: string) =>
    new Paragraph({
      spacing: { after: 160 },
      children: [new TextRun({ text, italics: true, color: '595959' })],
    });
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: '1 PURPOSE' }),
    body(
      `1.1 To update the Integration Joint Board (IJB) on progress against the ${report.planYear} Directions.`,
    ),
    placeholder('[Officer: add any further purpose of this report.]'),
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: '2 RECOMMENDATIONS' }),
    body('2.1 The IJB is asked to:'),
    body(`i. Note progress against all the Directions operating in ${report.planYear} (Table 1).`),
    placeholder('[Officer: add the recommendations for the board.]'),
  ];
}

/** Counts by outcome, then what needs the board's attention, then the chart. */
export function summarySection(report: BoardReport): (Paragraph | Table)[] {
  const { summary } = report;
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  const counts = new Table({
    width: { size: 60, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: [cell('Outcome', true), cell('Directions', true)] }),
      ...summary.byOutcome.map(
        ({ outcome, count }) => new TableRow({ children: [cell(outcome), cell(String(count))] }),
      ),
      new TableRow({ children: [cell('All directions', true), cell(String(summary.directions), true)] }),
    ],
  });
  const returns = report.basis.kind === 'round' ? 'no return in this round' : 'no update yet';
  const signed = report.basis.kind === 'round' ? 'signed off this round' : 'signed off';
  const title = `Outcome by theme, ${report.planYear}`;
  const chart = outcomeChartSvg(summary);
  const png = svgToPng(chart.svg, CHART_WIDTH);
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: '3 SUMMARY OF PROGRESS' }),
    new Paragraph({
      spacing: { after: 160 },
      text: `3.1 ${summary.directions} directions are reported below (Table 1).`,
    }),
    counts,
    new Paragraph({ spacing: { before: 200 }, text: `3.2 Overdue: ${summary.overdue}.` }),
    new Paragraph({ text: `3.3 Directions with ${returns}: ${summary.noReturn}.` }),
    new Paragraph({ spacing: { after: 200 }, text: `3.4 Directions ${signed}: ${summary.signedOff}.` }),
    new Paragraph({ heading: HeadingLevel.HEADING_2, text: `Figure 1 – ${title}` }),
    png
      ? new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'png',
              data: png,
              // Shown at 600 px (about 16 cm) wide: within a portrait A4 page's margins.
              transformation: { width: 600, height: Math.round((chart.height * 600) / CHART_WIDTH) },
              altText: { name: 'Outcome by theme', title, description: outcomeChartDescription(summary) },
            }),
          ],
        })
      : new Paragraph({ text: outcomeChartDescription(summary) }),
  ];
}
