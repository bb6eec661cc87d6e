import { describe, expect, it } from 'vitest';
import { scottishBankHolidaysFromRules } from '../../src/domain/bank-holiday-rules';
import { CalendarRangeError, scottishCalendar } from '../../src/domain/calendar';
import table from '../../src/domain/scottish-bank-holidays.json' with { type: 'json' };

describe("Scotland's bank holiday table", () => {
  it('holds exactly what the date-holidays rules say for every year it covers (else: npm run holidays)', () => {
    // Prepare / Act
    const fromRules = scottishBankHolidaysFromRules(table.firstYear, table.lastYear);

    // Assess
    expect(table.days).toEqual(fromRules.days);
  });

  it('covers the years a register can reach', () => {
    expect(table.firstYear).toBeLessThanOrEqual(2015);
    expect(table.lastYear).toBeGreaterThanOrEqual(2060);
  });

  it('refuses a year it does not cover instead of counting it without holidays', () => {
    const calendar = scottishCalendar();

    expect(() => calendar.holidayName(`${table.lastYear + 1}-01-02`)).toThrow(CalendarRangeError);
  });
});
