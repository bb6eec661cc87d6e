/**
 * A paper as the parsers read it, whatever file it came in: lines of text, some of them
 * headings, list items or table rows (cells). Every line knows where it was, so an error can
 * say "page 3, line 12" or "line 37" and the officer can find it.
 */
export interface SourceLine {
  /** The text, cleaned of markup; table cells joined by tabs. */
  text: string;
  /** Table cells, when the line is a table row. */
  cells?: string[];
  /** Heading level (1 = biggest) when the line is a heading. */
  heading?: number;
  /** A list item (bullet or numbered). */
  bullet?: boolean;
  /** A table row's line set tight under the row above (PDF): the same row, wrapped. */
  continuation?: boolean;
  /** Nesting depth: 0 at the margin, 1 for a sub-bullet, … */
  indent: number;
  at: Location;
}

export interface Location {
  /** Line (text), paragraph (Word) or row (CSV) number, from 1. */
  line: number;
  page?: number;
  unit: 'line' | 'paragraph' | 'row';
}

export function describeLocation(at: Location | undefined): string {
  if (!at) return 'the file';
  return at.page !== undefined ? `page ${at.page}, line ${at.line}` : `${at.unit} ${at.line}`;
}

export interface SourceDocument {
  kind: 'text' | 'docx' | 'pdf';
  lines: SourceLine[];
}

const PAGE_NUMBER = /^\s*(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?\s*$|^\s*[-–]\s*\d{1,3}\s*[-–]\s*$/i;

/** A line that only carries a page number ("2", "Page 3 of 10", "- 4 -"): never part of a direction. */
export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text);
}

/** Removes Markdown emphasis and HTML the converters leave behind; keeps the words. */
export function cleanText(text: string): string {
  return text
    .replace(/<\/?(?:sup|sub|b|i|u|strong|em|span)[^>]*>/gi, '')
    .replace(/\*\*|__/g, '')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \f\v]+/g, ' ')
    .trim();
}

/** Cleans each cell and drops the empty trailing ones converters add. */
export function cleanCells(cells: readonly string[]): string[] {
  const cleaned = cells.map(cleanText);
  while (cleaned.length > 0 && cleaned.at(-1) === '') cleaned.pop();
  return cleaned;
}
