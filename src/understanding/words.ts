/** Small word tools for the parser, kept here so understanding depends on nothing but the domain. */

/** The word of `words` that `token` is, or is one typo away from (5+ letters; 4 letters only swapped). */
export function closeWord(token: string, words: readonly string[]): string | undefined {
  if (words.includes(token)) return token;
  if (token.length < 4) return undefined;
  // Four letters allow only two swapped ("lsit"): one changed letter makes another word ("last").
  if (token.length === 4) return words.find((word) => word.length === 4 && swapped(token, word));
  return words.find(
    (word) =>
      word.length >= 5 &&
      Math.abs(word.length - token.length) <= 1 &&
      // One typo leaves the first or the second letter where it was.
      (word[0] === token[0] || word[1] === token[1]) &&
      oneEdit(token, word),
  );
}

function swapped(a: string, b: string): boolean {
  const at = [...a].findIndex((letter, i) => letter !== b[i]);
  return at >= 0 && a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2);
}

/** One letter changed, added, dropped, or two neighbours swapped; without allocating, as it runs per word typed. */
function oneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
