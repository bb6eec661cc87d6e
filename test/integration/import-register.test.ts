import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ImportRequest, importPaper } from '../../src/import/import-paper';
import { keys } from '../../src/store/keys';
import { startTestDynamo } from '../support/harness';
import { EAST_LOTHIAN_PAPER, MIDLOTHIAN_PAPER } from '../support/papers';

let data: Awaited<ReturnType<typeof startTestDynamo>>;
const sent: string[] = [];
const WRITES = /^(Put|Update|Delete|BatchWrite)/;

// Each test gets an empty table of its own and loads what it needs (see `loaded` below).
let now = new Date('2024-01-10T10:00:00Z');
beforeEach(async () => {
  now = new Date('2024-01-10T10:00:00Z');
  data = await startTestDynamo();
  data.db.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(String(context.commandName).replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize', name: 'recordCommands' },
  );
});
afterEach(() => data.close());

const run = (request: Partial<ImportRequest> & { text?: string }) =>
  importPaper(
    { store: data.store, imports: data.imports, clock: () => now },
    {
      bytes: request.bytes ?? Buffer.from(request.text ?? MIDLOTHIAN_PAPER),
      fileName: request.fileName ?? 'midlothian-directions.txt',
      ijbId: request.ijbId ?? 'midlothian',
      planYear: request.planYear ?? '2023-24',
      dryRun: request.dryRun ?? false,
      by: 'U0ADMIN',
    },
  );
const writesDuring = async <T>(act: () => Promise<T>): Promise<{ result: T; writes: string[] }> => {
  sent.length = 0;
  const result = await act();
  return { result, writes: sent.filter((name) => WRITES.test(name)) };
};
/** Imports a paper that must apply, as the world a test starts from. */
const loaded = async (request: Partial<ImportRequest> & { text?: string } = {}) => {
  const result = await run(request);
  if (result.status !== 'applied') throw new Error(`could not load the paper: ${result.status}`);
  return result;
};

describe('importing a paper into the register', () => {
  it('a dry run reads and reports, and writes nothing', async () => {
    const { result, writes } = await writesDuring(() => run({ dryRun: true }));
    expect(result.status).toBe('dry-run');
    expect(writes).toEqual([]);
    expect(await data.store.listPlanYears('midlothian')).toEqual([]);
  });

  it('loads a new year whole, its deadlines in the due-date index, the year made visible last', async () => {
    const { result, writes } = await writesDuring(() => run({}));
    expect(result.status).toBe('applied');
    // The import record (in progress) and the year marked not live first; then the directions;
    // then the plan-year record, the profile (the year live again), the latest year; the record done.
    expect(writes.slice(0, 3)).toEqual(['PutItem', 'UpdateItem', 'BatchWriteItem']);
    expect(writes.slice(-4)).toEqual(['PutItem', 'UpdateItem', 'UpdateItem', 'PutItem']);
    const directions = await data.store.listDirections('midlothian', '2023-24');
    expect(directions).toHaveLength(21);
    expect(directions.every((direction) => direction.version === 1 && direction.paperRevision === 1)).toBe(
      true,
    );
    expect((await data.store.getIjb('midlothian'))?.latestPlanYear).toBe('2023-24');
    expect(
      await data.store.listDue('midlothian', '2023-24', { from: '2024-01-31', to: '2024-01-31' }),
    ).toHaveLength(16);
  });

  it('does nothing when the same paper is imported again', async () => {
    await loaded();
    const { result, writes } = await writesDuring(() => run({}));
    expect(result.status).toBe('unchanged');
    expect(writes).toEqual([]);
  });

  it('refuses another IJB’s paper, an empty file and garbage, writing nothing', async () => {
    for (const request of [
      { ijbId: 'east-lothian', planYear: '2023-24' },
      { bytes: new Uint8Array() },
      { bytes: new Uint8Array(2048).map((_, index) => (index * 31) % 256), fileName: 'x.bin' },
      { planYear: '2024-25' },
      { ijbId: 'fife' },
    ]) {
      const { result, writes } = await writesDuring(() => run(request));
      expect(result.status).toBe('refused');
      expect(writes).toEqual([]);
    }
  });
});

