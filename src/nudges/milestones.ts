import type { WorkingCalendar } from '../domain/calendar';
import type { NudgePolicy } from '../domain/ijb';
import { addDays, daysBetween, type LocalDate } from '../domain/local-date';

/**
 * The moments a deadline is worth a reminder: so many working days before it, the last
 * working day before Christmas when it falls due by the end of January, its due day, then
 * every week while it is overdue. Each has an id that is stable for the deadline, so a
 * reminder is recorded — and sent — once.
 */
export type MilestoneKind = 'before' | 'festive' | 'due' | 'overdue' | 'escalation';

export interface Milestone {
  /** 'before-30', 'festive', 'due', 'overdue-2', 'escalation-1': unique per deadline. */
  id: string;
  kind: MilestoneKind;
  /** The working day it is due to be sent. */
  day: LocalDate;
}

/**
 * A reminder missed by a run (the run failed, Slack was down, the schedule slipped) is still
 * sent by the runs of the next two working days, unless a newer one has taken its place; after
 * that it is stale news.
 */
export const CATCH_UP_WORKING_DAYS = 2;

/** When two reminders fall on one day, the one that says most wins. */
const RANK: Record<MilestoneKind, number> = { overdue: 0, before: 1, festive: 2, due: 3, escalation: 4 };

/** The last working day before Christmas Day of `year`. */
export function festiveDay(year: number, calendar: WorkingCalendar): LocalDate {
  return calendar.onOrBefore(`${year}-12-24`);
}

/**
 * The reminders that do not depend on today: before the deadline, before the break, on the
 * due day. A due day that is not a working day is reminded on the working day before it, and
 * "N working days before" counts back from there, so the reminder says "N working days left".
 */
export function fixedMilestones(due: LocalDate, policy: NudgePolicy, calendar: WorkingCalendar): Milestone[] {
  const lastWorkingDay = calendar.onOrBefore(due);
  const milestones: Milestone[] = policy.workingDaysBefore.map((count) => ({
    id: `before-${count}`,
    kind: 'before',
    day: calendar.addWorkingDays(lastWorkingDay, -count),
  }));
  if (policy.festiveBreak) {
    const month = Number(due.slice(5, 7));
    const year = Number(due.slice(0, 4));
    const breakYear = month === 1 ? year - 1 : month === 12 ? year : undefined;
    if (breakYear !== undefined) {
      const day = festiveDay(breakYear, calendar);
      if (due > day && due <= `${breakYear + 1}-01-31`)
        milestones.push({ id: 'festive', kind: 'festive', day });
    }
  }
  milestones.push({ id: 'due', kind: 'due', day: lastWorkingDay });
  return milestones;
}

/** The weekly overdue reminders that could be the latest by `today`. */
function overdueMilestones(
  due: LocalDate,
  today: LocalDate,
  policy: NudgePolicy,
  calendar: WorkingCalendar,
): Milestone[] {
  if (today <= due) return [];
  const lastWorkingDay = calendar.onOrBefore(due);
  const passed = Math.floor(daysBetween(due, today) / policy.overdueEveryDays);
  const milestones: Milestone[] = [];
  // The next one may have moved back onto today when its own day is not a working day.
  for (const week of [passed, passed + 1]) {
    if (week < 1) continue;
    const day = calendar.onOrBefore(addDays(due, week * policy.overdueEveryDays));
    if (day > lastWorkingDay) milestones.push({ id: `overdue-${week}`, kind: 'overdue', day });
  }
  return milestones;
}

/**
 * The reminder a deadline is owed today, if any: the latest milestone on or before today,
 * provided it is no more than {@link CATCH_UP_WORKING_DAYS} working days old.
 */
export function pendingReminder(
  due: LocalDate,
  today: LocalDate,
  policy: NudgePolicy,
  calendar: WorkingCalendar,
  fixed: readonly Milestone[] = fixedMilestones(due, policy, calendar),
): Milestone | undefined {
  const reached = [...fixed, ...overdueMilestones(due, today, policy, calendar)].filter(
    (milestone) => milestone.day <= today,
  );
  const latest = reached.sort(byDayThenRank).at(-1);
  if (!latest) return undefined;
  return calendar.workingDaysBetween(latest.day, today) <= CATCH_UP_WORKING_DAYS ? latest : undefined;
}

function byDayThenRank(a: Milestone, b: Milestone): number {
  return a.day === b.day ? RANK[a.kind] - RANK[b.kind] : a.day < b.day ? -1 : 1;
}

/** The first day a deadline can be escalated: overdue by the policy's working days. */
export function escalationStart(due: LocalDate, policy: NudgePolicy, calendar: WorkingCalendar): LocalDate {
  return calendar.addWorkingDays(calendar.onOrBefore(due), policy.escalateAfterWorkingDays);
}

/**
 * An escalation owed today: overdue and silent (no update) for the policy's working days.
 * Escalations come at most once in each fortnight counted from the first day one could be
 * made, so the id names the fortnight.
 */
export function pendingEscalation(
  due: LocalDate,
  today: LocalDate,
  lastUpdateDay: LocalDate | undefined,
  policy: NudgePolicy,
  calendar: WorkingCalendar,
): Milestone | undefined {
  const start = escalationStart(due, policy, calendar);
  if (today < start) return undefined;
  if (lastUpdateDay && calendar.workingDaysBetween(lastUpdateDay, today) < policy.escalateAfterWorkingDays) {
    return undefined;
  }
  const fortnight = Math.floor(daysBetween(start, today) / policy.escalateEveryDays) + 1;
  return { id: `escalation-${fortnight}`, kind: 'escalation', day: today };
}

/**
 * The latest due day whose reminders can fall on `today` or the catch-up days before it: the
 * far end of the due-date index read. Overdue deadlines are all read (weekly reminders).
 */
export function horizonEnd(today: LocalDate, policy: NudgePolicy, calendar: WorkingCalendar): LocalDate {
  const furthest = Math.max(0, ...policy.workingDaysBefore);
  // A due day that is not a working day is counted from the working day before it.
  let end = addDays(calendar.addWorkingDays(today, furthest + 1), -1);
  if (policy.festiveBreak) {
    const year = Number(today.slice(0, 4));
    for (const breakYear of [year - 1, year]) {
      const day = festiveDay(breakYear, calendar);
      const caughtUpBy = calendar.addWorkingDays(day, CATCH_UP_WORKING_DAYS);
      const januaryEnd = `${breakYear + 1}-01-31`;
      if (day <= today && today <= caughtUpBy && januaryEnd > end) end = januaryEnd;
    }
  }
  return end;
}
