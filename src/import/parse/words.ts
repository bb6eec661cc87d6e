import type { SourceLine } from '../source';

const STOPWORDS = new Set(
  'the and for with that this from into their its are was were will should must have has been all any our who which what when where within through including ensure east lothian nhs council hscp ijb to of in on by as at be or an a is it'.split(
    ' ',
  ),
);

/** Significant words of a text, for comparing two texts that may have been cut or reflowed. */
export function tokens(text: string): Set<string> {
  return new Set(
    (text.toLowerCase().match(/[a-z][a-z'-]+/g) ?? [])
      .map((word) => word.replace(/'s$|'$/, ''))
      .filter((word) => word.length >= 3 && !STOPWORDS.has(word)),
  );
}

/** How much of `part` is in `whole`: 1 when every significant word of `part` appears in `whole`. */
export function containment(part: Set<string>, whole: Set<string>): number {
  if (part.size === 0) return 0;
  let shared = 0;
  for (const word of part) if (whole.has(word)) shared++;
  return shared / part.size;
}

/** How often the paper spells each word: evidence for mending words that conversion split. */
export type Vocabulary = Map<string, number>;

export function vocabularyOf(lines: readonly SourceLine[]): Vocabulary {
  const words: Vocabulary = new Map();
  for (const line of lines)
    for (const word of line.text.toLowerCase().match(/[a-z]+/g) ?? [])
      if (word.length >= 2) words.set(word, (words.get(word) ?? 0) + 1);
  return words;
}

/** A word the paper uses a few times is a word, not a fragment of one. */
const common = (vocabulary: Vocabulary, word: string) => (vocabulary.get(word.toLowerCase()) ?? 0) >= 3;

/**
 * Joins the pieces of a line that conversion cut apart ("Direct" + "ions to NHS Lothia" + "n on
 * Primary Care"): where the word across a cut is a word the paper uses elsewhere — also when a
 * letter was doubled or lost at the cut — the pieces are one word; otherwise a space.
 */
export function joinPieces(pieces: readonly string[], vocabulary: Vocabulary): string {
  let text = '';
  for (const raw of pieces) {
    const piece = raw.trim();
    if (piece === '') continue;
    if (text === '') {
      text = piece;
      continue;
    }
    const left = /([A-Za-z]+)$/.exec(text)?.[1] ?? '';
    const right = /^([A-Za-z]+)/.exec(piece)?.[1] ?? '';
    const mended = left && right ? mendWord(left, right, vocabulary) : undefined;
    text =
      mended !== undefined
        ? `${text.slice(0, -left.length)}${mended}${piece.slice(right.length)}`
        : `${text} ${piece}`;
  }
  return text;
}

function mendWord(left: string, right: string, vocabulary: Vocabulary): string | undefined {
  const count = (word: string) => vocabulary.get(word.toLowerCase()) ?? 0;
  // The whole word must be commoner in the paper than either piece: "Lothia" + "n" → "Lothian",
  // but "care" + "home" stay two words.
  const better = (word: string) => count(word) > Math.max(count(left), count(right));
  if (better(`${left}${right}`)) return `${left}${right}`;
  if (left.at(-1)?.toLowerCase() === right[0]?.toLowerCase() && better(`${left}${right.slice(1)}`))
    return `${left}${right.slice(1)}`;
  const lower = `${left}${right}`.toLowerCase();
  for (const word of vocabulary.keys()) {
    if (
      word.length === lower.length + 1 &&
      word.startsWith(left.toLowerCase()) &&
      word.endsWith(right.toLowerCase()) &&
      better(word)
    )
      return `${left}${word.slice(left.length, left.length + 1)}${right}`;
  }
  return undefined;
}

/** Mends words split inside one piece of text ("Improveme nt Plan", "Recommendatio ns"). */
export function mendSplitWords(text: string, vocabulary: Vocabulary): string {
  return text.replace(/\b([A-Za-z]{3,}) ([a-z]{1,4})\b/g, (whole, left: string, right: string) => {
    if (common(vocabulary, left) || common(vocabulary, right)) return whole;
    return common(vocabulary, `${left}${right}`) ? `${left}${right}` : whole;
  });
}

/** Words that do end in "of": not run together with the next. */
const ENDS_IN_OF = new Set([
  'thereof',
  'hereof',
  'whereof',
  'roof',
  'proof',
  'aloof',
  'hoof',
  'woof',
  'spoof',
  'reproof',
]);

/**
 * Mends what conversion ran together or split around a hyphen or a number: "Endof-year" →
 * "End-of-year", "the 3 rd Sector" → "the 3rd Sector". Returns the text and each repair made.
 */
export function mendRunTogether(
  text: string,
  vocabulary: Vocabulary,
): { text: string; repairs: { from: string; to: string }[] } {
  const repairs: { from: string; to: string }[] = [];
  const mended = text
    .replace(/\b(\d{1,3}) (st|nd|rd|th)\b/g, (whole, number: string, suffix: string) => {
      const to = `${number}${suffix}`;
      repairs.push({ from: whole, to });
      return to;
    })
    .replace(/\b([A-Za-z]{3,})of-([a-z]{2,})\b/g, (whole, left: string, right: string) => {
      if (ENDS_IN_OF.has(`${left}of`.toLowerCase()) || !common(vocabulary, left)) return whole;
      const to = `${left}-of-${right}`;
      repairs.push({ from: whole, to });
      return to;
    });
  return { text: mended, repairs };
}