describe('importing a revised paper', () => {
  const revised = MIDLOTHIAN_PAPER.replace(
    'increased collaborative and integrated working',
    'increased collaborative, integrated and preventative working',
  )
    .replace('data quality assurance, by January 2025.', 'data quality assurance, by March 2025.')
    .replace('ensure fair access, by January 2024.', 'ensure fair access, by February 2024.')
    .replace(/- 9\.1 Maximise[^\n]*\n/, '')
    .replace(
      '- 9.2 All services',
      '- 9.3 NHS Lothian and Midlothian Council must publish a joint savings plan by June 2024.\n- 9.2 All services',
    );

  beforeEach(async () => {
    await loaded();
    // Progress that issue-4's updates write: status, latest update, leads, channel, version.
    for (const [ref, status] of [
      ['1.1', 'on-track'],
      ['2.2', 'achieved'],
    ] as const) {
      await data.db.send(
        new UpdateCommand({
          TableName: data.tableName,
          Key: keys.direction('midlothian', '2023-24', ref),
          UpdateExpression:
            'SET #status = :status, latestUpdate = :update, leads = :leads, channel = :channel, version = version + :one',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':status': status,
            ':update': { at: '2023-11-01T10:00:00.000Z', by: 'U0LEAD', status, text: 'Going well' },
            ':leads': ['U0LEAD'],
            ':channel': 'C0TEAM',
            ':one': 1,
          },
        }),
      );
    }
    await data.store.setDeadlinesOpen('midlothian', '2023-24', '2.2', false);
    now = new Date('2024-01-15T10:00:00Z');
  });
  const revisedLoaded = () => loaded({ text: revised });

  it('updates texts and deadlines as new versions, adds and flags, and says what changed', async () => {
    const result = await run({ text: revised });
    if (result.status === 'refused') throw new Error(result.problems[0]?.message);
    expect(result.status).toBe('applied');
    expect(result.diff.added.map((direction) => direction.ref)).toEqual(['9.3']);
    expect(result.diff.changed.map((change) => [change.before.ref, change.fields])).toEqual([
      ['1.1', ['text']],
      ['2.2', ['text', 'deadlines']],
      ['5.1', ['text', 'deadlines']],
    ]);
    expect(result.diff.dropped.map((direction) => direction.ref)).toEqual(['9.1']);
  });

  it('keeps progress updates, leads and channels, and the old text as a revision', async () => {
    await revisedLoaded();
    const direction = await data.store.getDirection('midlothian', '2023-24', '1.1');
    expect(direction).toMatchObject({
      text: expect.stringContaining('collaborative, integrated and preventative working'),
      status: 'on-track',
      leads: ['U0LEAD'],
      channel: 'C0TEAM',
      latestUpdate: { text: 'Going well' },
      version: 3,
      paperRevision: 2,
    });
    const { Item } = await data.db.send(
      new (await import('@aws-sdk/lib-dynamodb')).GetCommand({
        TableName: data.tableName,
        Key: keys.revision('midlothian', '2023-24', '1.1', 1),
      }),
    );
    expect(Item?.fields.text).toContain('increased collaborative and integrated working');
  });

  it('moves a changed deadline in the index, and keeps a closed direction out of it', async () => {
    await revisedLoaded();
    expect(
      (await data.store.listDue('midlothian', '2023-24', { from: '2025-03-31', to: '2025-03-31' })).map(
        (entry) => entry.ref,
      ),
    ).toEqual(['5.1']);
    expect(
      await data.store.listDue('midlothian', '2023-24', { from: '2025-01-31', to: '2025-01-31' }),
    ).toEqual([]);
    expect(
      await data.store.listDue('midlothian', '2023-24', { from: '2024-02-01', to: '2024-02-29' }),
    ).toEqual([]);
    await data.store.setDeadlinesOpen('midlothian', '2023-24', '2.2', true);
    expect(
      (await data.store.listDue('midlothian', '2023-24', { from: '2024-02-29', to: '2024-02-29' })).map(
        (entry) => entry.ref,
      ),
    ).toEqual(['2.2']);
    await data.store.setDeadlinesOpen('midlothian', '2023-24', '2.2', false);
  });

  it('flags a direction no longer in the paper and keeps it', async () => {
    await revisedLoaded();
    expect(await data.store.getDirection('midlothian', '2023-24', '9.1')).toMatchObject({
      notInPaper: { since: '2024-01-15T10:00:00.000Z', source: 'midlothian-directions.txt' },
    });
    expect(await data.store.listDirections('midlothian', '2023-24')).toHaveLength(22);
  });

  it('is a no-op when imported again, and the original paper brings 9.1 back', async () => {
    await revisedLoaded();
    expect((await run({ text: revised })).status).toBe('unchanged');
    const back = await run({});
    if (back.status === 'refused') throw new Error('refused');
    expect(back.diff.returned.map((direction) => direction.ref)).toEqual(['9.1']);
    expect(back.diff.dropped.map((direction) => direction.ref)).toEqual(['9.3']);
    expect((await data.store.getDirection('midlothian', '2023-24', '9.1'))?.notInPaper).toBeUndefined();
  });

  it('completes on a rerun what a crash left half-written', async () => {
    const crashing = {
      ...data.imports,
      putDueEntries: async () => {
        throw new Error('Lambda timed out');
      },
    };
    await expect(
      importPaper(
        { store: data.store, imports: crashing, clock: () => now },
        {
          bytes: Buffer.from(revised),
          fileName: 'midlothian-directions.txt',
          ijbId: 'midlothian',
          planYear: '2023-24',
          dryRun: false,
          by: 'U0ADMIN',
        },
      ),
    ).rejects.toThrow('Lambda timed out');
    expect((await data.store.getDirection('midlothian', '2023-24', '5.1'))?.deadlines[0]?.asWritten).toBe(
      'by March 2025',
    );
    expect(
      await data.store.listDue('midlothian', '2023-24', { from: '2025-03-31', to: '2025-03-31' }),
    ).toEqual([]);
    const rerun = await run({ text: revised });
    expect(rerun.status).toBe('applied');
    expect(
      (await data.store.listDue('midlothian', '2023-24', { from: '2025-03-31', to: '2025-03-31' })).map(
        (entry) => entry.ref,
      ),
    ).toEqual(['5.1']);
    expect((await run({ text: revised })).status).toBe('unchanged');
  });
});

