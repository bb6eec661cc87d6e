import type { SourceDocument } from '../source';
import { linesOfHtml } from './html-lines';

/** A Word file through mammoth: its structure (headings, lists, tables) survives as HTML. */
export async function linesOfDocx(bytes: Uint8Array): Promise<SourceDocument> {
  const mammoth = (await import('mammoth')).default;
  const { value } = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    // Images carry nothing the register needs; dropping them keeps a 10 MB paper's HTML small.
    { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
  );
  return { kind: 'docx', lines: linesOfHtml(value) };
}
