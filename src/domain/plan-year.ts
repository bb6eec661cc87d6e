import * as z from 'zod';
import type { LocalDate } from './local-date';

/** A financial year, 1 April to 31 March, written as Scottish public bodies write it: "2023-24". */
export type PlanYear = string;

export const PlanYearSchema = z
  .string()
  .regex(/^\d{4}-\d{2}$/, 'Write the plan year like 2023-24')
  .refine(
    (value) => (Number(value.slice(0, 4)) + 1) % 100 === Number(value.slice(5)),
    'The two years must follow each other, like 2023-24',
  );

/** Accepts "2023-24", "2023/24", "2023-2024", "2023/2024"; answers "2023-24" or undefined. */
export function normalisePlanYear(text: string): PlanYear | undefined {
  const match = /^(\d{4})\s*[-/–]\s*(\d{2}|\d{4})$/.exec(text.trim());
  if (!match?.[1] || !match[2]) return undefined;
  const start = Number(match[1]);
  const end = Number(match[2]);
  const endShort = end % 100;
  if ((start + 1) % 100 !== endShort || (match[2].length === 4 && end !== start + 1)) return undefined;
  return `${start}-${String(endShort).padStart(2, '0')}`;
}

export function planYearStart(year: PlanYear): LocalDate {
  return `${year.slice(0, 4)}-04-01`;
}

export function planYearEnd(year: PlanYear): LocalDate {
  return `${Number(year.slice(0, 4)) + 1}-03-31`;
}

export function planYearOf(day: LocalDate): PlanYear {
  const year = Number(day.slice(0, 4));
  const start = day.slice(5) >= '04-01' ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}
