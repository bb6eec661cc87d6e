import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordingPoster } from '../../src/nudges/slack/posting';
import { runNudges } from '../../src/nudges/slack/run';
import { seedRegister } from '../../src/register/seed';
import { startTestDynamo } from '../support/harness';
import { editDirection, nudgeDeps, subscribe } from '../support/nudges';

let data: Awaited<ReturnType<typeof startTestDynamo>>;
beforeEach(async () => {
  data = await startTestDynamo();
  await seedRegister(data.store, new Date('2023-04-01T09:00:00Z'));
  await subscribe(data, 'C0ALL');
});
afterEach(() => data.close());

describe('a nudge plan for a past day', () => {
  it('counts only what was known that day: updates made later do not quiet its reminders', async () => {
    // Prepare: every January 2024 deadline updated in January, after the festive break.
    const january = await data.store.listDue('midlothian', '2023-24', {
      from: '2024-01-01',
      to: '2024-01-31',
    });
    const refs = [...new Set(january.map((entry) => entry.ref))];
    expect(refs).toHaveLength(16);
    for (const ref of refs) {
      await editDirection(data, ref, {
        status: 'on-track',
        latestUpdate: {
          at: '2024-01-10T10:00:00.000Z',
          by: 'U0LEAD',
          status: 'on-track',
          text: 'Later news',
        },
      });
    }
    // Act: the dry run for Friday 22 December 2023, the last working day before the break.
    const poster = recordingPoster();
    const report = await runNudges(
      nudgeDeps(data, { poster, clock: () => new Date('2024-02-01T09:00:00Z') }),
      {
        day: '2023-12-22',
        dryRun: true,
      },
    );
    // Assess: all 16 before-the-break reminders, none with a negative age.
    const reminded = report.digests.flatMap((digest) => digest.items.map((item) => item.ref));
    expect([...new Set(reminded)].sort()).toEqual([...refs].sort());
    expect(poster.posted).toEqual([]);
    expect(JSON.stringify(report)).not.toMatch(/"updateAgeDays":-/);
  });
});
