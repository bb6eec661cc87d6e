import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigPaper } from '../support/big-paper';
import { startTestDynamo } from '../support/harness';
import { finished, spawnImport } from '../support/import-cli';

let data: Awaited<ReturnType<typeof startTestDynamo>>;
let dir: string;

beforeAll(async () => {
  data = await startTestDynamo();
  dir = await mkdtemp(join(tmpdir(), 'import-cli-'));
});
afterAll(async () => {
  await data.close();
  await rm(dir, { recursive: true, force: true });
});

describe('npm run import --json', () => {
  it('writes the whole JSON of a 3,000-direction dry run into a pipe read slowly, before it exits', async () => {
    const file = join(dir, 'midlothian-2024-25.txt');
    await writeFile(file, bigPaper(3_000, '2024-25'));

    const child = spawnImport(
      [file, '--ijb', 'midlothian', '--year', '2024-25', '--dry-run', '--json'],
      data.dynamo.endpoint,
      data.tableName,
    );
    // Like `| jq` on a busy machine: the reader starts late, so the pipe fills long before.
    const run = await finished(child, 1_500);

    expect(run.code).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(1_000_000);
    const json = JSON.parse(run.stdout) as { status: string; directions: unknown[] };
    expect(json.status).toBe('dry-run');
    expect(json.directions).toHaveLength(3_000);
  }, 120_000);
});
