/**
 * How much of a file the importer reads before it refuses it. A real Directions paper is a
 * few pages with tens of directions (Midlothian 2023-24: 21; East Lothian 2019-20: 62), some
 * hundred KB of Word XML and a few MB of images. The limits sit far above that, so no real
 * paper meets them, and far below what would exhaust the reader's memory (a worker thread
 * capped at READ_MEMORY_MB locally, the 1 GB worker Lambda on AWS): a hostile file is refused
 * in seconds, with a message that names the limit.
 */

/** Board papers with their images run to a few MB; 20 MB leaves room without reading anything absurd. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * The inflated size of any one part of a .docx (word/document.xml, an image…). A 100-page
 * paper's document.xml is 1–3 MB; mammoth needs about 15 times a part's size in memory, so
 * 32 MB keeps the worst case near 500 MB.
 */
export const MAX_DOCX_PART_BYTES = 32 * 1024 * 1024;

/** All the parts of a .docx inflated: images barely compress, so 20 MB on disk is about 25 MB inflated. */
export const MAX_DOCX_INFLATED_BYTES = 64 * 1024 * 1024;

/** Parts in a .docx: Word writes 15–30, plus one per image. */
export const MAX_DOCX_PARTS = 2_000;

/** Pages of a .pdf: a paper with its appendices runs to tens; 2,000 is a 10,000-direction register. */
export const MAX_PDF_PAGES = 2_000;

/** Lines (paragraphs, table rows) of a paper: a real one has hundreds; ten per direction at MAX_DIRECTIONS. */
export const MAX_LINES = 200_000;

/**
 * Directions in one paper: a real one has tens. 10,000 is the largest register the importer
 * is tested (test/integration/import-scale.test.ts) and benchmarked to write completely.
 */
export const MAX_DIRECTIONS = 10_000;

/** Old-generation heap of the worker thread that reads a paper locally (the CLI, `npm start`). */
export const READ_MEMORY_MB = 512;

/** How long reading and parsing one paper may take: the 10,000-direction paper takes a few seconds. */
export const READ_TIMEOUT_MS = 60_000;

export const megabytes = (bytes: number): string =>
  `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;

/** A paper over one of these limits: refused with what the limit is and why. */
export class PaperLimitError extends Error {
  override name = 'PaperLimitError';
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

export const SPLIT_HINT =
  'A Directions paper has tens of directions on a few pages: check this is the paper meant, or split it and import each part as its own year.';

/** Refuses a paper with more lines than MAX_LINES; called while lines are being made, not after. */
export function checkLineCount(count: number, fileName: string): void {
  if (count > MAX_LINES)
    throw new PaperLimitError(
      `${fileName} has more than ${MAX_LINES.toLocaleString('en-GB')} lines; a real paper has hundreds, and up to ${MAX_LINES.toLocaleString('en-GB')} are read.`,
      SPLIT_HINT,
    );
}
