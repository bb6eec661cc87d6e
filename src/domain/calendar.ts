import { addDays, dayOfWeek, type LocalDate, toUtc } from './local-date';
import scottishBankHolidays from './scottish-bank-holidays.json' with { type: 'json' };

/**
 * Working days as Scottish public bodies keep them: Monday to Friday, less Scotland's
 * bank holidays (2 January and St Andrew's Day included, with substitute days when they
 * fall at a weekend). The days come from date-holidays ('GB', 'SCT'), which also knows
 * one-off days such as the 2023 Coronation, kept as a table (npm run holidays) so the
 * functions do not load every country's rules at each cold start.
 */
export interface WorkingCalendar {
  isWorkingDay(day: LocalDate): boolean;
  /** The holiday's name when `day` is a bank holiday. */
  holidayName(day: LocalDate): string | undefined;
  /** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
  workingDaysBetween(from: LocalDate, to: LocalDate): number;
  /** `day` itself when it is a working day, else the nearest working day before it. */
  onOrBefore(day: LocalDate): LocalDate;
  /** The working day `count` working days after `day` (before it when `count` is negative). */
  addWorkingDays(day: LocalDate, count: number): LocalDate;
}

/** Scotland's bank holidays for a run of years (src/domain/scottish-bank-holidays.json). */
export interface BankHolidayTable {
  source: string;
  firstYear: number;
  lastYear: number;
  days: Record<LocalDate, string>;
}

export class CalendarRangeError extends Error {
  override name = 'CalendarRangeError';
}

export function scottishCalendar(
  extraClosures: readonly LocalDate[] = [],
  table: BankHolidayTable = scottishBankHolidays,
): WorkingCalendar {
  const byYear = new Map<number, Map<LocalDate, string>>();
  const weekdayHolidays = new Map<number, LocalDate[]>();

  const holidaysOf = (year: number): Map<LocalDate, string> => {
    let days = byYear.get(year);
    if (!days) {
      if (year < table.firstYear || year > table.lastYear) {
        throw new CalendarRangeError(
          `Scotland's bank holidays are known for ${table.firstYear}–${table.lastYear}, not ${year}`,
        );
      }
      days = new Map();
      for (const [day, name] of Object.entries(table.days))
        if (day.startsWith(`${year}-`)) days.set(day, name);
      for (const closure of extraClosures)
        if (closure.startsWith(String(year))) days.set(closure, 'Closure day');
      byYear.set(year, days);
    }
    return days;
  };

  const weekdayHolidaysOf = (year: number): LocalDate[] => {
    let days = weekdayHolidays.get(year);
    if (!days) {
      days = [...holidaysOf(year).keys()].filter((day) => dayOfWeek(day) !== 0 && dayOfWeek(day) !== 6);
      weekdayHolidays.set(year, days);
    }
    return days;
  };

  const holidayName = (day: LocalDate) => holidaysOf(Number(day.slice(0, 4))).get(day);
  const isWorkingDay = (day: LocalDate) => {
    const weekday = dayOfWeek(day);
    return weekday !== 0 && weekday !== 6 && holidayName(day) === undefined;
  };

  // Counted, not walked: weekdays by arithmetic, less the weekday holidays in between, so
  // "overdue by 470 working days" costs the same as "3 working days left".
  const workingDaysBetween = (from: LocalDate, to: LocalDate): number => {
    if (to < from) return -workingDaysBetween(to, from);
    let count = weekdaysUpTo(to) - weekdaysUpTo(from);
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
      for (const day of weekdayHolidaysOf(year)) if (day > from && day <= to) count--;
    }
    return count;
  };

  const onOrBefore = (day: LocalDate): LocalDate => {
    let candidate = day;
    while (!isWorkingDay(candidate)) candidate = addDays(candidate, -1);
    return candidate;
  };

  const addWorkingDays = (day: LocalDate, count: number): LocalDate => {
    const step = count < 0 ? -1 : 1;
    let candidate = day;
    for (let left = Math.abs(count); left > 0; ) {
      candidate = addDays(candidate, step);
      if (isWorkingDay(candidate)) left--;
    }
    return candidate;
  };

  return { isWorkingDay, holidayName, workingDaysBetween, onOrBefore, addWorkingDays };
}

/** Monday-to-Friday days from a fixed Monday up to and including `day`. */
function weekdaysUpTo(day: LocalDate): number {
  const MONDAY_1970_01_05 = 4;
  const days = Math.round(toUtc(day).getTime() / 86_400_000) - MONDAY_1970_01_05;
  const weeks = Math.floor(days / 7);
  const rest = days - weeks * 7; // 0 = Monday … 6 = Sunday
  return weeks * 5 + Math.min(rest + 1, 5);
}
