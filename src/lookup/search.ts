import type { Direction } from '../domain/direction';
import { stem, wordMatch, words } from './text-match';

export interface SearchHit {
  direction: Direction;
  score: number;
  matchedWords: number;
}

const FIELD_WEIGHTS = { theme: 1.5, title: 1.5, text: 1 } as const;

/**
 * Ranks directions by how well they match the query: every query word is matched against
 * the direction's words (exact, prefix, or within a typo or two), weighted by how rare the
 * word is across the set, so "carers" beats "services". Directions matching more of the
 * query's words always rank above those matching fewer.
 */
export function searchDirections(directions: readonly Direction[], query: string, limit = 10): SearchHit[] {
  const queryWords = [...new Set(words(query).map(stem))];
  if (queryWords.length === 0) return [];

  const documents = directions.map((direction) => ({
    direction,
    fields: {
      theme: new Set(words(`${direction.theme.name} ${direction.theme.outcome ?? ''}`).map(stem)),
      title: new Set(words(direction.title ?? '').map(stem)),
      text: new Set(words(direction.text).map(stem)),
    },
  }));
  const vocabulary = documents.map(
    (doc) => new Set([...doc.fields.theme, ...doc.fields.title, ...doc.fields.text]),
  );

  // A word found as written (or as a prefix) is matched only that way; typo matching is for
  // words the set does not contain, so "carers" finds carers, not everything about "care".
  const rarity = new Map<string, number>();
  const exactOnly = new Set<string>();
  for (const word of queryWords) {
    const matches = (vocab: Set<string>, floor: number) =>
      [...vocab].some((c) => wordMatch(word, c) >= floor);
    if (vocabulary.some((vocab) => matches(vocab, 0.8))) exactOnly.add(word);
    const floor = exactOnly.has(word) ? 0.8 : Number.MIN_VALUE;
    const containing = vocabulary.filter((vocab) => matches(vocab, floor)).length;
    rarity.set(word, Math.log(1 + directions.length / Math.max(1, containing)));
  }

  const hits: SearchHit[] = [];
  for (const doc of documents) {
    let score = 0;
    let matchedWords = 0;
    for (const word of queryWords) {
      let best = 0;
      for (const [field, vocab] of Object.entries(doc.fields) as [
        keyof typeof FIELD_WEIGHTS,
        Set<string>,
      ][]) {
        for (const candidate of vocab) {
          const match = wordMatch(word, candidate);
          if (match > 0 && (match >= 0.8 || !exactOnly.has(word)))
            best = Math.max(best, match * FIELD_WEIGHTS[field]);
        }
      }
      if (best > 0) {
        matchedWords++;
        score += best * (rarity.get(word) ?? 1);
      }
    }
    if (matchedWords > 0) hits.push({ direction: doc.direction, score, matchedWords });
  }
  hits.sort((a, b) => b.matchedWords - a.matchedWords || b.score - a.score);
  // Keep the hits that match as many words as the best does, or come close to its score.
  const best = hits[0];
  return hits
    .filter((hit) => best && (hit.matchedWords === best.matchedWords || hit.score >= best.score * 0.5))
    .slice(0, limit);
}

/**
 * How sure a search is: "clear" when one direction matches every word and stands well above
 * the next; "weak" when several come close (offered as "Did you mean …"); "none".
 */
export function searchConfidence(hits: readonly SearchHit[], query: string): 'clear' | 'weak' | 'none' {
  const [best, next] = hits;
  if (!best) return 'none';
  const wanted = new Set(words(query).map(stem)).size;
  if (best.matchedWords < wanted) return 'weak';
  if (!next || next.matchedWords < best.matchedWords || best.score >= next.score * 1.5) return 'clear';
  return 'weak';
}
