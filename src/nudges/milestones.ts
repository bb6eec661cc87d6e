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
 * A run catches up on reminders that fell since the last run that finished (a failed run, a
 * schedule that slipped), but no further back than two working days: after that a reminder
 * is stale news, and a newer one will come.
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
 * The reminder a deadline is owed by a run for `today` that covers the days from `since`: the
 * latest milestone on or before today, if it fell on or after `since`. Only the latest: a
 * run that catches up sends "5 working days left", not that and "10 working days left".
 */
export function pendingReminder(
  due: LocalDate,
  today: LocalDate,
  policy: NudgePolicy,
  calendar: WorkingCalendar,
  since: LocalDate = today,
  fixed: readonly Milestone[] = fixedMilestones(due, policy, calendar),
): Milestone | undefined {
  const reached = [...fixed, ...overdueMilestones(due, today, policy, calendar)].filter(
    (milestone) => milestone.day <= today,
  );
  const latest = reached.sort(byDayThenRank).at(-1);
  return latest && latest.day >= since ? latest : undefined;
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
 * Whether a run covering `since`…`today` should look at a deadline for escalation without
 * another reason to read it: when one of its escalation fortnights opened in those days. (It
 * is also looked at on each weekly overdue reminder, so a direction that falls silent in
 * mid-fortnight is escalated within a week.) This keeps the daily reads to what is due.
 */
export function escalationFortnightOpened(
  due: LocalDate,
  since: LocalDate,
  today: LocalDate,
  policy: NudgePolicy,
  calendar: WorkingCalendar,
): boolean {
  const start = escalationStart(due, policy, calendar);
  if (today < start) return false;
  const opened = addDays(
    start,
    Math.floor(daysBetween(start, today) / policy.escalateEveryDays) * policy.escalateEveryDays,
  );
  const firstWorkingDay = calendar.isWorkingDay(opened) ? opened : calendar.addWorkingDays(opened, 1);
  return firstWorkingDay >= since && firstWorkingDay <= today;
}

/** The kind of a milestone, from its id ('before-30' → before), for records read back. */
export function milestoneFromId(id: string, day: LocalDate): Milestone | undefined {
  const kind = id.split('-')[0] as MilestoneKind;
  return kind in RANK ? { id, kind, day } : undefined;
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
