import type { SourceLine } from '../source';
import { isPageNumber } from '../source';

const FUNCTION_LISTS =
  /functions|services (currently )?(associated|delegated)|delegated (functions|services)/i;

/**
 * The delegated functions the paper lists (its appendix), plus any cell that names the same
 * function twice or more: the words to cut a glued "Related Function" cell at.
 */
export function knownFunctions(lines: readonly SourceLine[], cells: readonly string[]): string[] {
  const known = new Set<string>();
  let listing = false;
  for (const line of lines) {
    if (line.cells || isPageNumber(line.text)) continue;
    if (!line.bullet) listing = FUNCTION_LISTS.test(line.text) && line.text.length < 200;
    else if (listing) known.add(tidy(line.text.replace(/^(?:\d{1,2}\.|\([a-z]\)|[a-z]\.)\s*/, '')));
  }
  const counts = new Map<string, number>();
  for (const cell of cells) counts.set(tidy(cell), (counts.get(tidy(cell)) ?? 0) + 1);
  const listed = sortByLength([...known]);
  // A cell repeated word for word names one function, unless the listed ones cut it further.
  for (const [cell, count] of counts) if (count >= 2 && cell && !namesAnother(cell, listed)) known.add(cell);
  return sortByLength([...known]);
}

/** True when a listed function is a proper part of the cell: the cell is several, glued. */
function namesAnother(cell: string, listed: readonly string[]): boolean {
  const lower = cell.toLowerCase();
  return listed.some((name) => name.length < cell.length && lower.includes(name.toLowerCase()));
}

function sortByLength(names: string[]): string[] {
  return names.filter((name) => name.length >= 4).sort((a, b) => b.length - a.length);
}

function tidy(text: string): string {
  return text.replace(/[—–-]\s*$|[.;:,]+$|\(\)\.?$/g, '').trim();
}

/** Cuts "Day services Respite provision" into the functions it names; unknown stretches at sentence case. */
export function splitFunctions(cell: string, known: readonly string[]): string[] {
  const functions: string[] = [];
  let rest = cell.trim();
  const lowerKnown = known.map((name) => name.toLowerCase());
  while (rest.length > 0) {
    const lower = rest.toLowerCase();
    const whole = lowerKnown.findIndex(
      (name) => lower.startsWith(name) && /^[\s.,;]*(?:$|[A-Z])/.test(rest.slice(name.length)),
    );
    if (whole >= 0) {
      functions.push(tidy(rest.slice(0, (known[whole] as string).length)));
      rest = rest.slice((known[whole] as string).length).replace(/^[\s.,;]+/, '');
      continue;
    }
    let next = rest.length;
    for (const name of lowerKnown) {
      const at = lower.indexOf(` ${name}`);
      if (at > 0 && at < next && /[A-Z]/.test(rest[at + 1] ?? '')) next = at;
    }
    functions.push(...splitSentenceCase(tidy(rest.slice(0, next))));
    rest = rest.slice(next).trim();
  }
  return functions.filter(Boolean);
}

/** "aids and adaptions Social work services" → two: a capital after a lower-case word starts the next. */
function splitSentenceCase(text: string): string[] {
  return text.split(/(?<=\b[a-z][a-z]+[.]?) (?=[A-Z][a-z])/).map(tidy);
}
