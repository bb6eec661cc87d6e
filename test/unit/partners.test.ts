import { describe, expect, it } from 'vitest';
import type { Direction } from '../../src/domain/direction';
import type { Ijb } from '../../src/domain/ijb';
import {
  mustAskBody,
  overallStatus,
  recipientFromWords,
  STATUS_SEVERITY,
  worseOf,
} from '../../src/domain/partners';
import type { HistoryEvent, ProgressUpdate, UpdateStatus } from '../../src/domain/progress-update';
import { fromHistory, withUpdate } from '../../src/updates/summary';

const both: Direction = {
  ijbId: 'midlothian',
  planYear: '2023-24',
  ref: '5.1',
  theme: { name: 'Health Inequalities' },
  text: 'Data by HSCP area',
  issuedTo: ['health-board', 'council'],
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

const midlothian = { healthBoard: 'NHS Lothian', council: 'Midlothian Council' } as Pick<
  Ijb,
  'healthBoard' | 'council'
>;

describe('the worse of two partners', () => {
  it('orders statuses as a board reads them: off track, at risk, silence, not started, on track, achieved, retired', () => {
    expect(STATUS_SEVERITY).toEqual([
      'off-track',
      'at-risk',
      'not-reported',
      'not-started',
      'on-track',
      'achieved',
      'retired',
    ]);
    expect(worseOf('on-track', 'at-risk')).toBe('at-risk');
    expect(worseOf('achieved', 'on-track')).toBe('on-track');
    expect(worseOf('not-started', 'not-reported')).toBe('not-reported');
  });

  it('is achieved only when both bodies are', () => {
    const at = { event: 'e', at: 'a' };
    expect(overallStatus(both.issuedTo, { 'health-board': { status: 'achieved', ...at } })).toBe(
      'not-reported',
    );
    expect(
      overallStatus(both.issuedTo, {
        'health-board': { status: 'achieved', ...at },
        council: { status: 'achieved', ...at },
      }),
    ).toBe('achieved');
  });

  it('reads a body as people name it', () => {
    expect(recipientFromWords(midlothian, 'NHS Lothian')).toBe('health-board');
    expect(recipientFromWords(midlothian, 'the health board')).toBe('health-board');
    expect(recipientFromWords(midlothian, 'midlothian council')).toBe('council');
    expect(recipientFromWords(midlothian, 'Council')).toBe('council');
    expect(recipientFromWords(midlothian, 'Fife Council')).toBeUndefined();
  });

  it('asks on whose behalf only for two bodies and no known lead body', () => {
    expect(mustAskBody(both, 'U1')).toBe(true);
    expect(mustAskBody({ ...both, leadBodies: { U1: 'council' } }, 'U1')).toBe(false);
    expect(mustAskBody({ ...both, issuedTo: ['council'] }, 'U1')).toBe(false);
  });
});

describe('the summary per partner', () => {
  it('keeps each body’s status and the worse as the direction’s; an older update landing late changes nothing', () => {
    const council = withUpdate(both, update('b', 2, 'off-track', { body: 'council' }));
    expect(council).toMatchObject({ status: 'off-track', bodies: { council: { status: 'off-track' } } });
    const after = { ...both, ...council, latestUpdate: council?.latestUpdate } as Direction;
    const late = withUpdate(after, update('a', 1, 'on-track', { body: 'council' }));
    expect(late?.bodies?.council?.status ?? 'off-track').toBe('off-track');
    const nhs = withUpdate(after, update('c', 3, 'on-track', { body: 'health-board' }));
    expect(nhs).toMatchObject({ status: 'off-track', bodies: { 'health-board': { status: 'on-track' } } });
  });

  it('counts an update without a body for the whole direction', () => {
    const whole = withUpdate(
      {
        ...both,
        bodies: {
          council: { status: 'at-risk', event: '2024-12-02T09:00:00.000Z#z', at: '2024-12-02T09:00:00.000Z' },
        },
      },
      update('d', 4, 'on-track'),
    );
    expect(whole?.bodies?.council?.status).toBe('on-track');
    expect(whole?.bodies?.['health-board']?.status).toBe('on-track');
    expect(whole?.status).toBe('on-track');
  });

  it('applies a sign-off to the body its proposal was made for', () => {
    const proposal = update('p', 5, 'achieved', { body: 'council', evidence: ['https://example.org/x'] });
    const events: HistoryEvent[] = [
      {
        kind: 'decision',
        decision: {
          updateId: 'p',
          ijbId: 'midlothian',
          planYear: '2023-24',
          ref: '5.1',
          at: new Date(Date.UTC(2024, 11, 2, 11)).toISOString(),
          by: 'ADMIN',
          proposal: 'achieved',
          outcome: 'approved',
          proposedBy: 'U1',
          body: 'council',
        },
      },
      { kind: 'update', update: proposal },
      { kind: 'update', update: update('n', 1, 'on-track', { body: 'health-board' }) },
    ];
    const summary = fromHistory(events, [], both);
    expect(summary.bodies?.council?.status).toBe('achieved');
    expect(summary.bodies?.['health-board']?.status).toBe('on-track');
    expect(summary.status).toBe('on-track');
    // Without the direction (a body never named), the old whole-direction rules hold.
    expect(fromHistory(events).status).toBe('achieved');
  });
});
