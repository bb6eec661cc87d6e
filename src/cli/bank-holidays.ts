import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scottishBankHolidaysFromRules } from '../domain/bank-holiday-rules';
import type { BankHolidayTable } from '../domain/calendar';

/**
 * `npm run holidays`: regenerates src/domain/scottish-bank-holidays.json from date-holidays'
 * rules. The product reads the table, not the rules: date-holidays carries every country's
 * rules and a time-zone database (1.3 MB of the Lambda bundle) to answer one question.
 * test/unit/bank-holidays.test.ts fails when the rules and the table disagree.
 */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

const table: BankHolidayTable = scottishBankHolidaysFromRules(FIRST_YEAR, LAST_YEAR);
const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'domain', 'scottish-bank-holidays.json');
writeFileSync(file, `${JSON.stringify(table, null, 1)}\n`);
console.log(`Wrote ${Object.keys(table.days).length} bank holidays ${FIRST_YEAR}–${LAST_YEAR} to ${file}`);
