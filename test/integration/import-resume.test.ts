import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaper } from '../../src/import/import-paper';
import { createLookupService } from '../../src/lookup/lookup-service';
import { seedRegister } from '../../src/register/seed';
import type { ImportStore } from '../../src/store/import-store';
import { bigPaper } from '../support/big-paper';
import { startTestDynamo } from '../support/harness';

let data: Awaited<ReturnType<typeof startTestDynamo>>;

beforeAll(async () => {
  data = await startTestDynamo();
  await seedRegister(data.store, new Date('2023-05-01T09:00:00Z'), data.imports);
});
afterAll(() => data.close());

const paper = Buffer.from(bigPaper(300, '2023-24'));
const run = (imports: ImportStore, bytes: Uint8Array, options: { resume?: boolean } = {}) =>
  importPaper(
    { store: data.store, imports, clock: () => new Date('2023-06-01T09:00:00Z') },
    {
      bytes,
      fileName: 'midlothian-2023-24.txt',
      ijbId: 'midlothian',
      planYear: '2023-24',
      dryRun: false,
      by: 'U0ADMIN',
      ...options,
    },
  );

describe('an import that fails part-way', () => {
  it('leaves the year not live, refuses another file, and is completed by the same one', async () => {
    const lookups = createLookupService({
      store: data.store,
      clock: () => new Date(),
      defaultIjbId: 'midlothian',
      profileCacheMs: 0,
    });
    expect((await run(data.imports, paper, { resume: true })).status).toBe('refused');

    // DynamoDB gives up after the new directions are in: the deadline entries never get written.
    const failing: ImportStore = {
      ...data.imports,
      putDueEntries: async () => {
        throw Object.assign(new Error('Service unavailable'), { name: 'ServiceUnavailable' });
      },
    };
    await expect(run(failing, paper)).rejects.toThrow('Service unavailable');
    expect((await data.store.getIjb('midlothian'))?.importingYears).toEqual(['2023-24']);
    const scope = await lookups.scope({});
    expect(scope.ok ? '' : scope.problem).toMatch(/2023-24 directions are being imported right now/);
    expect((await data.imports.unfinishedImport('midlothian', '2023-24'))?.state).toBe('in-progress');

    const other = await run(data.imports, Buffer.from(bigPaper(299, '2023-24')));
    expect(other.status).toBe('refused');
    expect(other.status === 'refused' && other.problems[0]?.message).toMatch(
      /stopped before it finished, and this is a different file/,
    );

    const resumed = await run(data.imports, paper, { resume: true });
    expect(resumed.status).toBe('applied');
    expect((await data.store.getIjb('midlothian'))?.importingYears).toBeUndefined();
    expect((await lookups.scope({})).ok).toBe(true);
    const year = await data.imports.readYear('midlothian', '2023-24');
    expect(year.directions.filter((direction) => !direction.notInPaper)).toHaveLength(300);
    const inPaper = new Set(year.directions.filter((d) => !d.notInPaper).map((d) => d.ref));
    const due = year.dueEntries.filter((entry) => inPaper.has(entry.ref));
    expect(due.filter((entry) => entry.open && entry.dueDate === '2025-01-31')).toHaveLength(300);
    expect(due).toHaveLength(300);
    expect(await data.imports.unfinishedImport('midlothian', '2023-24')).toBeUndefined();
    expect((await run(data.imports, paper)).status).toBe('unchanged');
  }, 60_000);
});
