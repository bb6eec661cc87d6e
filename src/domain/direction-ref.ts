import { DirectionRefSchema } from './direction';

/**
 * Reads a ref as officers type it: any case, a leading "#" or "D." left in, a trailing
 * comma or colon from the sentence. Answers the ref as typed (bar that punctuation), or
 * undefined when the word is not a ref (refs always carry a digit: 5.1, D15c).
 */
export function readDirectionRef(word: string): string | undefined {
  const cleaned = word.replace(/^[#(]+/, '').replace(/[,:;.)!?]+$/, '');
  if (!/\d/.test(cleaned)) return undefined;
  const parsed = DirectionRefSchema.safeParse(cleaned);
  return parsed.success ? parsed.data : undefined;
}
