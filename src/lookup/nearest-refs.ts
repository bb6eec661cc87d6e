import { compareRefs, refKey } from '../domain/direction';
import { editDistance } from './text-match';

/**
 * The refs someone most likely meant: siblings under the same heading when there are any
 * (5.3 → 5.1, 5.2), else refs within a typo of it (D15d → D15c, 51 → 5.1).
 */
export function nearestRefs(wanted: string, known: readonly string[], limit = 3): string[] {
  const target = refKey(wanted);
  const parent = target.includes('.') ? target.slice(0, target.lastIndexOf('.') + 1) : undefined;
  const siblings = parent ? known.filter((ref) => refKey(ref).startsWith(parent)) : [];
  const pool = siblings.length > 0 ? siblings : known;
  const allowed = siblings.length > 0 ? Number.POSITIVE_INFINITY : target.length >= 4 ? 2 : 1;
  return pool
    .map((ref) => ({ ref, distance: editDistance(target, refKey(ref), 8) }))
    .filter((candidate) => candidate.distance <= allowed)
    .sort((a, b) => a.distance - b.distance || compareRefs(a.ref, b.ref))
    .slice(0, limit)
    .map((candidate) => candidate.ref)
    .sort(compareRefs);
}
