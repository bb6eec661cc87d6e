import { linesOfDocx } from './extract/docx';
import { linesOfPdf } from './extract/pdf';
import { linesOfText } from './extract/text';
import { checkZipBounds } from './extract/zip-bounds';
import { checkLineCount, MAX_FILE_BYTES, PaperLimitError } from './limits';
import type { ImportProblem } from './parse/types';
import type { SourceDocument } from './source';

export { MAX_FILE_BYTES };

export type FileKind = 'pdf' | 'docx' | 'text' | 'csv' | 'json';

export type ReadResult =
  | { ok: true; kind: 'csv' | 'json'; text: string }
  | { ok: true; kind: 'pdf' | 'docx' | 'text'; doc: SourceDocument }
  | { ok: false; problem: ImportProblem };

const refuse = (message: string, hint: string): ReadResult => ({ ok: false, problem: { message, hint } });

const TRY_INSTEAD =
  'Send the paper as .docx, .pdf, .txt or .md, or the canonical .csv/.json (docs/import.md).';

/** What a file is, from its bytes first and its name second; then its text. */
export async function readPaperFile(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (bytes.length === 0) return refuse(`${fileName} is empty.`, TRY_INSTEAD);
  if (bytes.length > MAX_FILE_BYTES)
    return refuse(
      `${fileName} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; papers up to ${MAX_FILE_BYTES / 1024 / 1024} MB are read.`,
      'Save the paper without its images (or as .docx or .txt) and send that.',
    );
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  if (head.startsWith('%PDF-')) return extract('pdf', () => linesOfPdf(bytes, fileName), fileName);
  if (head.startsWith('PK\x03\x04')) {
    if (!Buffer.from(bytes).includes('word/'))
      return refuse(`${fileName} is a ZIP archive, not a Word document.`, TRY_INSTEAD);
    // Bounded before mammoth unzips anything: a small file can inflate to gigabytes.
    const bounds = checkZipBounds(bytes);
    if (!bounds.ok)
      return refuse(
        `${fileName} is not read: ${bounds.reason}.`,
        'Open it in Word and save it again (without embedded files), or export it as .pdf or .txt, and send that.',
      );
    return extract('docx', () => linesOfDocx(bytes), fileName);
  }
  if (head.startsWith('\xd0\xcf\x11\xe0'))
    return refuse(
      `${fileName} is in the old Word format (.doc).`,
      'Open it in Word and save it as .docx, then send that.',
    );
  if (extension === 'pdf' || extension === 'docx')
    return refuse(
      `${fileName} is named .${extension} but is not a ${extension === 'pdf' ? 'PDF' : 'Word'} file.`,
      TRY_INSTEAD,
    );
  const text = decodeText(bytes);
  if (text === undefined)
    return refuse(`${fileName} is not a text, Word or PDF file (its content is binary).`, TRY_INSTEAD);
  if (extension === 'json' || (extension !== 'csv' && /^\s*[{[]/.test(text)))
    return { ok: true, kind: 'json', text };
  if (extension === 'csv') return { ok: true, kind: 'csv', text };
  return extract('text', async () => linesOfText(text), fileName);
}

async function extract(
  kind: 'pdf' | 'docx' | 'text',
  read: () => Promise<SourceDocument>,
  fileName: string,
): Promise<ReadResult> {
  try {
    const doc = await read();
    checkLineCount(doc.lines.length, fileName);
    return { ok: true, kind, doc };
  } catch (error) {
    if (error instanceof PaperLimitError) return refuse(error.message, error.hint);
    return refuse(
      `${fileName} could not be read as ${kind === 'pdf' ? 'a PDF' : 'a Word document'}: ${String((error as Error)?.message ?? error).slice(0, 200)}.`,
      'Open it and save it again (or export it as .docx or .txt), then send that.',
    );
  }
}

/** UTF-8 (with or without BOM), else Windows-1252 as Word's "plain text" writes it; undefined for binary. */
function decodeText(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  const sample = text.slice(0, 200_000);
  let control = 0;
  for (let index = 0; index < sample.length; index++) {
    const code = sample.charCodeAt(index);
    if (code < 9 || (code > 13 && code < 32) || code === 127) control++;
  }
  return control > sample.length * 0.01 || sample.includes('\u0000')
    ? undefined
    : text.replace(/^\uFEFF/, '');
}