describe('several IJBs and their outcome tables', () => {
  it('loads East Lothian beside Midlothian, with milestones and the 2018-19 outcomes', async () => {
    await loaded();
    const result = await run({
      text: EAST_LOTHIAN_PAPER,
      ijbId: 'east-lothian',
      planYear: '2019-20',
      fileName: 'el.txt',
    });
    expect(result.status).toBe('applied');
    expect(await data.store.listDirections('east-lothian', '2019-20')).toHaveLength(40);
    expect((await data.store.listIjbs()).map((ijb) => ijb.id)).toEqual(['east-lothian', 'midlothian']);
    const year = await data.imports.readYear('east-lothian', '2019-20');
    expect(year.milestones).toHaveLength(49);
    const earlier = await data.imports.readYear('east-lothian', '2018-19');
    expect(earlier.outcomes).toHaveLength(33);
    expect((await data.store.getDirection('east-lothian', '2019-20', 'D10j'))?.supersedes).toEqual([
      { planYear: '2018-19', ref: 'D10i' },
    ]);
  });

  it('sets lifecycle on an earlier year imported afterwards, and keeps closed ones out of the due index', async () => {
    await loaded({
      text: EAST_LOTHIAN_PAPER,
      ijbId: 'east-lothian',
      planYear: '2019-20',
      fileName: 'el.txt',
    });
    const earlier = JSON.stringify({
      ijb: 'east-lothian',
      planYear: '2018-19',
      directions: [
        {
          ref: 'D03c',
          theme: 'NHS Lothian Transfer of IJB Resources',
          text: 'NHS Lothian to transfer resources.',
          issued_to: 'NHS Lothian',
          deadlines: 'by March 2019',
        },
        {
          ref: 'D10i',
          theme: 'Primary Care',
          text: 'NHS Lothian to ensure premises.',
          issued_to: 'NHS Lothian',
          deadlines: 'by March 2019',
        },
        {
          ref: 'D11a',
          theme: 'Acute Services',
          text: 'NHS Lothian to review emergency assessment.',
          issued_to: 'NHS Lothian',
          deadlines: 'by March 2019',
        },
      ],
    });
    const result = await run({
      bytes: Buffer.from(earlier),
      fileName: 'el-2018-19.json',
      ijbId: 'east-lothian',
      planYear: '2018-19',
    });
    expect(result.status).toBe('applied');
    expect(await data.store.getDirection('east-lothian', '2018-19', 'D10i')).toMatchObject({
      lifecycle: { state: 'superseded', outcome: 'Replaced with related Direction D10j' },
      supersededBy: [{ planYear: '2019-20', ref: 'D10j' }],
    });
    expect((await data.store.getDirection('east-lothian', '2018-19', 'D03c'))?.lifecycle?.state).toBe(
      'achieved',
    );
    const due = await data.store.listDue('east-lothian', '2018-19', { to: '2019-12-31' });
    expect(due.map((entry) => entry.ref)).toEqual(['D11a']);
    // The latest year stays 2019-20: loading an earlier one does not move it back.
    expect((await data.store.getIjb('east-lothian'))?.latestPlanYear).toBe('2019-20');
  });
});
