import { createHash } from 'node:crypto';
import { compareRefs, type DirectionStatus } from '../domain/direction';
import { searchDirections } from '../lookup/search';
import type { DirectionView } from '../lookup/views';
import { ApiProblem } from './problem';
import { type ListQuery, StatusListSchema } from './schemas';

/** The filters of a directions list, checked; `q` ranks by relevance, otherwise ref order. */
export function filterDirections(views: DirectionView[], query: ListQuery): DirectionView[] {
  const statuses = parseStatuses(query.status);
  const themeWords = query.theme?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
  let kept = views.filter(({ direction: d, deadlines }) => {
    if (statuses && !statuses.includes(d.status)) return false;
    if (query.recipient && !d.issuedTo.includes(query.recipient)) return false;
    if (query.lead && !d.leads.includes(query.lead)) return false;
    if (themeWords.some((word) => !d.theme.name.toLowerCase().includes(word))) return false;
    if (query.dueBefore || query.dueAfter) {
      const due = deadlines.flatMap((deadline) => (deadline.dueDate ? [deadline.dueDate] : []));
      const inRange = due.some(
        (day) => (!query.dueBefore || day <= query.dueBefore) && (!query.dueAfter || day >= query.dueAfter),
      );
      if (!inRange) return false;
    }
    return true;
  });
  if (query.q?.trim()) {
    const byRef = new Map(kept.map((view) => [view.direction.ref, view]));
    kept = searchDirections(
      kept.map((view) => view.direction),
      query.q,
      kept.length,
    ).flatMap((hit) => byRef.get(hit.direction.ref) ?? []);
  } else {
    kept.sort((a, b) => compareRefs(a.direction.ref, b.direction.ref));
  }
  return kept;
}

function parseStatuses(text: string | undefined): DirectionStatus[] | undefined {
  if (!text) return undefined;
  const parsed = StatusListSchema.safeParse(text.split(',').map((word) => word.trim()));
  if (!parsed.success) {
    throw new ApiProblem(
      400,
      `status must be one or more of ${StatusListSchema.element.options.join(', ')}, comma-separated`,
    );
  }
  return parsed.data;
}

/**
 * Cursors are opaque: the position after which the next page starts, bound to the filters
 * it was made for, so a cursor from another query is refused rather than misread.
 */
export function pageOf<T>(items: T[], query: ListQuery) {
  const filters = filtersHash(query);
  let start = 0;
  if (query.cursor) {
    const decoded = decodeCursor(query.cursor);
    if (!decoded || decoded.f !== filters) {
      throw new ApiProblem(
        400,
        'cursor is not one this list gave out (or the filters changed): start again without it',
      );
    }
    start = decoded.o;
  }
  const page = items.slice(start, start + query.limit);
  const end = start + page.length;
  return {
    page,
    ...(end < items.length
      ? { next: Buffer.from(JSON.stringify({ o: end, f: filters })).toString('base64url') }
      : {}),
  };
}

function filtersHash(query: ListQuery): string {
  const { cursor: _cursor, limit: _limit, ...filters } = query;
  const sorted = Object.entries(filters)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('base64url').slice(0, 12);
}

function decodeCursor(cursor: string): { o: number; f: string } | undefined {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      o?: unknown;
      f?: unknown;
    };
    return Number.isInteger(value.o) && (value.o as number) >= 0 && typeof value.f === 'string'
      ? { o: value.o as number, f: value.f }
      : undefined;
  } catch {
    return undefined;
  }
}
