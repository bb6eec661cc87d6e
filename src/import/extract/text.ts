import { cleanCells, cleanText, type SourceDocument, type SourceLine } from '../source';

/**
 * Plain text and Markdown as converters write them: "#" headings, "**bold**" headings,
 * "- " bullets indented by two spaces a level, tab-separated table rows.
 */
export function linesOfText(content: string): SourceDocument {
  const lines: SourceLine[] = [];
  content.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const at = { line: index + 1, unit: 'line' as const };
    if (raw.includes('\t')) {
      const cells = cleanCells(raw.split('\t'));
      if (cells.some((cell) => cell !== '')) lines.push({ text: cells.join('\t'), cells, indent: 0, at });
      return;
    }
    const leading = /^\s*/.exec(raw)?.[0].replace(/\t/g, '  ').length ?? 0;
    let text = raw.trim();
    const heading = /^(#{1,6})\s+(.*)$/.exec(text);
    if (heading?.[1] && heading[2] !== undefined) {
      lines.push({ text: cleanText(heading[2]), heading: heading[1].length, indent: 0, at });
      return;
    }
    const bullet = /^(?:[-*•◦▪]|o(?=\s))\s+(.*)$/.exec(text);
    if (bullet?.[1] !== undefined) text = bullet[1];
    const cleaned = cleanText(text);
    if (cleaned === '') return;
    const boldOnly = !bullet && /^\*\*[^*]+\*\*$/.test(text) && cleaned.length <= 120;
    lines.push({
      text: cleaned,
      indent: Math.floor(leading / 2),
      at,
      ...(bullet ? { bullet: true } : {}),
      ...(boldOnly ? { heading: 3 } : {}),
    });
  });
  return { kind: 'text', lines };
}
