import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminDirectory } from '../../../src/access/admins';
import { loadBoardReport } from '../../../src/report';
import { createReviewService, type ReviewService } from '../../../src/review/review-service';
import { createImportStore } from '../../../src/store/import-store';
import { createReviewStore, type ReviewStore } from '../../../src/store/review-store';
import { PEOPLE, startUpdatesWorld, type UpdatesWorld } from '../../support/updates-world';

let world: UpdatesWorld;
let reviews: ReviewStore;
let review: ReviewService;
const IJB = 'midlothian';
const EL = 'east-lothian';

beforeAll(async () => {
  world = await startUpdatesWorld(new Date('2023-11-27T10:00:00Z'));
  const { db, tableName, store } = world.harness;
  reviews = createReviewStore(db, tableName);
  review = createReviewService({
    store,
    reviews,
    admins: createAdminDirectory(db, tableName, [PEOPLE.admin, `east-lothian:${PEOPLE.admin}`], 'midlothian'),
    clock: () => world.now(),
  });
});
afterAll(() => world.close());

const update = async (ref: string, line: string, userId: string = PEOPLE.admin) => {
  await world.harness.command(`update ${ref} ${line}`, { userId });
  await world.harness.server.drain();
};
const report = () => {
  const imports = createImportStore(world.harness.db, world.harness.tableName);
  return loadBoardReport(
    {
      sources: { getIjb: world.harness.store.getIjb, readYear: imports.readYear },
      rounds: reviews,
      clock: () => world.now(),
    },
    { ijb: IJB, year: '2023-24', round: '2023-24 mid-year' },
  );
};

