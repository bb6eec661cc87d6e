import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdminDirectory } from '../../../src/access/admins';
import { loadBoardReport } from '../../../src/report';
import { createReviewService, type ReviewService } from '../../../src/review/review-service';
import { createImportStore } from '../../../src/store/import-store';
import { createReviewStore, type ReviewStore } from '../../../src/store/review-store';
import { PEOPLE, startUpdatesWorld, TEAM_CHANNEL, type UpdatesWorld } from '../../support/updates-world';

// Each test its own world: the round and the updates of one never reach another.
let world: UpdatesWorld;
let reviews: ReviewStore;
let review: ReviewService;
const IJB = 'midlothian';
const ROUND = '2024-25 mid-year';

beforeEach(async () => {
  world = await startUpdatesWorld(new Date('2024-11-25T10:00:00Z'));
  const { db, tableName, store } = world.harness;
  reviews = createReviewStore(db, tableName);
  review = createReviewService({
    store,
    reviews,
    admins: createAdminDirectory(db, tableName, [PEOPLE.admin], IJB),
    clock: () => world.now(),
  });
  await world.harness.command(`assign 5.1 <@${PEOPLE.lead}|lead> for NHS Lothian`, { userId: PEOPLE.admin });
  await world.harness.server.drain();
  const opened = await review.open({
    ijbId: IJB,
    name: ROUND,
    closes: '2024-12-13',
    refs: ['1.1', '5.1'],
    userId: PEOPLE.admin,
  });
  expect(opened.kind).toBe('done');
});
afterEach(() => world.close());

async function line(text: string, userId: string) {
  world.setNow(new Date(world.now().getTime() + 60_000));
  await world.harness.command(`update ${text}`, {
    userId,
    channelId: TEAM_CHANNEL,
    triggerId: `trigger-${Math.random()}`,
  });
  await world.harness.server.drain();
}

const report = () => {
  const imports = createImportStore(world.harness.db, world.harness.tableName);
  return loadBoardReport(
    {
      sources: { getIjb: world.harness.store.getIjb, readYear: imports.readYear },
      rounds: reviews,
      clock: () => world.now(),
    },
    { ijb: IJB, year: '2023-24', round: ROUND },
  );
};

describe('the review and the board paper, per partner', () => {
  it('counts a return per recipient body, and a direction returned only when both bodies have', async () => {
    // Act: NHS Lothian's lead returns 5.1; the council has not
    await line('5.1 at risk: DSA not signed', PEOPLE.lead);
    const status = await review.status(IJB);
    // Assess
    expect(status?.byBody).toEqual([
      { name: 'NHS Lothian', returned: 1, outstanding: 1 },
      { name: 'Midlothian Council', returned: 0, outstanding: 2 },
    ]);
    expect(status?.returned).toBe(0);
    // The NHS lead's own return is made: 5.1 is owed by nobody named (the council has no lead).
    expect(status?.owing.find((entry) => entry.lead === PEOPLE.lead)).toBeUndefined();
    expect([...(status?.owing.find((entry) => entry.lead === '')?.refs ?? [])].sort()).toEqual([
      '1.1',
      '5.1',
    ]);

    await line('5.1 for Midlothian Council on track: council data in place', PEOPLE.member);
    const after = await review.status(IJB);
    expect(after?.byBody).toContainEqual({ name: 'Midlothian Council', returned: 1, outstanding: 1 });
    expect(after?.returned).toBe(1);
  });

  it('keeps each body’s status in the close snapshot, and the paper says both where they differ', async () => {
    // Prepare
    await line('5.1 at risk: DSA not signed', PEOPLE.lead);
    await line('5.1 for Midlothian Council on track: council data in place', PEOPLE.member);
    // Act
    expect((await review.close({ ijbId: IJB, userId: PEOPLE.admin })).kind).toBe('done');
    const [entry] = (await reviews.snapshot(IJB, '2024-25-mid-year', 1)).filter((e) => e.ref === '5.1');
    // A later update changes the register, never the snapshot.
    await line('5.1 on track: DSA signed', PEOPLE.lead);
    const paper = await report();
    // Assess
    expect(entry?.bodies?.['health-board']?.status).toBe('at-risk');
    expect(entry?.bodies?.council?.status).toBe('on-track');
    expect(entry?.status).toBe('at-risk');
    const row = paper.rows.find((r) => r.ref === '5.1');
    expect(row).toMatchObject({
      outcome: 'At risk (NHS Lothian); In Process (Midlothian Council)',
      healthBoardOutcome: 'At risk',
      councilOutcome: 'In Process',
      updateBody: 'Midlothian Council',
      status: 'At risk',
    });
    const other = paper.rows.find((r) => r.ref === '1.1');
    expect(other).toMatchObject({ healthBoardOutcome: '', councilOutcome: '' });
  });
});
