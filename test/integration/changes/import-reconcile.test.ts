import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdminDirectory } from '../../../src/access/admins';
import { createChangeService } from '../../../src/changes/change-service';
import { importPaper } from '../../../src/import/import-paper';
import { resultText } from '../../../src/import/report';
import { createChangeStore } from '../../../src/store/change-store';
import { startTestDynamo } from '../../support/harness';
import { MIDLOTHIAN_PAPER } from '../../support/papers';

let data: Awaited<ReturnType<typeof startTestDynamo>>;
const now = new Date('2024-03-20T10:00:00Z');
const ADMIN = 'U0ADMIN';
const AUTHORITY = { decidedOn: '2024-03-16', reference: 'paper 5.3' };
const request = (key: string) => ({
  ijbId: 'midlothian',
  planYear: '2023-24',
  userId: ADMIN,
  via: 'slack' as const,
  requestKey: key,
});

const run = (text: string, dryRun: boolean) =>
  importPaper(
    { store: data.store, imports: data.imports, clock: () => now },
    {
      bytes: Buffer.from(text),
      fileName: 'midlothian.txt',
      ijbId: 'midlothian',
      planYear: '2023-24',
      dryRun,
      by: ADMIN,
    },
  );

beforeEach(async () => {
  data = await startTestDynamo();
  expect((await run(MIDLOTHIAN_PAPER, false)).status).toBe('applied');
  const service = createChangeService({
    store: data.store,
    changes: createChangeStore(data.db, data.tableName),
    admins: createAdminDirectory(data.db, data.tableName, [ADMIN], 'midlothian'),
    clock: () => now,
  });
  const done = await Promise.all([
    service.vary(
      request('v1'),
      '5.1',
      { deadlines: [{ kind: 'month', year: 2025, month: 3, asWritten: 'by March 2025' }] },
      AUTHORITY,
    ),
    service.revoke(request('r1'), '5.2', AUTHORITY),
    service.add(
      request('a1'),
      {
        ref: '5.9',
        theme: 'Health Inequalities',
        text: 'Midlothian Council must review the current design of care at home services.',
        issuedTo: ['council'],
        deadlines: [],
        functions: [],
      },
      AUTHORITY,
    ),
  ]);
  expect(done.map((result) => result.kind)).toEqual(['done', 'done', 'done']);
});
afterEach(() => data.close());

const direction = async (ref: string) => {
  const found = await data.store.getDirection('midlothian', '2023-24', ref);
  if (!found) throw new Error(`no ${ref}`);
  return found;
};

describe('a later import of the paper, after the board’s mid-year changes', () => {
  it('keeps the changes, says so in the dry run, and drops nothing added mid-year', async () => {
    const result = await run(MIDLOTHIAN_PAPER, true);
    if (result.status === 'refused') throw new Error('refused');
    expect(result.diff.changed).toEqual([]);
    expect(result.diff.dropped.map((d) => d.ref)).toEqual([]);
    expect(result.diff.kept.map((kept) => [kept.direction.ref, kept.fields])).toEqual([
      ['5.1', ['deadlines']],
    ]);
    expect(resultText(result)).toContain('= 5.1 kept: varied in Slack on 16 Mar 2024 (paper 5.3)');
    expect(resultText(result)).not.toContain('~ 5.1');
  });

  it('applies the paper’s other revisions around them, and matches a direction added mid-year', async () => {
    const revised = MIDLOTHIAN_PAPER.replace(
      'must explore opportunities',
      'must explore every opportunity',
    ).replace(
      /(\n- 5\.2 [^\n]*\n)/,
      '$1- 5.9 Midlothian Council must review care at home services by January 2025.\n',
    );
    const result = await run(revised, false);
    if (result.status === 'refused') throw new Error('refused');
    expect(result.diff.added.map((d) => d.ref)).toEqual([]);
    expect(result.diff.changed.map((change) => [change.before.ref, change.fields])).toEqual([
      ['5.2', ['text']],
    ]);
    expect(result.diff.kept.map((kept) => kept.direction.ref).sort()).toEqual(['5.1', '5.9']);

    expect((await direction('5.1')).deadlines.map((d) => d.asWritten)).toEqual(['by March 2025']);
    const revoked = await direction('5.2');
    expect(revoked.text).toContain('explore every opportunity');
    expect(revoked.lifecycle?.state).toBe('revoked');
    expect((await direction('5.9')).text).toBe(
      'Midlothian Council must review the current design of care at home services.',
    );
    const all = await data.store.listDirections('midlothian', '2023-24');
    expect(all.filter((d) => d.ref === '5.9')).toHaveLength(1);
    const due = await data.store.listDue('midlothian', '2023-24', { to: '2026-12-31' });
    expect(due.map((entry) => entry.ref)).not.toContain('5.2');
    expect(due.find((entry) => entry.ref === '5.1')?.dueDate).toBe('2025-03-31');
  });
});
