import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { PDFDocument, type PDFFont, type PDFPage, StandardFonts } from 'pdf-lib';

/**
 * Builds .docx and .pdf versions of a paper from its text as the seeds hold it ("#" headings,
 * "- " bullets indented two spaces a level, tab-separated table rows), the way Word and a PDF
 * printer would lay it out — so the importer is tested on real Word and PDF files of the same
 * content, made in the test itself.
 */
interface Block {
  kind: 'heading' | 'bullet' | 'paragraph' | 'row';
  text: string;
  level: number;
  cells: string[];
}

function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    if (raw.includes('\t')) {
      blocks.push({ kind: 'row', text: raw, level: 0, cells: raw.split('\t').map(clean) });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(raw.trim());
    if (heading) {
      blocks.push({
        kind: 'heading',
        text: clean(heading[2] ?? ''),
        level: heading[1]?.length ?? 1,
        cells: [],
      });
      continue;
    }
    const bullet = /^(\s*)[-*]\s+(.*)$/.exec(raw);
    if (bullet)
      blocks.push({
        kind: 'bullet',
        text: clean(bullet[2] ?? ''),
        level: Math.floor((bullet[1]?.length ?? 0) / 2),
        cells: [],
      });
    else blocks.push({ kind: 'paragraph', text: clean(raw), level: 0, cells: [] });
  }
  return blocks;
}

function clean(text: string): string {
  return text
    .replace(/\*\*/g, '')
    .replace(/<\/?sup>/g, '')
    .trim();
}

export async function docxOf(text: string): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let rows: TableRow[] = [];
  const endTable = () => {
    if (rows.length > 0) children.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
    rows = [];
  };
  for (const block of blocksOf(text)) {
    if (block.kind === 'row') {
      rows.push(
        new TableRow({
          children: block.cells.map((cell) => new TableCell({ children: [new Paragraph(cell)] })),
        }),
      );
      continue;
    }
    endTable();
    if (block.kind === 'heading')
      children.push(
        new Paragraph({
          text: block.text,
          heading: block.level <= 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
        }),
      );
    else if (block.kind === 'bullet')
      children.push(new Paragraph({ text: block.text, bullet: { level: block.level } }));
    else children.push(new Paragraph(block.text));
  }
  endTable();
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

const PAGE = { width: 842, height: 595, margin: 40 };
const BODY = 9;
const LINE = 11;

export async function pdfOf(text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = pdf.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;
  let pageNumber = 1;
  const newPage = () => {
    page.drawText(String(pageNumber), { x: PAGE.width / 2, y: 20, size: BODY, font });
    page = pdf.addPage([PAGE.width, PAGE.height]);
    pageNumber++;
    y = PAGE.height - PAGE.margin;
  };
  const room = (height: number) => {
    if (y - height < PAGE.margin) newPage();
  };
  const blocks = blocksOf(text);
  let widths: number[] = [];
  blocks.forEach((block, index) => {
    if (block.kind === 'row') {
      if (blocks[index - 1]?.kind !== 'row') widths = columnWidths(blocks, index);
      const cells = block.cells.map((cell, column) =>
        wrap(safe(cell), font, BODY, (widths[column] ?? 60) - 6),
      );
      const height = Math.max(1, ...cells.map((lines) => lines.length)) * LINE;
      room(height);
      let x = PAGE.margin;
      cells.forEach((lines, column) => {
        lines.forEach((line, at) => {
          page.drawText(line, { x, y: y - at * LINE, size: BODY, font });
        });
        x += widths[column] ?? 60;
      });
      y -= height + 4;
      return;
    }
    // Word leaves space after a table before the next paragraph.
    if (blocks[index - 1]?.kind === 'row') y -= 10;
    if (block.kind === 'heading') {
      room(30);
      y -= 6;
      page.drawText(safe(block.text), { x: PAGE.margin, y, size: 14, font: bold });
      y -= 22;
      return;
    }
    const indent = PAGE.margin + block.level * 20;
    const textX = block.kind === 'bullet' ? indent + 12 : indent;
    const lines = wrap(safe(block.text), font, BODY, PAGE.width - PAGE.margin - textX);
    lines.forEach((line, at) => {
      room(LINE);
      if (at === 0 && block.kind === 'bullet') page.drawText('•', { x: indent, y, size: BODY, font });
      page.drawText(line, { x: textX, y, size: BODY, font });
      y -= LINE;
    });
    y -= 6;
  });
  page.drawText(String(pageNumber), { x: PAGE.width / 2, y: 20, size: BODY, font });
  return pdf.save();
}

/** Columns as wide as their content needs, within the page. */
function columnWidths(blocks: Block[], start: number): number[] {
  const weights: number[] = [];
  for (let index = start; blocks[index]?.kind === 'row'; index++)
    (blocks[index] as Block).cells.forEach((cell, column) => {
      weights[column] = Math.max(weights[column] ?? 0, Math.min(cell.length, 400), 12);
    });
  const total = weights.reduce((sum, weight) => sum + Math.sqrt(weight), 0);
  return weights.map((weight) => Math.max(45, ((PAGE.width - 2 * PAGE.margin) * Math.sqrt(weight)) / total));
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Helvetica in a PDF speaks Windows-1252: anything else becomes "?". */
function safe(text: string): string {
  return [...text]
    .map((char) => (char.charCodeAt(0) <= 0xff || '–—‘’“”•…€™'.includes(char) ? char : '?'))
    .join('');
}