describe('a review round, from opening to the snapshot the board paper is made from', () => {
  it('opens for admins only, one round at a time, counts returns and locks them at the close', async () => {
    world.setNow(new Date('2023-11-27T10:00:00Z'));
    const ask = { ijbId: IJB, name: '2023-24 mid-year', closes: '2023-12-15', refs: ['1.1', '2.1', '5.1'] };
    expect(await review.open({ ...ask, userId: PEOPLE.stranger })).toMatchObject({ kind: 'refused' });
    const opened = await review.open({ ...ask, userId: PEOPLE.admin });
    expect(opened).toMatchObject({
      kind: 'done',
      round: { id: '2023-24-mid-year', refs: ['1.1', '2.1', '5.1'] },
    });
    const second = await review.open({ ...ask, name: 'another', userId: PEOPLE.admin });
    expect(second).toMatchObject({
      kind: 'refused',
      reason: expect.stringContaining('"2023-24 mid-year" is open'),
    });

    // Returns are ordinary updates, made while the round is open.
    world.setNow(new Date('2023-12-04T10:00:00Z'));
    await update('5.1', 'on track: data now split by HSCP area for 3 services', PEOPLE.lead);
    await update('2.1', 'at risk: community hubs delayed by the lease');
    const status = await review.status(IJB);
    expect(status).toMatchObject({ returned: 2, outstanding: 1 });
    expect(status?.owing).toEqual([{ lead: '', refs: ['1.1'] }]);
    expect(status?.byBody).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'NHS Lothian', returned: 2, outstanding: 1 })]),
    );

    // The paper of an open round is a draft.
    const draft = await report();
    expect(draft.basis).toMatchObject({ kind: 'round', state: 'open' });

    world.setNow(new Date('2023-12-15T17:00:00Z'));
    expect(await review.close({ ijbId: IJB, userId: PEOPLE.stranger })).toMatchObject({ kind: 'refused' });
    expect(await review.close({ ijbId: IJB, userId: PEOPLE.admin })).toMatchObject({
      kind: 'done',
      entries: 3,
    });
    expect(await review.close({ ijbId: IJB, userId: PEOPLE.admin })).toMatchObject({
      kind: 'refused',
      reason: 'No review round is open.',
    });
    const locked = await reviews.snapshot(IJB, '2023-24-mid-year', 1);
    expect(locked.map((entry) => [entry.ref, entry.status, entry.returned])).toEqual([
      ['1.1', 'not-reported', false],
      ['2.1', 'at-risk', true],
      ['5.1', 'on-track', true],
    ]);

    // Later updates change the register, never the snapshot or the round's paper.
    world.setNow(new Date('2024-01-10T10:00:00Z'));
    await update('5.1', 'off track: the data warehouse migration stopped the feed', PEOPLE.lead);
    expect((await world.direction('5.1')).status).toBe('off-track');
    expect(await reviews.snapshot(IJB, '2023-24-mid-year', 1)).toEqual(locked);
    const paper = await report();
    expect(paper.basis).toMatchObject({ kind: 'round', state: 'closed', name: '2023-24 mid-year' });
    expect(paper.rows.map((row) => [row.ref, row.outcome])).toEqual([
      ['1.1', 'No update yet'],
      ['2.1', 'At risk'],
      ['5.1', 'In Process'],
    ]);
    expect(paper.rows.find((row) => row.ref === '5.1')?.updateText).toContain('split by HSCP area');
    expect(paper.summary.noReturn).toBe(1);
  });

  it('finishes a close cut short without doubling or missing a direction; reopening is recorded', async () => {
    world.setNow(new Date('2024-02-01T10:00:00Z'));
    const opened = await review.open({
      ijbId: EL,
      userId: PEOPLE.admin,
      name: 'late check',
      closes: '2024-02-20',
      refs: ['D01h', 'D02f', 'D02i'],
    });
    expect(opened.kind).toBe('done');
    // A close that stopped after its first entry.
    expect(await reviews.beginClose(EL, 'late-check', '2024-02-20T17:00:00.000Z')).toBe(true);
    const first = await world.harness.store.getDirection(EL, '2019-20', 'D01h');
    if (!first) throw new Error('no D01h');
    await reviews.putSnapshotEntry(EL, 'late-check', 1, {
      ref: 'D01h',
      status: first.status,
      leads: first.leads,
      returned: false,
      takenAt: '2024-02-20T17:00:00.000Z',
    });
    expect(await review.close({ ijbId: EL, userId: PEOPLE.admin })).toMatchObject({
      kind: 'done',
      entries: 3,
    });
    const entries = await reviews.snapshot(EL, 'late-check', 1);
    expect(entries.map((entry) => entry.ref)).toEqual(['D01h', 'D02f', 'D02i']);
    expect(new Set(entries.map((entry) => entry.takenAt))).toEqual(new Set(['2024-02-20T17:00:00.000Z']));

    expect(
      await review.reopen({ ijbId: EL, userId: PEOPLE.admin, name: 'late check', why: '' }),
    ).toMatchObject({
      kind: 'refused',
    });
    const reopened = await review.reopen({
      ijbId: EL,
      userId: PEOPLE.admin,
      name: 'late check',
      why: 'NHS return arrived late',
    });
    expect(reopened.kind).toBe('done');
    const round = await reviews.get(EL, 'late-check');
    expect(round?.events.at(-1)).toMatchObject({
      kind: 'reopened',
      by: PEOPLE.admin,
      why: 'NHS return arrived late',
    });
    expect(
      await review.extend({ ijbId: EL, userId: PEOPLE.admin, closes: '2024-02-28', why: 'one more week' }),
    ).toMatchObject({
      kind: 'done',
    });
    expect(await review.close({ ijbId: EL, userId: PEOPLE.admin })).toMatchObject({ kind: 'done' });
    // The second close has its own snapshot; the first is kept as it was.
    expect(await reviews.snapshot(EL, 'late-check', 2)).toHaveLength(3);
    expect(await reviews.snapshot(EL, 'late-check', 1)).toEqual(entries);
    expect((await review.list(EL)).map((listed) => [listed.name, listed.state])).toEqual([
      ['late check', 'closed'],
    ]);
  });
});
