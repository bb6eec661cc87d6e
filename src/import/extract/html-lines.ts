import { cleanCells, cleanText, type SourceLine } from '../source';

/**
 * The simple HTML mammoth writes for a Word file (h1–h6, p, ul/ol/li, table/tr/td, a, strong)
 * as source lines: one per paragraph, heading, list item or table row. Each line's `line` is
 * its paragraph number in the document.
 */
export function linesOfHtml(html: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let text = '';
  let heading: number | undefined;
  let listDepth = 0;
  let inItem = false;
  let row: string[] | undefined;
  let cell: string | undefined;
  let paragraph = 0;

  const flush = () => {
    const cleaned = cleanText(decode(text));
    text = '';
    if (cleaned === '') {
      heading = undefined;
      return;
    }
    paragraph++;
    lines.push({
      text: cleaned,
      indent: Math.max(0, listDepth - 1),
      at: { line: paragraph, unit: 'paragraph' },
      ...(heading ? { heading } : {}),
      ...(inItem ? { bullet: true } : {}),
    });
    heading = undefined;
  };

  for (const token of html.matchAll(/<(\/?)([a-zA-Z0-9]+)[^>]*>|([^<]+)/g)) {
    const [, closing, rawTag, content] = token;
    if (content !== undefined) {
      if (cell !== undefined) cell += content;
      else text += content;
      continue;
    }
    const tag = (rawTag ?? '').toLowerCase();
    const opening = closing !== '/';
    if (tag === 'table' || tag === 'img') continue;
    if (tag === 'tr') {
      if (opening) row = [];
      else if (row) {
        const cells = cleanCells(row);
        if (cells.some((value) => value !== '')) {
          paragraph++;
          lines.push({
            text: cells.join('\t'),
            cells,
            indent: 0,
            at: { line: paragraph, unit: 'paragraph' },
          });
        }
        row = undefined;
      }
      continue;
    }
    if (tag === 'td' || tag === 'th') {
      if (opening) cell = '';
      else if (row && cell !== undefined) {
        row.push(decode(cell).replace(/\s+/g, ' '));
        cell = undefined;
      }
      continue;
    }
    if (cell !== undefined) {
      // Paragraphs and list items inside a cell are one cell's text.
      if (!opening && (tag === 'p' || tag === 'li')) cell += ' ';
      if (tag === 'br') cell += ' ';
      continue;
    }
    if (/^h[1-6]$/.test(tag)) {
      if (opening) {
        flush();
        heading = Number(tag.slice(1));
      } else flush();
    } else if (tag === 'ul' || tag === 'ol') {
      flush();
      listDepth += opening ? 1 : -1;
      inItem = false;
    } else if (tag === 'li') {
      flush();
      inItem = opening;
      if (!opening && listDepth > 0) inItem = true;
    } else if (tag === 'p') {
      flush();
    } else if (tag === 'br') {
      text += ' ';
    }
  }
  flush();
  return lines;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#x?[0-9a-fA-F]+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}
