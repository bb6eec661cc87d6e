import { describe, expect, it } from 'vitest';
import { scottishCalendar } from '../../src/domain/calendar';
import {
  type Deadline,
  describeDeadline,
  describeStanding,
  dueDateOf,
  spanEnd,
  standingOf,
} from '../../src/domain/deadline';
import { londonDay } from '../../src/domain/local-date';
import { normalisePlanYear, PlanYearSchema, planYearOf } from '../../src/domain/plan-year';

const calendar = scottishCalendar();
const january2025: Deadline = { kind: 'month', year: 2025, month: 1, asWritten: 'by January 2025' };

describe('deadlines', () => {
  it('reads "by January 2025" as the end of that month by default', () => {
    expect(dueDateOf(january2025, 'end-of-month', calendar)).toBe('2025-01-31');
  });

  it('follows the IJB’s setting when it says otherwise', () => {
    expect(dueDateOf(january2025, 'start-of-month', calendar)).toBe('2025-01-01');
    // August 2026 ends on a Monday; May 2026 ends on a Sunday → Friday 29 May.
    const may: Deadline = { kind: 'month', year: 2026, month: 5, asWritten: 'by May 2026' };
    expect(dueDateOf(may, 'last-working-day', calendar)).toBe('2026-05-29');
  });

  it('handles February in leap years', () => {
    const february: Deadline = { kind: 'month', year: 2024, month: 2, asWritten: 'by February 2024' };
    expect(dueDateOf(february, 'end-of-month', calendar)).toBe('2024-02-29');
  });

  it('gives a run of plan years no due day, but says when it runs to', () => {
    const span: Deadline = {
      kind: 'years',
      planYears: ['2023-24', '2024-25', '2025-26'],
      asWritten: 'in 2023-24, 2024-25, and 2025-26',
    };
    expect(dueDateOf(span, 'end-of-month', calendar)).toBeUndefined();
    expect(spanEnd(span)).toBe('2026-03-31');
    expect(describeDeadline(span, undefined)).toBe(
      'in 2023-24, 2024-25, and 2025-26 (runs to Tue 31 Mar 2026)',
    );
  });

  it('shows the words of the paper first, then the date they mean', () => {
    expect(describeDeadline(january2025, '2025-01-31')).toBe('by January 2025 (Fri 31 Jan 2025)');
  });

  it('counts working days left, skipping the festive break', () => {
    // From Fri 20 Dec 2024 to Fri 31 Jan 2025: 23, 24, 27, 30, 31 Dec + 3..31 Jan less 1, 2 Jan.
    const standing = standingOf('2025-01-31', '2024-12-20', calendar);
    expect(standing).toEqual({ kind: 'due', workingDaysLeft: 26 });
    expect(describeStanding(standing)).toBe('26 working days left');
  });

  it('says due today on the day, and overdue by working days after it', () => {
    expect(standingOf('2025-01-31', '2025-01-31', calendar)).toEqual({ kind: 'due-today' });
    expect(standingOf('2025-01-31', '2025-02-03', calendar)).toEqual({ kind: 'overdue', workingDaysOver: 1 });
    expect(describeStanding({ kind: 'overdue', workingDaysOver: 1 })).toBe('overdue by 1 working day');
    // The weekend straight after a Friday deadline: overdue, but no working day lost yet.
    expect(describeStanding(standingOf('2025-01-31', '2025-02-01', calendar))).toBe('overdue');
  });
});

describe('time in Scotland', () => {
  it('takes the day from Europe/London, across the spring clock change', () => {
    // 31 Mar 2024: clocks went forward at 01:00 UTC. 23:30 UTC on the 31st is 00:30 BST on 1 April.
    expect(londonDay(new Date('2024-03-31T00:30:00Z'))).toBe('2024-03-31');
    expect(londonDay(new Date('2024-03-31T23:30:00Z'))).toBe('2024-04-01');
  });

  it('takes the day from Europe/London, across the autumn clock change', () => {
    // 27 Oct 2024: clocks went back at 01:00 UTC. 23:30 UTC on the 26th is 00:30 BST on the 27th.
    expect(londonDay(new Date('2024-10-26T23:30:00Z'))).toBe('2024-10-27');
    expect(londonDay(new Date('2024-10-27T23:30:00Z'))).toBe('2024-10-27');
  });

  it('in winter, London is UTC', () => {
    expect(londonDay(new Date('2025-01-31T23:59:59Z'))).toBe('2025-01-31');
  });
});

describe('plan years', () => {
  it('accepts the ways papers write a financial year', () => {
    expect(normalisePlanYear('2023-24')).toBe('2023-24');
    expect(normalisePlanYear('2023/24')).toBe('2023-24');
    expect(normalisePlanYear('2023-2024')).toBe('2023-24');
    expect(normalisePlanYear('2099-00')).toBe('2099-00');
    expect(normalisePlanYear('2023-25')).toBeUndefined();
    expect(normalisePlanYear('5.1')).toBeUndefined();
  });

  it('validates and derives plan years from dates', () => {
    expect(PlanYearSchema.safeParse('2023-24').success).toBe(true);
    expect(PlanYearSchema.safeParse('2023-23').success).toBe(false);
    expect(planYearOf('2024-03-31')).toBe('2023-24');
    expect(planYearOf('2024-04-01')).toBe('2024-25');
  });
});
