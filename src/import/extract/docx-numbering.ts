import JSZip from 'jszip';

/**
 * Word's automatic list numbering (numbering.xml) written into the paragraphs as the reader
 * of the document sees it ("5.1 NHS Lothian …"), so refs numbered by Word survive mammoth,
 * which keeps a list's structure but not its numbers. Bulleted lists are left as lists.
 * Numbering set by a paragraph style (styles.xml) rather than on the paragraph is not read.
 */

interface Level {
  start: number;
  format: string;
  text: string;
  legal: boolean;
}

interface Numbering {
  abstracts: Map<string, Map<number, Level>>;
  nums: Map<string, { abstract: string; starts: Map<number, number> }>;
}

const attr = (xml: string, name: string) => new RegExp(`<w:${name}\\b[^>]*\\bw:val="([^"]*)"`).exec(xml)?.[1];

function readNumbering(xml: string): Numbering {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const [, id, body = ''] of xml.matchAll(
    /<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g,
  )) {
    const levels = new Map<number, Level>();
    for (const [, ilvl, level = ''] of body.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g))
      levels.set(Number(ilvl), {
        start: Number(attr(level, 'start') ?? 1),
        format: attr(level, 'numFmt') ?? 'decimal',
        text: attr(level, 'lvlText') ?? '',
        legal: /<w:isLgl\b(?![^>]*w:val="(?:0|false)")/.test(level),
      });
    abstracts.set(id as string, levels);
  }
  const nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  for (const [, id, body = ''] of xml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const starts = new Map<number, number>();
    for (const [, ilvl, override = ''] of body.matchAll(
      /<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g,
    )) {
      const start = attr(override, 'startOverride');
      if (start !== undefined) starts.set(Number(ilvl), Number(start));
    }
    nums.set(id as string, { abstract: attr(body, 'abstractNumId') ?? '', starts });
  }
  return { abstracts, nums };
}

const ROMAN: [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

function roman(value: number): string {
  let rest = value;
  let out = '';
  for (const [size, letters] of ROMAN)
    while (rest >= size) {
      out += letters;
      rest -= size;
    }
  return out;
}

function letters(value: number): string {
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

export function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(value);
    case 'upperLetter':
      return letters(value).toUpperCase();
    case 'lowerRoman':
      return roman(value);
    case 'upperRoman':
      return roman(value).toUpperCase();
    case 'decimalZero':
      return String(value).padStart(2, '0');
    case 'none':
      return '';
    default:
      return String(value);
  }
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** document.xml with each automatically numbered paragraph's number written in as text. */
export function numberDocument(documentXml: string, numberingXml: string): string {
  const numbering = readNumbering(numberingXml);
  // Lists of one abstract numbering continue one another unless a list restarts (startOverride).
  const counters = new Map<string, number[]>();
  return documentXml.replace(/<w:p\b[^>]*>[\s\S]*?<\/w:p>/g, (paragraph) => {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(paragraph);
    if (!numPr?.[1]) return paragraph;
    const numId = attr(numPr[1], 'numId');
    const ilvl = Number(attr(numPr[1], 'ilvl') ?? 0);
    const num = numId ? numbering.nums.get(numId) : undefined;
    const levels = num ? numbering.abstracts.get(num.abstract) : undefined;
    const level = levels?.get(ilvl);
    if (!num || !levels || !level || level.format === 'bullet') return paragraph;
    const key = num.starts.size > 0 ? `num:${numId}` : `abstract:${num.abstract}`;
    const startOf = (at: number) => num.starts.get(at) ?? levels.get(at)?.start ?? 1;
    const counter = counters.get(key) ?? [];
    counter[ilvl] = counter[ilvl] === undefined ? startOf(ilvl) : (counter[ilvl] as number) + 1;
    counter.length = ilvl + 1;
    counters.set(key, counter);
    const text = level.text.replace(/%(\d)/g, (_whole, digit: string) => {
      const at = Number(digit) - 1;
      const value = counter[at] ?? startOf(at);
      return formatNumber(value, level.legal ? 'decimal' : (levels.get(at)?.format ?? 'decimal'));
    });
    const run =
      text.trim() === '' ? '' : `<w:r><w:t xml:space="preserve">${escapeXml(text.trim())} </w:t></w:r>`;
    const withoutList = paragraph.replace(numPr[0], '');
    return /<\/w:pPr>/.test(withoutList)
      ? withoutList.replace('</w:pPr>', `</w:pPr>${run}`)
      : withoutList.replace(/^(<w:p\b[^>]*>)/, `$1${run}`);
  });
}

/** The Word file with its automatic numbering written in, or the bytes as they were when it has none. */
export async function withNumbersWritten(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const numbering = await zip.file('word/numbering.xml')?.async('string');
  const document = await zip.file('word/document.xml')?.async('string');
  if (!numbering || !document?.includes('<w:numPr>')) return bytes;
  const numbered = numberDocument(document, numbering);
  if (numbered === document) return bytes;
  zip.file('word/document.xml', numbered);
  return zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
}
