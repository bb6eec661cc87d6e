import type { Deadline } from '../../domain/deadline';
import { normalisePlanYear } from '../../domain/plan-year';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH =
  '(January|February|March|April|May|June|July|August|Sept?|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Oct|Nov|Dec)';

export function monthOf(word: string): number | undefined {
  const lower = word.toLowerCase();
  const index = MONTHS.findIndex((name) => name.startsWith(lower.slice(0, 3)) && name.startsWith(lower));
  return index === -1 ? undefined : index + 1;
}

export interface FoundDeadline {
  deadline: Deadline;
  /** Where in the text it was found. */
  index: number;
  /** Set when the words needed repair ("September. 2019"): what was there. */
  repairedFrom?: string;
}

const RUN =
  /\b(?:in|during|over)\s+((?:\d{4}[-/]\d{2}(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+to\s+))*\d{4}[-/]\d{2})\b/gi;
const DAY = new RegExp(
  `\\b(?:by|before|no later than)\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(\\.?)\\s*,?\\s+(\\d{4})\\b`,
  'gi',
);
const MONTH_YEAR = new RegExp(
  `\\b(?:by|before|no later than|until)\\s+(?:the\\s+)?(?:end\\s+of\\s+|end-)?${MONTH}(\\.?)\\s*,?\\s+(\\d{4})\\b`,
  'gi',
);
const YEAR_ONLY = /\b(?:by|before)\s+(?:the\s+end\s+of\s+)?(20\d{2})\b(?![-/]\d)/gi;

/**
 * The deadlines a sentence sets, as written: "by January 2024", "by 31 March 2024", "in
 * 2023-24, 2024-25, and 2025-26". A plan's own name ("Workforce Plan 2022-25") is not a
 * deadline: only dates introduced by "by", "before", "in", "during" are.
 */
export function findDeadlines(text: string): { found: FoundDeadline[]; yearsOnly: string[] } {
  const found: FoundDeadline[] = [];
  const taken: [number, number][] = [];
  const free = (start: number, end: number) => taken.every(([s, e]) => end <= s || start >= e);
  for (const match of text.matchAll(DAY)) {
    const [whole, day, month, stray, year] = match;
    const monthNumber = monthOf(month ?? '');
    if (!monthNumber || !day || !year) continue;
    const date = `${year}-${String(monthNumber).padStart(2, '0')}-${day.padStart(2, '0')}`;
    if (Number.isNaN(new Date(`${date}T00:00:00Z`).getTime())) continue;
    const asWritten = whole.replace(/\s+/g, ' ').replace(/\.(?=\s*,?\s*\d{4}$)/, '');
    found.push({
      deadline: { kind: 'day', date, asWritten },
      index: match.index,
      ...(stray ? { repairedFrom: whole } : {}),
    });
    taken.push([match.index, match.index + whole.length]);
  }
  for (const match of text.matchAll(MONTH_YEAR)) {
    const [whole, month, stray, year] = match;
    const monthNumber = monthOf(month ?? '');
    if (!monthNumber || !year || !free(match.index, match.index + whole.length)) continue;
    const asWritten = stray ? whole.replace(/\.\s*/, ' ').replace(/\s+/g, ' ') : whole.replace(/\s+/g, ' ');
    found.push({
      deadline: { kind: 'month', year: Number(year), month: monthNumber, asWritten },
      index: match.index,
      ...(stray ? { repairedFrom: whole } : {}),
    });
    taken.push([match.index, match.index + whole.length]);
  }
  for (const match of text.matchAll(RUN)) {
    const years = [...(match[1] ?? '').matchAll(/\d{4}[-/]\d{2}/g)].map((year) => normalisePlanYear(year[0]));
    if (years.length === 0 || years.some((year) => year === undefined)) continue;
    found.push({
      deadline: { kind: 'years', planYears: years as string[], asWritten: match[0].replace(/\s+/g, ' ') },
      index: match.index,
    });
    taken.push([match.index, match.index + match[0].length]);
  }
  const yearsOnly = [...text.matchAll(YEAR_ONLY)]
    .filter((match) => free(match.index, match.index + match[0].length))
    .map((match) => match[0]);
  found.sort((a, b) => a.index - b.index);
  return { found: dedupe(found), yearsOnly };
}

/** Month-year mentions in a timeframe cell ("Apr 2021 April 2020", "Establish a baseline by end of August 2019"). */
export function findTimeframeDates(text: string): Deadline[] {
  const pattern = new RegExp(`(?:\\bend\\s+of\\s+)?\\b${MONTH}\\.?\\s*,?\\s+(\\d{4})\\b`, 'gi');
  const deadlines: Deadline[] = [];
  for (const match of text.matchAll(pattern)) {
    const month = monthOf(match[1] ?? '');
    if (!month || !match[2]) continue;
    deadlines.push({
      kind: 'month',
      year: Number(match[2]),
      month,
      asWritten: match[0].replace(/\s+/g, ' '),
    });
  }
  return dedupe(deadlines.map((deadline, index) => ({ deadline, index }))).map((found) => found.deadline);
}

function dedupe<T extends { deadline: Deadline }>(found: T[]): T[] {
  const seen = new Set<string>();
  return found.filter(({ deadline }) => {
    const { asWritten: _ignored, ...meaning } = deadline;
    const key = JSON.stringify(meaning);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
