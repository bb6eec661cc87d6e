import { checkLineCount, MAX_PDF_PAGES, PaperLimitError, SPLIT_HINT } from '../limits';
import { cleanText, isPageNumber, type SourceDocument, type SourceLine } from '../source';

interface Run {
  text: string;
  x: number;
  y: number;
  end: number;
  size: number;
}

interface VisualLine {
  runs: Run[];
  y: number;
  size: number;
}

/**
 * A PDF through pdf.js (unpdf): text runs with their positions, rebuilt into lines. Runs far
 * apart on one line are table cells; a run that lines up under a table column is that column's
 * cell, so a wrapped cell stays in its column. Bigger text is a heading. A wrapped paragraph is
 * joined back into one line, and headers or footers repeated on most pages are dropped.
 */
export async function linesOfPdf(bytes: Uint8Array, fileName = 'The PDF'): Promise<SourceDocument> {
  const { getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  // Bounded before the first page is read, and the lines while they are read.
  if (pdf.numPages > MAX_PDF_PAGES) {
    await pdf.cleanup();
    throw new PaperLimitError(
      `${fileName} has ${pdf.numPages.toLocaleString('en-GB')} pages; a paper has tens, and up to ${MAX_PDF_PAGES.toLocaleString('en-GB')} are read.`,
      SPLIT_HINT,
    );
  }
  const pages: VisualLine[][] = [];
  let lineCount = 0;
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const runs: Run[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [a = 0, b = 0, , , x = 0, y = 0] = item.transform as number[];
      const size = Math.hypot(a, b) || item.height;
      runs.push({ text: item.str, x, y, end: x + item.width, size });
    }
    const visual = groupLines(runs);
    lineCount += visual.length;
    checkLineCount(lineCount, fileName);
    pages.push(visual);
  }
  await pdf.cleanup();
  const body = bodySize(pages);
  const boilerplate = repeatedEdges(pages);
  const lines: SourceLine[] = [];
  const table: TableState = {};
  pages.forEach((visual, index) => {
    lines.push(...pageLines(visual, index + 1, body, boilerplate, table));
  });
  return { kind: 'pdf', lines };
}

function groupLines(runs: Run[]): VisualLine[] {
  const sorted = [...runs].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: VisualLine[] = [];
  for (const run of sorted) {
    const last = lines.at(-1);
    if (last && Math.abs(last.y - run.y) <= Math.max(2, run.size * 0.4)) {
      last.runs.push(run);
      last.size = Math.max(last.size, run.size);
    } else lines.push({ runs: [run], y: run.y, size: run.size });
  }
  for (const line of lines) line.runs.sort((p, q) => p.x - q.x);
  return lines;
}

/** The commonest text size, by characters: body text. */
function bodySize(pages: VisualLine[][]): number {
  const counts = new Map<number, number>();
  for (const line of pages.flat())
    for (const run of line.runs) {
      const size = Math.round(run.size * 2) / 2;
      counts.set(size, (counts.get(size) ?? 0) + run.text.length);
    }
  return [...counts.entries()].sort((p, q) => q[1] - p[1])[0]?.[0] ?? 10;
}

function textOf(line: VisualLine): string {
  return cleanText(line.runs.map((run) => run.text).join(' '));
}

