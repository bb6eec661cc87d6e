import {
  AlignmentType,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
} from 'docx';
import type { BoardReport } from '../board-report';
import { purposeAndRecommendations, summarySection, titleBlock } from './front-matter';
import { outcomesTable } from './outcomes-table';

/**
 * The board paper as Word: the report's front matter on portrait pages, Table 1 in a
 * landscape section (it is wide), page numbers on every page, and "DRAFT" in every header
 * while the round it comes from is still open.
 */
export async function reportDocx(report: BoardReport): Promise<Uint8Array> {
  const draft = report.basis.kind === 'round' && report.basis.state === 'open';
  const headers = { default: pageHeader(report, draft) };
  const footers = { default: pageFooter() };
  const document = new Document({
    title: `${report.ijb.name}: progress against the ${report.planYear} Directions`,
    subject: 'IJB Directions outcomes',
    creator: 'IJB Directions',
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 22 } },
        heading1: {
          run: { font: 'Arial', size: 26, bold: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        heading2: {
          run: { font: 'Arial', size: 22, bold: true, color: '000000' },
          paragraph: { spacing: { before: 200, after: 120 } },
        },
      },
    },
    sections: [
      {
        headers,
        footers,
        children: [...titleBlock(report), ...purposeAndRecommendations(report), ...summarySection(report)],
      },
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        headers,
        footers,
        children: outcomesTable(report),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function pageHeader(report: BoardReport, draft: boolean): Header {
  const words = `${report.ijb.shortName} IJB · Directions ${report.planYear}`;
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: draft
          ? [new TextRun({ text: 'DRAFT', bold: true, color: 'C00000', size: 28 }), new TextRun(`  ${words}`)]
          : [new TextRun({ text: words, color: '595959', size: 18 })],
      }),
    ],
  });
}

function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 18 }),
        ],
      }),
    ],
  });
}
