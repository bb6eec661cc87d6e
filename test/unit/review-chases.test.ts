import { describe, expect, it } from 'vitest';
import { scottishCalendar } from '../../src/domain/calendar';
import type { Direction } from '../../src/domain/direction';
import type { ReviewRound } from '../../src/domain/review-round';
import { chaseDays, inFestiveBreak, isSlackRecipient, owedReturns } from '../../src/review/chases';

const calendar = scottishCalendar();
const festive = { festiveBreak: true };

describe('review chases', () => {
  it('chases at 5 and 2 working days before the close and on the close day', () => {
    const round = { closes: '2023-12-15', openedAt: '2023-11-27T10:00:00Z' };
    // Fri 15 Dec: 5 working days back is Fri 8 Dec, 2 back is Wed 13 Dec.
    expect(chaseDays(round, calendar, festive)).toEqual(['2023-12-08', '2023-12-13', '2023-12-15']);
  });

  it('counts over weekends and bank holidays, and chases a weekend close on the working day before', () => {
    // Closes Sun 3 Dec 2023: chased Fri 1 Dec, and St Andrew's Day (Thu 30 Nov) is not counted.
    const round = { closes: '2023-12-03', openedAt: '2023-11-01T10:00:00Z' };
    expect(chaseDays(round, calendar, festive)).toEqual(['2023-11-23', '2023-11-28', '2023-12-01']);
  });

  it('never chases in the festive break: those chases go on the last working day before Christmas', () => {
    const round = { closes: '2023-12-29', openedAt: '2023-11-27T10:00:00Z' };
    // 5 working days before Fri 29 Dec is Wed 20 Dec; 2 before (Wed 27 Dec) and the close day
    // fall in the break, so both go on Fri 22 Dec, once.
    const days = chaseDays(round, calendar, festive);
    expect(days).toEqual(['2023-12-20', '2023-12-22']);
    expect(days.some(inFestiveBreak)).toBe(false);
    // An IJB that turned the festive rule off is chased on the working days as they are.
    expect(chaseDays(round, calendar, { festiveBreak: false })).toEqual([
      '2023-12-20',
      '2023-12-27',
      '2023-12-29',
    ]);
  });

  it('sends no chase on or before the day the round opened (the ask went that day)', () => {
    const round = { closes: '2023-12-15', openedAt: '2023-12-13T09:00:00Z' };
    expect(chaseDays(round, calendar, festive)).toEqual(['2023-12-15']);
  });

  it('owes a return to each lead who has not answered nor declined, else the team channel', () => {
    const round = { ijbId: 'midlothian', id: 'r', openedAt: '2023-11-27T10:00:00Z' } as ReviewRound;
    const direction = (ref: string, leads: string[], channel?: string, updatedAt?: string) =>
      ({
        ref,
        issuedTo: ['health-board'],
        leads,
        ...(channel ? { channel } : {}),
        ...(updatedAt ? { latestUpdate: { at: updatedAt } } : {}),
      }) as unknown as Direction;
    const owed = owedReturns(
      round,
      [
        direction('1.1', ['U1']),
        direction('2.1', ['U1', 'U2'], 'C1'),
        direction('3.1', [], 'C2'),
        direction('4.1', ['U3'], undefined, '2023-11-28T10:00:00Z'),
        direction('5.1', ['U2'], 'C3'),
        direction('6.1', ['U4']),
      ],
      [
        { ijbId: 'midlothian', roundId: 'r', ref: '5.1', by: 'U2', reason: 'not ours', at: '' },
        { ijbId: 'midlothian', roundId: 'r', ref: '6.1', by: 'U4', reason: 'not ours', at: '' },
      ],
    );
    const refs = Object.fromEntries([...owed].map(([to, items]) => [to, items.map((i) => i.direction.ref)]));
    expect(refs).toEqual({ U1: ['1.1', '2.1'], U2: ['2.1'], C2: ['3.1'], C3: ['5.1'] });
  });

  it('owes nothing to a lead whose body has returned, while the other body still owes', () => {
    const round = { ijbId: 'midlothian', id: 'r', openedAt: '2023-11-27T10:00:00Z' } as ReviewRound;
    const both = {
      ref: '7.1',
      issuedTo: ['health-board', 'council'],
      leads: ['U5', 'U6'],
      leadBodies: { U5: 'council', U6: 'health-board' },
      bodies: { council: { status: 'on-track', at: '2023-11-28T10:00:00Z' } },
      latestUpdate: { at: '2023-11-28T10:00:00Z' },
    } as unknown as Direction;
    const owed = owedReturns(round, [both], []);
    expect([...owed.keys()]).toEqual(['U6']);
  });

  it('reaches Slack users and channels only (a Teams lead is not DMed through Slack)', () => {
    expect(
      ['U0LEAD001', 'C0DATATEAM', 'aad:0b7e4e2a-1111-2222-3333-444455556666'].map(isSlackRecipient),
    ).toEqual([true, true, false]);
  });
});
