import { describe, expect, it } from 'vitest';
import { scottishCalendar } from '../../src/domain/calendar';
import { addDays } from '../../src/domain/local-date';

const calendar = scottishCalendar();

describe('Scottish working calendar', () => {
  it('keeps 2 January and St Andrew’s Day as bank holidays, unlike England', () => {
    expect(calendar.isWorkingDay('2024-01-02')).toBe(false);
    expect(calendar.holidayName('2023-11-30')).toMatch(/St Andrew/);
    expect(calendar.isWorkingDay('2023-11-30')).toBe(false);
  });

  it('moves St Andrew’s Day to the Monday when it falls at a weekend', () => {
    // 30 Nov 2024 was a Saturday: Monday 2 December was the holiday.
    expect(calendar.isWorkingDay('2024-12-02')).toBe(false);
    expect(calendar.isWorkingDay('2024-12-03')).toBe(true);
  });

  it('knows the festive break: 25, 26 December, 1, 2 January, with substitutes', () => {
    for (const day of ['2023-12-25', '2023-12-26', '2024-01-01', '2024-01-02']) {
      expect(calendar.isWorkingDay(day), day).toBe(false);
    }
    // 2027: 1 January is a Friday, 2 January a Saturday, so Monday 4 January is off.
    expect(calendar.isWorkingDay('2027-01-04')).toBe(false);
    expect(calendar.isWorkingDay('2027-01-05')).toBe(true);
  });

  it('knows one-off holidays such as the 2023 Coronation', () => {
    expect(calendar.isWorkingDay('2023-05-08')).toBe(false);
  });

  it('counts working days after the first day up to and including the second', () => {
    // Fri 22 Dec 2023 → Fri 5 Jan 2024: 27, 28, 29 Dec and 3, 4, 5 Jan are working days.
    expect(calendar.workingDaysBetween('2023-12-22', '2024-01-05')).toBe(6);
    expect(calendar.workingDaysBetween('2024-01-05', '2023-12-22')).toBe(-6);
    expect(calendar.workingDaysBetween('2024-01-05', '2024-01-05')).toBe(0);
  });

  it('finds the working day on or before a day', () => {
    expect(calendar.onOrBefore('2023-12-25')).toBe('2023-12-22');
    expect(calendar.onOrBefore('2024-01-02')).toBe('2023-12-29');
    expect(calendar.onOrBefore('2024-01-03')).toBe('2024-01-03');
  });

  it('adds and subtracts working days across the break', () => {
    expect(calendar.addWorkingDays('2023-12-22', 1)).toBe('2023-12-27');
    expect(calendar.addWorkingDays('2024-01-03', -1)).toBe('2023-12-29');
    expect(calendar.addWorkingDays('2024-01-03', 0)).toBe('2024-01-03');
  });

  it('takes an IJB’s own closure days as non-working', () => {
    const local = scottishCalendar(['2024-01-03']);
    expect(local.isWorkingDay('2024-01-03')).toBe(false);
    expect(calendar.isWorkingDay('2024-01-03')).toBe(true);
  });

  it('counts the same as walking day by day, over years of date pairs', () => {
    const local = scottishCalendar(['2024-01-03']);
    const walk = (from: string, to: string): number => {
      if (to < from) return -walk(to, from);
      let count = 0;
      for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (local.isWorkingDay(day)) count++;
      return count;
    };
    for (let i = 0; i < 400; i++) {
      const from = addDays('2022-01-01', (i * 37) % 1900);
      const to = addDays(from, ((i * 53) % 900) - 450);
      expect(local.workingDaysBetween(from, to), `${from} → ${to}`).toBe(walk(from, to));
    }
  });
});
