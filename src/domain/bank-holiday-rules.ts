import Holidays from 'date-holidays';
import type { BankHolidayTable } from './calendar';
import type { LocalDate } from './local-date';

/**
 * Scotland's public and bank holidays ('GB', 'SCT': 2 January and St Andrew's Day included,
 * substitute days when they fall at a weekend, one-off days such as the 2023 Coronation).
 * Used at build time only (npm run holidays) and by the test that keeps the table honest.
 */
export function scottishBankHolidaysFromRules(firstYear: number, lastYear: number): BankHolidayTable {
  const rules = new Holidays('GB', 'SCT');
  const days: Record<LocalDate, string> = {};
  for (let year = firstYear; year <= lastYear; year++) {
    for (const holiday of rules.getHolidays(year)) {
      if (holiday.type === 'public' || holiday.type === 'bank')
        days[holiday.date.slice(0, 10)] = holiday.name;
    }
  }
  return { source: 'date-holidays GB-SCT, public and bank holidays', firstYear, lastYear, days };
}
