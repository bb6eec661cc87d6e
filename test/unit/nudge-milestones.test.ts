import { describe, expect, it } from 'vitest';
import { scottishCalendar } from '../../src/domain/calendar';
import { DEFAULT_NUDGE_POLICY, type NudgePolicy, nudgePolicyOf } from '../../src/domain/ijb';
import { addDays } from '../../src/domain/local-date';
import {
  escalationFortnightOpened,
  festiveDay,
  fixedMilestones,
  horizonEnd,
  pendingEscalation,
  pendingReminder,
} from '../../src/nudges/milestones';

const calendar = scottishCalendar();
const policy = DEFAULT_NUDGE_POLICY;

/** Every reminder a deadline gets when the run happens each working day between two dates. */
function remindersBetween(due: string, from: string, to: string, using: NudgePolicy = policy) {
  const sent: Record<string, string> = {};
  for (let day = from; day <= to; day = addDays(day, 1)) {
    if (!calendar.isWorkingDay(day)) continue;
    const milestone = pendingReminder(due, day, using, calendar);
    if (milestone && !(milestone.id in sent)) sent[milestone.id] = day;
  }
  return sent;
}

describe('nudge milestones', () => {
  it('reminds 60, 30, 10 and 5 working days before, on the due day, then weekly while overdue', () => {
    expect(remindersBetween('2024-01-31', '2023-09-01', '2024-02-29')).toEqual({
      'before-60': '2023-11-01',
      'before-30': '2023-12-14',
      festive: '2023-12-22',
      'before-10': '2024-01-17',
      'before-5': '2024-01-24',
      due: '2024-01-31',
      'overdue-1': '2024-02-07',
      'overdue-2': '2024-02-14',
      'overdue-3': '2024-02-21',
      'overdue-4': '2024-02-28',
    });
  });

  it('counts working days over the festive break, so "10 working days before" skips the holidays', () => {
    expect(calendar.workingDaysBetween('2024-01-17', '2024-01-31')).toBe(10);
    expect(calendar.workingDaysBetween('2023-12-14', '2024-01-31')).toBe(30);
  });

  it('moves a due day at the weekend to the working day before it, and counts back from there', () => {
    // 31 Jan 2026 is a Saturday.
    const days = Object.fromEntries(
      fixedMilestones('2026-01-31', policy, calendar).map((milestone) => [milestone.id, milestone.day]),
    );
    expect(days.due).toBe('2026-01-30');
    expect(calendar.workingDaysBetween(days['before-5'] as string, '2026-01-30')).toBe(5);
  });

  it('carries a before-the-break reminder on the last working day before Christmas', () => {
    expect(festiveDay(2023, calendar)).toBe('2023-12-22'); // 24 Dec 2023 was a Sunday
    expect(festiveDay(2024, calendar)).toBe('2024-12-24');
    for (const due of ['2023-12-29', '2024-01-03', '2024-01-31']) {
      expect(fixedMilestones(due, policy, calendar).find((m) => m.kind === 'festive')?.day, due).toBe(
        '2023-12-22',
      );
    }
    expect(fixedMilestones('2024-02-01', policy, calendar).some((m) => m.kind === 'festive')).toBe(false);
    const without = { ...policy, festiveBreak: false };
    expect(fixedMilestones('2024-01-31', without, calendar).some((m) => m.kind === 'festive')).toBe(false);
  });

  it('moves a weekly overdue reminder that lands on a holiday to the working day before', () => {
    // Due Mon 18 Dec 2023: a week on is Mon 25 Dec, so Fri 22 Dec; two weeks on is Mon 1 Jan, so Fri 29 Dec.
    const sent = remindersBetween('2023-12-18', '2023-12-18', '2024-01-10');
    expect(sent['overdue-1']).toBe('2023-12-22');
    expect(sent['overdue-2']).toBe('2023-12-29');
  });

  it('never lands on a weekend or a Scottish bank holiday', () => {
    for (let due = '2023-04-01'; due <= '2025-03-31'; due = addDays(due, 3)) {
      for (const milestone of fixedMilestones(due, policy, calendar)) {
        expect(calendar.isWorkingDay(milestone.day), `${due} ${milestone.id} ${milestone.day}`).toBe(true);
      }
    }
  });

  it('owes a run that covers several days only the latest reminder among them', () => {
    expect(pendingReminder('2024-01-31', '2024-01-17', policy, calendar)?.id).toBe('before-10');
    expect(pendingReminder('2024-01-31', '2024-01-18', policy, calendar)).toBeUndefined();
    expect(pendingReminder('2024-01-31', '2024-01-18', policy, calendar, '2024-01-17')?.id).toBe('before-10');
    expect(pendingReminder('2024-01-31', '2024-01-24', policy, calendar, '2024-01-16')?.id).toBe('before-5');
  });

  it('follows an IJB’s own policy where it sets one', () => {
    const own = nudgePolicyOf({
      settings: { monthDeadlineRule: 'end-of-month', closures: [], nudges: { workingDaysBefore: [20] } },
    });
    expect(own.quietDays).toBe(14);
    const sent = remindersBetween('2024-01-31', '2023-09-01', '2024-01-31', own);
    expect(sent).toEqual({ festive: '2023-12-22', 'before-20': '2024-01-03', due: '2024-01-31' });
  });

  it('reads the index as far as the furthest reminder, and to the end of January at the break', () => {
    expect(horizonEnd('2023-06-01', policy, calendar)).toBe('2023-08-27');
    expect(horizonEnd('2023-12-22', { ...policy, workingDaysBefore: [5] }, calendar)).toBe('2024-01-31');
  });
});

describe('escalation', () => {
  it('is looked at when one of its fortnights opens', () => {
    expect(escalationFortnightOpened('2024-01-31', '2024-02-14', '2024-02-14', policy, calendar)).toBe(true);
    expect(escalationFortnightOpened('2024-01-31', '2024-02-15', '2024-02-15', policy, calendar)).toBe(false);
    expect(escalationFortnightOpened('2024-01-31', '2024-02-28', '2024-02-28', policy, calendar)).toBe(true);
    expect(escalationFortnightOpened('2024-01-31', '2024-02-27', '2024-02-29', policy, calendar)).toBe(true);
  });

  it('starts when overdue and silent for 10 working days, then once a fortnight', () => {
    expect(pendingEscalation('2024-01-31', '2024-02-13', undefined, policy, calendar)).toBeUndefined();
    expect(pendingEscalation('2024-01-31', '2024-02-14', undefined, policy, calendar)?.id).toBe(
      'escalation-1',
    );
    expect(pendingEscalation('2024-01-31', '2024-02-27', undefined, policy, calendar)?.id).toBe(
      'escalation-1',
    );
    expect(pendingEscalation('2024-01-31', '2024-02-28', undefined, policy, calendar)?.id).toBe(
      'escalation-2',
    );
  });

  it('waits while the lead has spoken within 10 working days', () => {
    expect(pendingEscalation('2024-01-31', '2024-02-20', '2024-02-12', policy, calendar)).toBeUndefined();
    expect(pendingEscalation('2024-01-31', '2024-02-26', '2024-02-12', policy, calendar)?.id).toBe(
      'escalation-1',
    );
  });
});
