import { MONTH_NAMES } from '../domain/local-date';
import type { TimeWindow } from './intent';

export const MAX_DAYS = 800;

export function monthNumber(word: string): number | undefined {
  if (word.length < 3 || !/^[a-z]+$/.test(word)) return undefined;
  const index = MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(word));
  return index === -1 ? undefined : index + 1;
}

const SPAN = /^(\d{1,4})(d|days?|w|wks?|weeks?|m|months?)?$/;
const LEADS = new Set(['in', 'within', 'next', 'the', 'over', 'coming']);

/**
 * A time phrase starting at `tokens[at]` (lower case): "this week", "next month", "in january",
 * "by march", "before 31 march", "in 60 days", "2 weeks", "jan 2025". `length` is how many
 * tokens it took; `problem` says why a phrase that looks like one cannot be read.
 */
export function timeAt(
  tokens: readonly string[],
  at: number,
): { window: TimeWindow; length: number } | { problem: string; length: number } | undefined {
  const word = tokens[at] ?? '';
  const next = tokens[at + 1] ?? '';
  if ((word === 'this' || word === 'next') && /^(week|wk|month)$/.test(next)) {
    const offset = word === 'this' ? 0 : 1;
    return next === 'month'
      ? { window: { kind: 'month-offset', offset }, length: 2 }
      : { window: { kind: 'week', offset }, length: 2 };
  }
  if (word === 'today') return { window: { kind: 'days', days: 0 }, length: 1 };
  if (word === 'tomorrow') return { window: { kind: 'days', days: 1 }, length: 1 };
  if (word === 'by' || word === 'before' || word === 'until' || word === 'till') {
    const date = dateAt(tokens, at + 1);
    return date ? { window: { kind: 'by', ...date.date }, length: date.length + 1 } : undefined;
  }
  let skip = 0;
  while (LEADS.has(tokens[at + skip] ?? '') && skip < 2) skip++;
  const span = spanAt(tokens, at + skip);
  if (span) return { ...span, length: span.length + skip };
  const month = monthAt(tokens, at + skip);
  if (month && (skip > 0 || month.strong)) return { window: month.window, length: month.length + skip };
  return undefined;
}

function spanAt(
  tokens: readonly string[],
  at: number,
): { window: TimeWindow; length: number } | { problem: string; length: number } | undefined {
  const joined = `${tokens[at] ?? ''}${unitWord(tokens[at + 1]) ? (tokens[at + 1] ?? '') : ''}`;
  const match = SPAN.exec(joined);
  if (!match?.[1]) return undefined;
  // A bare number is a ref (5, 12), not a span: only "60 days", "2 weeks", "60d" are spans.
  if (!match[2]) return undefined;
  const length = unitWord(tokens[at + 1]) ? 2 : 1;
  const unit = match[2][0];
  const days = Number(match[1]) * (unit === 'w' ? 7 : unit === 'm' ? 30 : 1);
  if (days < 1 || days > MAX_DAYS) return { problem: `Pick between 1 and ${MAX_DAYS} days.`, length };
  return { window: { kind: 'days', days }, length };
}

function unitWord(token: string | undefined): boolean {
  return token !== undefined && /^(d|days?|w|wks?|weeks?|months?)$/.test(token);
}

function monthAt(
  tokens: readonly string[],
  at: number,
): { window: TimeWindow; length: number; strong: boolean } | undefined {
  const month = monthNumber(tokens[at] ?? '');
  if (!month) return undefined;
  const year = /^(20\d{2})$/.exec(tokens[at + 1] ?? '')?.[1];
  // "may" and "march" are also words: alone they count as a month only after "in", "due"…
  const strong = (tokens[at] ?? '').length >= 3 && !['may', 'march', 'mar'].includes(tokens[at] ?? '');
  return year
    ? { window: { kind: 'month', month, year: Number(year) }, length: 2, strong: true }
    : { window: { kind: 'month', month }, length: 1, strong };
}

/** "march", "31 march", "march 31", "31 march 2024", "31/03/2024", "31/3". */
function dateAt(
  tokens: readonly string[],
  at: number,
): { date: { month: number; day?: number; year?: number }; length: number } | undefined {
  const first = (tokens[at] ?? '').replace(/(st|nd|rd|th)$/, '');
  const slashed = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(first);
  if (slashed?.[1] && slashed[2]) {
    const month = Number(slashed[2]);
    if (month < 1 || month > 12) return undefined;
    const year = slashed[3] ? Number(slashed[3].length === 2 ? `20${slashed[3]}` : slashed[3]) : undefined;
    return { date: { month, day: Number(slashed[1]), ...(year ? { year } : {}) }, length: 1 };
  }
  let day: number | undefined;
  let length = 0;
  if (/^\d{1,2}$/.test(first)) {
    day = Number(first);
    length = 1;
  }
  const month = monthNumber(tokens[at + length] ?? '');
  if (!month) return undefined;
  length++;
  if (day === undefined) {
    const after = (tokens[at + length] ?? '').replace(/(st|nd|rd|th)$/, '');
    if (/^\d{1,2}$/.test(after)) {
      day = Number(after);
      length++;
    }
  }
  const year = /^(20\d{2})$/.exec(tokens[at + length] ?? '')?.[1];
  if (year) length++;
  if (day !== undefined && (day < 1 || day > 31)) return undefined;
  return {
    date: { month, ...(day !== undefined ? { day } : {}), ...(year ? { year: Number(year) } : {}) },
    length,
  };
}

/** How the reply names a window: "due next week", "due by 31 March". */
export function describeWindow(window: TimeWindow): string {
  switch (window.kind) {
    case 'days':
      return window.days === 0
        ? 'today'
        : window.days === 1
          ? 'by tomorrow'
          : `in the next ${window.days} days`;
    case 'week':
      return window.offset === 0 ? 'this week' : 'next week';
    case 'month-offset':
      return window.offset === 0 ? 'this month' : 'next month';
    case 'month':
      return `in ${MONTH_NAMES[window.month - 1]}${window.year ? ` ${window.year}` : ''}`;
    case 'by':
      return `by ${window.day ? `${window.day} ` : ''}${MONTH_NAMES[window.month - 1]}${window.year ? ` ${window.year}` : ''}`;
  }
}
