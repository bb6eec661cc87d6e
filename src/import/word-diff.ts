/**
 * Two texts word by word, the words that changed marked: [-removed-] {+added+}. Long texts
 * (beyond what a revision of a direction is) are shown whole, before and after.
 */
export function markChangedWords(before: string, after: string, limit = 600): string {
  const a = before.split(/\s+/).filter(Boolean);
  const b = after.split(/\s+/).filter(Boolean);
  if (a.length * b.length > limit * limit) return `[-${before}-] {+${after}+}`;
  // Longest common subsequence of words, then a walk that marks what is not in it.
  const table = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      (table[i] as Uint16Array)[j] =
        a[i] === b[j]
          ? ((table[i + 1] as Uint16Array)[j + 1] as number) + 1
          : Math.max((table[i + 1] as Uint16Array)[j] as number, (table[i] as Uint16Array)[j + 1] as number);
  const out: string[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    if (removed.length > 0) out.push(`[-${removed.join(' ')}-]`);
    if (added.length > 0) out.push(`{+${added.join(' ')}+}`);
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      out.push(a[i] as string);
      i++;
      j++;
    } else if (
      j >= b.length ||
      (i < a.length &&
        ((table[i + 1] as Uint16Array)[j] as number) >= ((table[i] as Uint16Array)[j + 1] as number))
    ) {
      removed.push(a[i] as string);
      i++;
    } else {
      added.push(b[j] as string);
      j++;
    }
  }
  flush();
  return out.join(' ');
}
