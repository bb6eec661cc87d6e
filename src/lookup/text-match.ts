/** Small text tools for forgiving lookups: words, light stemming, bounded edit distance. */

const STOPWORDS = new Set(
  'a an and are as at be by for from has have in into is it its of on or our that the their this to was were will with all any must should'.split(
    ' ',
  ),
);

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1 && !STOPWORDS.has(word));
}

/** Folds plural and verb endings so "carers" finds "carer" and "sharing" finds "share". */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const suffix of ['ing', 'ies', 'es', 'ed', 'ly', 's']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) {
      const root = word.slice(0, -suffix.length);
      return suffix === 'ies' ? `${root}y` : root;
    }
  }
  return word;
}

/**
 * Edit distance counting a swap of two neighbouring letters as one edit ("frialty" →
 * "frailty"), giving up (returning max + 1) once it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      }
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

/** How well one query word matches one document word: 1 exact, less for prefixes and typos, 0 none. */
export function wordMatch(query: string, candidate: string): number {
  if (query === candidate) return 1;
  if (query.length >= 3 && candidate.startsWith(query)) return 0.8;
  const allowed = query.length >= 8 ? 2 : query.length >= 4 ? 1 : 0;
  if (allowed === 0) return 0;
  const distance = editDistance(query, candidate, allowed);
  return distance <= allowed ? 0.7 - 0.15 * (distance - 1) : 0;
}
