import { describe, expect, it } from 'vitest';
import type { Direction } from '../../src/domain/direction';
import type { HistoryEvent, ProgressUpdate, UpdateStatus } from '../../src/domain/progress-update';
import { fromHistory, withUpdate } from '../../src/updates/summary';

const base: Direction = {
  ijbId: 'midlothian',
  planYear: '2023-24',
  ref: '5.1',
  theme: { name: 'Health Inequalities' },
  text: 'Data by HSCP area',
  issuedTo: ['health-board'],
  deadlines: [],
  status: 'not-reported',
  leads: [],
  version: 1,
};

function update(
  id: string,
  minute: number,
  status: UpdateStatus,
  extra: Partial<ProgressUpdate> = {},
): ProgressUpdate {
  return {
    id,
    ijbId: 'midlothian',
    planYear: '2023-24',
    ref: '5.1',
    at: new Date(Date.UTC(2024, 11, 2, 10, minute)).toISOString(),
    by: 'U1',
    status,
    text: `update ${id}`,
    evidence: [],
    via: 'line',
    revision: 1,
    ...extra,
  };
}

/** Applies updates one by one as the careful path does, in the order given. */
function landInOrder(updates: ProgressUpdate[]): Direction {
  let direction = base;
  for (const next of updates) {
    const summary = withUpdate(direction, next);
    if (summary)
      direction = {
        ...direction,
        status: summary.status,
        statusEvent: summary.statusEvent,
        latestUpdate: summary.latestUpdate,
        version: direction.version + 1,
      };
  }
  return direction;
}

describe('the direction’s summary', () => {
  it('is the newest update’s, whatever order the updates land in', () => {
    const statuses: UpdateStatus[] = ['on-track', 'at-risk', 'off-track', 'not-started'];
    const updates = Array.from({ length: 30 }, (_, index) =>
      update(`u${String(index).padStart(2, '0')}`, index, statuses[index % 4] as UpdateStatus),
    );
    const newest = updates.at(-1) as ProgressUpdate;
    for (let round = 0; round < 50; round++) {
      const shuffled = [...updates].sort(() => Math.random() - 0.5);
      const direction = landInOrder(shuffled);
      expect(direction.latestUpdate?.id).toBe(newest.id);
      expect(direction.status).toBe(newest.status);
    }
  });

  it('shows a proposal as the latest update without changing the status', () => {
    const direction = landInOrder([
      update('a', 1, 'on-track'),
      update('b', 2, 'achieved', { signOff: { state: 'pending' } }),
    ]);
    expect(direction.status).toBe('on-track');
    expect(direction.latestUpdate).toMatchObject({
      id: 'b',
      status: 'on-track',
      proposal: 'achieved',
      signOff: 'pending',
    });
  });

  it('takes a late-landing older status update into the status only if nothing newer set it', () => {
    const direction = landInOrder([
      update('b', 2, 'achieved', { signOff: { state: 'pending' } }),
      update('a', 1, 'at-risk'),
    ]);
    expect(direction.status).toBe('at-risk');
    expect(direction.latestUpdate?.id).toBe('b');
  });

  it('is rebuilt from the history when an update is withdrawn or a proposal approved', () => {
    const a = update('a', 1, 'on-track');
    const b = update('b', 2, 'off-track', { withdrawn: { at: '2024-12-02T10:05:00.000Z', by: 'U1' } });
    const c = update('c', 3, 'achieved', {
      signOff: { state: 'approved', by: 'U9', at: '2024-12-02T11:00:00.000Z' },
    });
    const events: HistoryEvent[] = [
      { kind: 'update', update: c },
      { kind: 'update', update: b },
      { kind: 'update', update: a },
    ];
    expect(fromHistory(events)).toMatchObject({
      status: 'on-track',
      latestUpdate: { id: 'c', proposal: 'achieved', signOff: 'approved' },
    });
    const approval: HistoryEvent = {
      kind: 'decision',
      decision: {
        updateId: 'c',
        ijbId: 'midlothian',
        planYear: '2023-24',
        ref: '5.1',
        at: '2024-12-02T11:00:00.000Z',
        by: 'U9',
        proposal: 'achieved',
        outcome: 'approved',
        proposedBy: 'U1',
      },
    };
    expect(fromHistory(events, [approval])).toMatchObject({
      status: 'achieved',
      latestUpdate: { id: 'c', status: 'achieved' },
    });
    expect(fromHistory([])).toEqual({
      status: 'not-reported',
      latestUpdate: undefined,
      statusEvent: undefined,
    });
  });
});
