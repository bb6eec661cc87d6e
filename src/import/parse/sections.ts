import { isPageNumber, type SourceLine } from '../source';

export interface Section {
  heading?: SourceLine;
  lines: SourceLine[];
}

/** A short line standing alone, capitalised, without a full stop: a heading in all but markup. */
export function looksLikeHeading(line: SourceLine): boolean {
  if (line.heading) return true;
  if (line.bullet || line.cells) return false;
  const words = line.text.split(/\s+/);
  return (
    words.length <= 8 &&
    line.text.length <= 80 &&
    /^[A-Z0-9]/.test(line.text) &&
    !/[.,;:]$/.test(line.text) &&
    !/^\d{1,2}\.\d{1,2}\b/.test(line.text)
  );
}

/** The paper cut at its headings; page numbers are dropped here, so they can never join a text. */
export function sectionsOf(lines: readonly SourceLine[]): Section[] {
  const sections: Section[] = [{ lines: [] }];
  for (const line of lines) {
    if (!line.cells && isPageNumber(line.text)) continue;
    if (looksLikeHeading(line)) sections.push({ heading: line, lines: [] });
    else sections.at(-1)?.lines.push(line);
  }
  return sections.filter((section) => section.heading || section.lines.length > 0);
}

const NOT_THEMES =
  /^(introduction|purpose|background|recommendations?|engagement|policy|integrated impact|resource implications|appendix|annex|delegated functions|services delegated|provision for people|contents|summary|conclusions?|financial|finance|risks?|equalit|references|glossary|aims|report to|author)/i;

/** Headings under which numbered paragraphs are the report's own, not directions. */
export function isNotATheme(heading: string): boolean {
  return NOT_THEMES.test(heading.replace(/^[\d.\s]+/, '').trim());
}

const DIRECTIVE = /\b(must|should|shall|is directed|are directed|required to|will need to)\b/i;
const IMPERATIVE =
  /^(Maximise|Explore|Develop|Ensure|Deliver|Implement|Review|Provide|Improve|Establish|Support|Undertake|Work|Continue|Create|Reduce|Increase|Agree|Design|Evaluate|Identify|Promote|Embed|Commission|Transform|Redesign)\b/;

/** Words that direct: "must", "should", an imperative opening, or a deadline. */
export function soundsDirective(text: string, hasDeadline: boolean): boolean {
  return hasDeadline || DIRECTIVE.test(text) || IMPERATIVE.test(text);
}

/** A heading as a theme name: without numbering or a stray letter left by conversion ("f Use of Resources"). */
export function themeName(heading: string): { name: string; strayFrom?: string } {
  const unnumbered = heading.replace(/^\d{1,2}[.)]?\s+/, '').trim();
  const stray = /^(?:[a-z]|[^\w\s&(]{1,2})\s+(?=[A-Z])/.exec(unnumbered);
  return stray ? { name: unnumbered.slice(stray[0].length), strayFrom: unnumbered } : { name: unnumbered };
}
