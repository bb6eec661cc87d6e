import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import * as z from 'zod';

/**
 * A calendar day with no time and no zone, as 'YYYY-MM-DD'. Deadlines and working days
 * are days, not instants: keeping them as plain strings means a clock change can never
 * move one. Instants become days only through {@link londonDay}.
 */
export type LocalDate = string;

export const LONDON = 'Europe/London';

export const LocalDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2025-01-31')
  // zod runs the refinement even when the pattern failed: an unparseable text must not throw.
  .refine((value) => {
    const date = toUtc(value);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'Not a real calendar date');

let lastMinute = Number.NaN;
let lastDay = '';

/**
 * The day it is in Scotland at this instant (Europe/London, whatever the clocks are doing).
 * Every request asks, so the answer is kept for the minute: London's day only changes on
 * a minute boundary.
 */
export function londonDay(instant: Date): LocalDate {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastDay = format(new TZDate(instant, LONDON), 'yyyy-MM-dd');
    lastMinute = minute;
  }
  return lastDay;
}

export function toUtc(day: LocalDate): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function fromUtc(date: Date): LocalDate {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: LocalDate, days: number): LocalDate {
  const date = toUtc(day);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtc(date);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(day: LocalDate): number {
  return toUtc(day).getUTCDay();
}

export function lastDayOfMonth(year: number, month: number): LocalDate {
  return fromUtc(new Date(Date.UTC(year, month, 0)));
}

export function firstDayOfMonth(year: number, month: number): LocalDate {
  return fromUtc(new Date(Date.UTC(year, month - 1, 1)));
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Fri 31 Jan 2025" — built by hand so it reads the same on every Node and ICU version. */
export function formatDay(day: LocalDate): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${WEEKDAYS[dayOfWeek(day)]} ${date} ${MONTH_NAMES[month - 1]?.slice(0, 3)} ${year}`;
}

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
