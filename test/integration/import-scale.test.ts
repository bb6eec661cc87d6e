import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaper } from '../../src/import/import-paper';
import { seedRegister } from '../../src/register/seed';
import { bigPaper } from '../support/big-paper';
import { startTestDynamo } from '../support/harness';

let data: Awaited<ReturnType<typeof startTestDynamo>>;
let faults = 0;

beforeAll(async () => {
  data = await startTestDynamo();
  await seedRegister(data.store, new Date('2023-05-01T09:00:00Z'), data.imports);
  // DynamoDB under load: some BatchWrites time out or are throttled before they are sent, and
  // some come back with half their items unprocessed. (dynalite itself never does either.)
  data.db.middlewareStack.add(
    (next, context) => async (args) => {
      if (!String(context.commandName).startsWith('BatchWrite')) return next(args);
      const roll = Math.random();
      if (roll < 0.05) {
        faults++;
        throw Object.assign(new Error('Connection timed out after 1000 ms'), { name: 'TimeoutError' });
      }
      if (roll < 0.1) {
        faults++;
        throw Object.assign(new Error('Rate of requests exceeds the allowed throughput'), {
          name: 'ThrottlingException',
        });
      }
      const input = args.input as { RequestItems: Record<string, unknown[]> };
      const [table, requests = []] = Object.entries(input.RequestItems)[0] ?? [];
      if (roll > 0.8 && table && requests.length > 1) {
        faults++;
        const half = Math.ceil(requests.length / 2);
        const output = await next({ ...args, input: { RequestItems: { [table]: requests.slice(0, half) } } });
        (output.output as { UnprocessedItems?: unknown }).UnprocessedItems = {
          [table]: requests.slice(half),
        };
        return output;
      }
      return next(args);
    },
    { step: 'initialize', name: 'busyDynamo' },
  );
});
afterAll(() => data.close());

describe('importing a very large paper', () => {
  it('writes all 10,000 directions into a year already live, paced and retried, then makes it live', async () => {
    const count = 10_000;
    const shipped = await data.store.listDirections('midlothian', '2023-24');
    const result = await importPaper(
      { store: data.store, imports: data.imports, clock: () => new Date('2023-06-01T09:00:00Z') },
      {
        bytes: Buffer.from(bigPaper(count, '2023-24')),
        fileName: 'midlothian-directions-2023-24-large.txt',
        ijbId: 'midlothian',
        planYear: '2023-24',
        dryRun: false,
        by: 'U0ADMIN',
      },
    );

    expect(result.status).toBe('applied');
    expect(faults).toBeGreaterThan(0);
    const snapshot = await data.imports.readYear('midlothian', '2023-24');
    const inPaper = snapshot.directions.filter((direction) => !direction.notInPaper);
    expect(inPaper).toHaveLength(count);
    // The shipped directions are revised in place (the paper numbers 1.1 to 99.99 again).
    expect(shipped.length).toBeGreaterThan(0);
    expect(snapshot.directions).toHaveLength(count);
    expect(snapshot.directions.find((direction) => direction.ref === shipped[0]?.ref)?.paperRevision).toBe(2);
    // Every direction's "by January 2025" is in the due-date index.
    expect(snapshot.dueEntries.filter((entry) => entry.open && entry.dueDate === '2025-01-31')).toHaveLength(
      count,
    );
    const ijb = await data.store.getIjb('midlothian');
    expect(ijb?.importingYears ?? []).toEqual([]);
    expect(await data.imports.unfinishedImport('midlothian', '2023-24')).toBeUndefined();
    // Minutes, not seconds, on a busy machine: the figure is in `npm run bench -- import`.
  }, 180_000);
});
