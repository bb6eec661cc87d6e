import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUpdateStore } from '../../../src/store/update-store';
import { visibleText } from '../../support/harness';
import { PEOPLE, startUpdatesWorld, type UpdatesWorld } from '../../support/updates-world';

let world: UpdatesWorld;
beforeEach(async () => {
  world = await startUpdatesWorld(new Date('2024-12-02T10:00:00Z'));
});
afterEach(() => world.close());

describe('a summary a crash left behind', () => {
  it('is healed by the sweep: the direction shows the true latest update', async () => {
    // Prepare: one update saved the normal way, then a later one whose summary write never
    // happened (the process died between the two writes, taking its queued jobs with it).
    await world.harness.command('update 5.1 on track: dashboard live in 3 services', { userId: PEOPLE.lead });
    await world.harness.server.drain();
    await createUpdateStore(world.harness.db, world.harness.tableName).create({
      id: 'crashed-1',
      ijbId: 'midlothian',
      planYear: '2023-24',
      ref: '5.1',
      at: '2024-12-02T10:05:00.000Z',
      by: PEOPLE.lead,
      via: 'line',
      revision: 1,
      status: 'at-risk',
      text: 'the Council dataset is incomplete',
      evidence: [],
    });
    expect((await world.direction('5.1')).latestUpdate?.text).toBe('dashboard live in 3 services');
    // Act
    await world.harness.server.sweep();
    // Assess
    const direction = await world.direction('5.1');
    expect(direction.latestUpdate?.text).toBe('the Council dataset is incomplete');
    expect(direction.status).toBe('at-risk');
    const card = visibleText((await world.harness.command('5.1', { userId: PEOPLE.lead })).body);
    expect(card).toContain('the Council dataset is incomplete');
    // Nothing is left marked: a second sweep has nothing to do.
    expect(await createUpdateStore(world.harness.db, world.harness.tableName).listUnsummarised(10)).toEqual(
      [],
    );
  });
});
