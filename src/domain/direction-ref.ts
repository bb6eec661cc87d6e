import { compareRefs, DirectionRefSchema, refKey } from './direction';

/**
 * Refs looked up loosely, as people type them: "07" or "7" for GCIJB-2025-07, "gcijb 2025-26
 * 07", "12/2025" or "direction 12" for 12/2025. Pure, so any command parser can call it.
 */

/** The parts of a ref or a query: letters and numbers, numbers without leading zeros. */
function partsOf(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]+|\d+/g) ?? []).map((part) =>
    /^\d+$/.test(part) ? String(Number(part)) : part,
  );
}

const FILLER = new Set(['direction', 'directions', 'ref', 'no', 'number', 'reference']);

/** A ref as a form wrote it, label words and all ("Direction 12/2025", "Ref no. GCIJB-2025-07."), or undefined. */
export function readWrittenRef(raw: string): string | undefined {
  const text = raw
    .trim()
    .replace(/^(?:direction\s+)?(?:ref(?:erence)?\.?\s*(?:number|no\.?)?|no\.|number)?\s*[:#]?\s*/i, '')
    .replace(/^direction\s+/i, '')
    .replace(/[.,;:)]+$/, '')
    .trim();
  const parsed = DirectionRefSchema.safeParse(text);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The known refs a typed ref may mean: the exact one when it exists; else those whose last
 * part is the query's last part and that hold its other parts. A plan year typed among them
 * ("2025-26") may match the ref's year. Dotted refs (5.7) are numbered within a heading, so a
 * bare "7" does not mean 5.7.
 */
export function matchDirectionRefs(query: string, known: readonly string[]): string[] {
  const exact = known.find((ref) => refKey(ref) === refKey(query));
  if (exact) return [exact];
  const words = query
    .trim()
    .split(/\s+/)
    .filter((word) => !FILLER.has(word.toLowerCase()));
  const years = words
    .filter((word) => /^\d{4}[-/]\d{2}$/.test(word))
    .map((word) => String(Number(word.slice(0, 4))));
  const wanted = partsOf(words.filter((word) => !/^\d{4}[-/]\d{2}$/.test(word)).join(' '));
  const last = wanted.at(-1);
  if (!last) return [];
  return known
    .filter((ref) => {
      const all = partsOf(ref);
      // "12/2025": the direction's number is the part before its year.
      const parts =
        all.length > 1 && /^\d{4}$/.test(all.at(-1) ?? '') && last !== all.at(-1) ? all.slice(0, -1) : all;
      if (parts.at(-1) !== last) return false;
      const rest = [...parts.slice(0, -1), ...all.slice(parts.length)];
      if (wanted.length === 1 && /^[\d.]+[a-z]?$/i.test(ref.trim())) return false;
      if (!wanted.slice(0, -1).every((part) => rest.includes(part))) return false;
      return years.every((year) => !rest.some((part) => /^\d{4}$/.test(part)) || rest.includes(year));
    })
    .sort(compareRefs);
}

const PLAN_YEAR_WORD = /^(?:\d{4}|\d{2})[-/]\d{2}$/;

/**
 * Reads a ref as officers type it: any case, a leading "#" or "D." left in, a trailing
 * comma or colon from the sentence. Answers the ref as typed (bar that punctuation), or
 * undefined when the word is not a ref (refs always carry a digit: 5.1, D15c).
 */
export function readDirectionRef(word: string): string | undefined {
  const cleaned = word.replace(/^[#(]+/, '').replace(/[,:;.)!?]+$/, '');
  if (!/\d/.test(cleaned)) return undefined;
  // "2023-24", "23/24": a plan year, though a statutory form's ref may look alike in shape.
  if (PLAN_YEAR_WORD.test(cleaned)) return undefined;
  const parsed = DirectionRefSchema.safeParse(cleaned);
  return parsed.success ? parsed.data : undefined;
}
