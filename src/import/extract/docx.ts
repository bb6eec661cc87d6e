import type { SourceDocument } from '../source';
import { withNumbersWritten } from './docx-numbering';
import { linesOfHtml } from './html-lines';

/**
 * A Word file through mammoth: its structure (headings, lists, tables) survives as HTML.
 * Word's automatic numbering is written into the paragraphs first, as a reader sees it.
 */
export async function linesOfDocx(bytes: Uint8Array): Promise<SourceDocument> {
  const mammoth = (await import('mammoth')).default;
  const numbered = await withNumbersWritten(bytes);
  const { value } = await mammoth.convertToHtml(
    { buffer: Buffer.from(numbered) },
    // Images carry nothing the register needs; dropping them keeps a 10 MB paper's HTML small.
    { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
  );
  return { kind: 'docx', lines: linesOfHtml(value) };
}
