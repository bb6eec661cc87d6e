import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLookupService } from '../../src/lookup/lookup-service';
import { seedRegister } from '../../src/register/seed';
import { keys } from '../../src/store/keys';
import { bigPaper } from '../support/big-paper';
import { startTestDynamo } from '../support/harness';
import { finished, spawnImport } from '../support/import-cli';

let data: Awaited<ReturnType<typeof startTestDynamo>>;
let dir: string;
const YEAR = '2023-24';
const COUNT = 2_000;

beforeAll(async () => {
  data = await startTestDynamo();
  await seedRegister(data.store, new Date('2023-05-01T09:00:00Z'), data.imports);
  dir = await mkdtemp(join(tmpdir(), 'import-crash-'));
});
afterAll(async () => {
  await data.close();
  await rm(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What anyone reading the register sees of the year, straight from dynalite. */
async function registerState() {
  const ijb = await data.store.getIjb('midlothian');
  const year = await data.imports.readYear('midlothian', YEAR);
  return { importing: ijb?.importingYears?.includes(YEAR) ?? false, year };
}

/** Directions of the year, counted by dynalite. */
async function directionCount(): Promise<number> {
  const { pk, skPrefix } = keys.directionPrefix('midlothian', YEAR);
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await data.db.send(
      new QueryCommand({
        TableName: data.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

describe('an import killed at random points', () => {
  it('leaves the old register or a year not yet live, and the next run completes it', async () => {
    const before = await registerState();
    expect(before.year.directions).toHaveLength(21);
    const oldTexts = new Map(before.year.directions.map((direction) => [direction.ref, direction.text]));
    const file = join(dir, 'midlothian-2023-24-revised.txt');
    await writeFile(file, bigPaper(COUNT, YEAR));
    const args = [file, '--ijb', 'midlothian', '--year', YEAR];
    const lookups = createLookupService({
      store: data.store,
      clock: () => new Date(),
      defaultIjbId: 'midlothian',
      profileCacheMs: 0,
    });

    let killed = 0;
    for (let round = 0; round < 3; round++) {
      const child = spawnImport(
        round === 2 ? [...args, '--resume'] : args,
        data.dynamo.endpoint,
        data.tableName,
      );
      const exit = finished(child);
      let done = false;
      void exit.then(() => {
        done = true;
      });
      // Once this run is writing (the year has more directions than it started with), a random
      // moment within the next 2 s.
      const from = await directionCount();
      while (!done && (await directionCount()) <= from) await sleep(150);
      await sleep(Math.random() * 2_000);
      if (done) break;
      child.kill('SIGKILL');
      const run = await exit;
      expect(run.signal).toBe('SIGKILL');
      killed++;

      const after = await registerState();
      if (after.importing) {
        // Not live: lookups say so instead of showing part of it.
        const scope = await lookups.scope({});
        expect(scope.ok).toBe(false);
        expect(scope.ok ? '' : scope.problem).toMatch(/being imported/);
      } else {
        // Either nothing changed yet, or everything did.
        const texts = new Map(after.year.directions.map((direction) => [direction.ref, direction.text]));
        const unchanged =
          after.year.directions.length === 21 &&
          [...oldTexts].every(([ref, text]) => texts.get(ref) === text);
        expect(unchanged || after.year.directions.length === COUNT).toBe(true);
      }
    }
    expect(killed).toBeGreaterThan(0);

    // The next run completes it (or finds it complete).
    const last = await finished(spawnImport(args, data.dynamo.endpoint, data.tableName));
    expect(last.stderr).not.toMatch(/\n\s+at /);
    expect(last.code).toBe(0);
    const after = await registerState();
    expect(after.importing).toBe(false);
    expect(after.year.directions).toHaveLength(COUNT);
    expect(after.year.directions.filter((direction) => direction.notInPaper)).toEqual([]);
    expect(new Set(after.year.directions.map((direction) => direction.ref)).size).toBe(COUNT);
    const open = after.year.dueEntries.filter((entry) => entry.open && entry.dueDate === '2025-01-31');
    expect(open).toHaveLength(COUNT);
    expect(await data.imports.unfinishedImport('midlothian', YEAR)).toBeUndefined();
    const scope = await lookups.scope({});
    expect(scope.ok).toBe(true);
  }, 240_000);
});
