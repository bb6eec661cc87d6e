import type { DirectionForm, Recipient, WrittenDate } from '../../domain/direction';
import { readWrittenRef } from '../../domain/direction-ref';
import { normalisePlanYear, type PlanYear } from '../../domain/plan-year';
import type { IjbProfile } from '../../register/ijb-profiles';
import { monthOf } from './deadline-phrases';
import { recipientsNamed } from './recipients';

const MONTH_WORDS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec';
const DAY_MONTH_YEAR = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_WORDS})\\.?,?\\s+(\\d{4})\\b`,
  'i',
);
const NUMERIC = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/;
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const MONTH_YEAR = new RegExp(`\\b(${MONTH_WORDS})\\.?,?\\s+(\\d{4})\\b`, 'i');

const pad = (value: number) => String(value).padStart(2, '0');

function valid(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? `${year}-${pad(month)}-${pad(day)}`
    : undefined;
}

/** A date as written ("12 March 2025", "12/03/2025", UK order), with its day when it names one. */
export function readWrittenDate(
  raw: string,
): (WrittenDate & { month?: { year: number; month: number } }) | undefined {
  const asWritten = raw.replace(/\s+/g, ' ').trim().slice(0, 200);
  if (asWritten === '') return undefined;
  const words = DAY_MONTH_YEAR.exec(asWritten);
  const month = words?.[2] ? monthOf(words[2]) : undefined;
  if (words?.[1] && words[3] && month) {
    const date = valid(Number(words[3]), month, Number(words[1]));
    if (date) return { asWritten, date };
  }
  const iso = ISO.exec(asWritten);
  if (iso) {
    const date = valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (date) return { asWritten, date };
  }
  const numeric = NUMERIC.exec(asWritten);
  if (numeric?.[3]) {
    const year = numeric[3].length === 2 ? 2000 + Number(numeric[3]) : Number(numeric[3]);
    const date = valid(year, Number(numeric[2]), Number(numeric[1]));
    if (date) return { asWritten, date };
  }
  const monthYear = MONTH_YEAR.exec(asWritten);
  const onlyMonth = monthYear?.[1] ? monthOf(monthYear[1]) : undefined;
  if (monthYear?.[2] && onlyMonth)
    return { asWritten, month: { year: Number(monthYear[2]), month: onlyMonth } };
  return { asWritten };
}

/** "Both", "NHS Greater Glasgow and Clyde", "the local authority": the partners a form names. */
export function readRecipients(value: string, ijb: IjbProfile): Recipient[] {
  if (/\bboth\b/i.test(value)) return ['health-board', 'council'];
  const named = new Set(recipientsNamed(value, ijb));
  if (/\b(?:health\s+board|nhs(?:\s+board)?)\b/i.test(value)) named.add('health-board');
  if (/\b(?:local\s+authority|council|comhairle)\b/i.test(value)) named.add('council');
  return (['health-board', 'council'] as const).filter((recipient) => named.has(recipient));
}

const ACTION: [RegExp, 'supersedes' | 'amends' | 'cancels'][] = [
  [/^(?:supersed|replac)/i, 'supersedes'],
  [/^(?:amend|vari|vary)/i, 'amends'],
  [/^(?:cancel|revok)/i, 'cancels'],
];

/** "Yes – supersedes GCIJB-2024-03 and amends Direction 12/2024 (2024-25)": each ref with what is done to it. */
export function readPrevious(value: string): {
  previous: NonNullable<DirectionForm['previous']>;
  saidYes: boolean;
} {
  const previous: NonNullable<DirectionForm['previous']> = [];
  let action: 'supersedes' | 'amends' | 'cancels' = 'supersedes';
  const tokens = value.split(/[\s,;()]+/).filter(Boolean);
  for (const token of tokens) {
    const acted = ACTION.find(([pattern]) => pattern.test(token));
    if (acted) {
      action = acted[1];
      continue;
    }
    const year = normalisePlanYear(token.replace(/[.:]$/, ''));
    if (year) {
      const last = previous.at(-1);
      if (last && !last.planYear) last.planYear = year as PlanYear;
      continue;
    }
    if (!/\d/.test(token) || /^\d{4}[.:]?$/.test(token) || /^(?:no|n\/a)$/i.test(token)) continue;
    const ref = readWrittenRef(token);
    if (ref && !previous.some((known) => known.ref === ref)) previous.push({ action, ref });
  }
  return { previous, saidYes: /^\s*yes\b/i.test(value) };
}

/** "£1,250,000", "£1.2m", "£450k": pounds, or undefined. */
export function readPounds(text: string): number | undefined {
  const match = /£\s?(\d[\d,]*(?:\.\d+)?)\s*(m\b|million\b|k\b|bn\b)?/i.exec(text);
  if (!match?.[1]) return undefined;
  const value = Number(match[1].replace(/,/g, ''));
  const unit = (match[2] ?? '').toLowerCase();
  const scale = unit.startsWith('m') ? 1e6 : unit === 'k' ? 1e3 : unit === 'bn' ? 1e9 : 1;
  return Number.isFinite(value) ? Math.round(value * scale * 100) / 100 : undefined;
}

/** The budget as written; its total; and its split between the partners where given. */
export function readBudget(value: string, ijb: IjbProfile): NonNullable<DirectionForm['budget']> {
  const parts = value
    .split(/\n|;|\.\s+(?=[A-Z])/)
    .map((part) => part.trim())
    .filter(Boolean);
  const split: NonNullable<NonNullable<DirectionForm['budget']>['split']> = [];
  let total: number | undefined;
  for (const part of parts) {
    const pounds = readPounds(part);
    if (pounds === undefined) continue;
    const recipients = readRecipients(part.replace(/\bboth\b/gi, ''), ijb);
    if (/\btotal\b/i.test(part) || recipients.length !== 1) {
      total ??= pounds;
      continue;
    }
    const to = part.split(/[:–—-]|£/)[0]?.trim() || part;
    split.push({
      to: to.slice(0, 200),
      recipient: recipients[0] as Recipient,
      asWritten: part.slice(0, 2000),
      pounds,
    });
  }
  const sum = split.reduce((all, entry) => all + (entry.pounds ?? 0), 0);
  const pounds = total ?? (split.length > 0 ? sum : undefined);
  return {
    asWritten: value.slice(0, 2000),
    ...(pounds !== undefined ? { pounds } : {}),
    ...(split.length > 0 ? { split } : {}),
  };
}

/** Functions listed one a line or a bullet, or separated by semicolons. */
export function readFunctions(value: string): string[] {
  const items = value
    .split(/\n|;/)
    .map((item) => item.replace(/^•\s*/, '').trim())
    .filter((item) => item !== '' && !/^(?:n\/a|none)$/i.test(item));
  return items.map((item) => item.slice(0, 500)).slice(0, 50);
}
