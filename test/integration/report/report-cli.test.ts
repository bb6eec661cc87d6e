import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRegister } from '../../../src/register/seed';
import { parseCsv } from '../../../src/report';
import { startTestDynamo } from '../../support/harness';

let data: Awaited<ReturnType<typeof startTestDynamo>>;
beforeAll(async () => {
  data = await startTestDynamo();
  await seedRegister(data.store, new Date('2023-04-01T09:00:00Z'), data.imports);
});
afterAll(() => data.close());

const report = (args: string[]) =>
  promisify(execFile)('npx', ['tsx', 'src/cli/report.ts', ...args], {
    env: {
      ...process.env,
      AWS_ENDPOINT_URL_DYNAMODB: data.dynamo.endpoint,
      TABLE_NAME: data.tableName,
    },
  }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

describe('npm run report', () => {
  it('writes the board paper of a year to a file, against the register it is pointed at', {
    timeout: 60_000,
  }, async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'report-cli-')), 'table.csv');
    const result = await report([
      '--ijb',
      'east-lothian',
      '--year',
      '2018-19',
      '--format',
      'csv',
      '--out',
      out,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [header, ...rows] = parseCsv(readFileSync(out, 'utf8'));
    expect(header?.[0]).toBe('Ref');
    expect(rows.find((row) => row[0] === 'D10i')).toContain('Replaced with related Direction D10j');
  });

  it('refuses a year the register does not have (exit 1), and bad options (exit 2)', {
    timeout: 60_000,
  }, async () => {
    const out = join(tmpdir(), 'never-written.csv');
    const missing = await report([
      '--ijb',
      'east-lothian',
      '--year',
      '2012-13',
      '--format',
      'csv',
      '--out',
      out,
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('East Lothian has no directions or outcomes for 2012-13');
    const usage = await report([
      '--ijb',
      'east-lothian',
      '--year',
      '2018-19',
      '--format',
      'pdf',
      '--out',
      out,
    ]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage: npm run report');
  });
});