function repeatedEdges(pages: VisualLine[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const page of pages) {
    const edges = new Set([page[0], page.at(-1)].filter((line) => line !== undefined).map(textOf));
    for (const text of edges) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const threshold = Math.max(3, Math.ceil(pages.length / 2));
  return new Set(
    [...counts.entries()]
      .filter(([text, count]) => count >= threshold && !/^\d+$/.test(text))
      .map(([text]) => text),
  );
}

/**
 * Splits a line's runs into cells where the gap is wider than a few spaces, or where a run
 * starts under a column of the table being read.
 */
function cellsOf(line: VisualLine, columns: number[] | undefined): Run[] {
  const cells: Run[] = [];
  const startsColumn = (run: Run, last: Run) =>
    columns?.some((x) => Math.abs(x - run.x) <= 2 && Math.abs(x - last.x) > 2) ?? false;
  for (const run of line.runs) {
    const last = cells.at(-1);
    const gap = last ? run.x - last.end : Number.POSITIVE_INFINITY;
    if (last && gap <= Math.max(6, run.size * 1.2) && !startsColumn(run, last)) {
      last.text += gap > run.size * 0.12 && !last.text.endsWith(' ') ? ` ${run.text}` : run.text;
      last.end = Math.max(last.end, run.end);
    } else cells.push({ ...run });
  }
  return cells;
}

/** The columns of the table being read: a table runs on over a page break. */
interface TableState {
  columns?: number[];
}

function pageLines(
  visual: VisualLine[],
  page: number,
  body: number,
  boilerplate: Set<string>,
  table: TableState,
): SourceLine[] {
  const lines: SourceLine[] = [];
  const margin = Math.min(...visual.map((line) => line.runs[0]?.x ?? Number.POSITIVE_INFINITY));
  let columns = table.columns;
  let firstOnPage = true;
  let previous: { line: VisualLine; source: SourceLine; textX: number } | undefined;
  visual.forEach((line, index) => {
    const at = { line: index + 1, page, unit: 'line' as const };
    const text = textOf(line);
    if (text === '' || boilerplate.has(text)) return;
    if (isPageNumber(text)) {
      // Kept so the parsers can see where a page ended; it does not end the table on the page.
      lines.push({ text, indent: 0, at });
      return;
    }
    const cells = cellsOf(line, columns);
    const gap = previous ? previous.line.y - line.y : Number.POSITIVE_INFINITY;
    const close = gap <= line.size * 1.75 || (firstOnPage && columns !== undefined);
    // Lines of one table row sit closer than the rows do (cell padding, borders).
    const sameRow = !firstOnPage && previous?.source.cells !== undefined && gap <= line.size * 1.35;
    firstOnPage = false;
    const aligned = (cell: Run) => columns?.findIndex((x) => Math.abs(x - cell.x) <= 4) ?? -1;
    const big = line.size >= body * 1.2;
    if (!big && (cells.length >= 2 || (columns && close && cells.every((cell) => aligned(cell) >= 0)))) {
      // Columns come from the first row of a table (its header): later rows, with empty cells
      // left out, are placed under them.
      if (!columns || !close || !cells.every((cell) => aligned(cell) >= 0))
        columns = cells.map((cell) => cell.x);
      const row = columns.map(() => '');
      for (const cell of cells) {
        const column = aligned(cell);
        row[column >= 0 ? column : row.length - 1] = cleanText(cell.text);
      }
      while (row.length > 0 && row.at(-1) === '') row.pop();
      const source: SourceLine = {
        text: row.join('\t'),
        cells: row,
        indent: 0,
        at,
        ...(sameRow ? { continuation: true } : {}),
      };
      lines.push(source);
      previous = { line, source, textX: cells[0]?.x ?? 0 };
      table.columns = columns;
      return;
    }
    columns = undefined;
    table.columns = undefined;
    const first = line.runs[0] as Run;
    const bullet = /^[•◦▪●]\s*/.exec(text);
    const words = bullet ? text.slice(bullet[0].length) : text;
    const textX = bullet ? (line.runs[1]?.x ?? first.x + 10) : first.x;
    const heading = big ? (line.size >= body * 1.6 ? 1 : 2) : undefined;
    // A wrapped line: close under the previous one and starting where its text started.
    if (
      previous &&
      !previous.source.cells &&
      !heading &&
      !bullet &&
      close &&
      Math.abs(first.x - previous.textX) <= 3 &&
      !/^\d{1,2}\.\d{1,2}\s/.test(words)
    ) {
      previous.source.text = `${previous.source.text} ${words}`;
      previous = { ...previous, line };
      return;
    }
    const source: SourceLine = {
      text: words,
      indent: Math.max(0, Math.round((first.x - margin) / 18)),
      at,
      ...(heading ? { heading } : {}),
      ...(bullet ? { bullet: true } : {}),
    };
    lines.push(source);
    previous = { line, source, textX };
  });
  return lines;
}
