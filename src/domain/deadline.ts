import * as z from 'zod';
import type { WorkingCalendar } from './calendar';
import { firstDayOfMonth, formatDay, type LocalDate, LocalDateSchema, lastDayOfMonth } from './local-date';
import { type PlanYear, PlanYearSchema, planYearEnd } from './plan-year';

/**
 * A deadline as the paper wrote it. Papers mostly give a month ("by January 2025"), some a
 * day, some a run of financial years ("in 2023-24, 2024-25, and 2025-26"); many give none,
 * which is an empty list on the direction, never an invented date.
 */
export const DeadlineSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('month'),
    year: z.number().int().min(2000).max(2100),
    month: z.number().int().min(1).max(12),
    asWritten: z.string().min(1),
  }),
  z.object({ kind: z.literal('day'), date: LocalDateSchema, asWritten: z.string().min(1) }),
  z.object({
    kind: z.literal('years'),
    planYears: z.array(PlanYearSchema).min(1),
    asWritten: z.string().min(1),
  }),
]);
export type Deadline = z.infer<typeof DeadlineSchema>;

/**
 * What "by January 2025" means as a date. The product brief: the end of that month,
 * unless the IJB's setting says otherwise.
 */
export const MonthDeadlineRuleSchema = z.enum(['end-of-month', 'last-working-day', 'start-of-month']);
export type MonthDeadlineRule = z.infer<typeof MonthDeadlineRuleSchema>;

/** The day a deadline falls due, or undefined for a run of years (an obligation each year, not a due day). */
export function dueDateOf(
  deadline: Deadline,
  rule: MonthDeadlineRule,
  calendar: WorkingCalendar,
): LocalDate | undefined {
  switch (deadline.kind) {
    case 'day':
      return deadline.date;
    case 'years':
      return undefined;
    case 'month': {
      if (rule === 'start-of-month') return firstDayOfMonth(deadline.year, deadline.month);
      const last = lastDayOfMonth(deadline.year, deadline.month);
      return rule === 'last-working-day' ? calendar.onOrBefore(last) : last;
    }
  }
}

/** The last day a run of plan years covers: 31 March of the final year. */
export function spanEnd(deadline: Extract<Deadline, { kind: 'years' }>): LocalDate {
  const last = [...deadline.planYears].sort().at(-1) as PlanYear;
  return planYearEnd(last);
}

export type Standing =
  | { kind: 'due'; workingDaysLeft: number }
  | { kind: 'due-today' }
  | { kind: 'overdue'; workingDaysOver: number };

/** How a due day stands today, in working days (Scotland's). */
export function standingOf(dueDate: LocalDate, today: LocalDate, calendar: WorkingCalendar): Standing {
  if (dueDate === today) return { kind: 'due-today' };
  const between = calendar.workingDaysBetween(today, dueDate);
  return dueDate > today
    ? { kind: 'due', workingDaysLeft: between }
    : { kind: 'overdue', workingDaysOver: -between };
}

export function describeStanding(standing: Standing): string {
  switch (standing.kind) {
    case 'due-today':
      return 'due today';
    case 'due':
      return `${plural(standing.workingDaysLeft, 'working day')} left`;
    case 'overdue':
      return standing.workingDaysOver === 0
        ? 'overdue'
        : `overdue by ${plural(standing.workingDaysOver, 'working day')}`;
  }
}

/** "by January 2025 (Fri 31 Jan 2025)" — the words of the paper first, then the date they mean. */
export function describeDeadline(deadline: Deadline, dueDate: LocalDate | undefined): string {
  if (deadline.kind === 'years') return `${deadline.asWritten} (runs to ${formatDay(spanEnd(deadline))})`;
  if (!dueDate || deadline.kind === 'day') return deadline.asWritten;
  return `${deadline.asWritten} (${formatDay(dueDate)})`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
