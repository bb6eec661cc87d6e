import type { WorkingCalendar } from '../domain/calendar';
import { type Deadline, dueDateOf, type Standing, standingOf } from '../domain/deadline';
import { type Direction, isOpen, refKey } from '../domain/direction';
import type { Ijb, NudgePolicy } from '../domain/ijb';
import { daysBetween, type LocalDate, londonDay } from '../domain/local-date';
import type { PlanYear } from '../domain/plan-year';
import { isSnoozed, type Snooze } from '../domain/snooze';
import { followsDirection, type Subscription } from '../domain/subscription';
import type { NudgeKey } from '../store/nudge-records';
import type { DueEntry } from '../store/register-store';
import {
  escalationFortnightOpened,
  type Milestone,
  milestoneFromId,
  pendingEscalation,
  pendingReminder,
} from './milestones';

/** One IJB's live plan year, as of the run's day. */
export interface NudgeScope {
  ijb: Ijb;
  planYear: PlanYear;
  calendar: WorkingCalendar;
  policy: NudgePolicy;
  today: LocalDate;
  /** The first day this run covers: today, or earlier when it catches up on runs that did not finish. */
  since: LocalDate;
}

/** A deadline owed something today, worked out from the due-date index alone. */
export interface DueNudge {
  entry: DueEntry;
  reminder?: Milestone;
  /** Overdue long enough to escalate, if it turns out to be silent too (that needs the direction). */
  mayEscalate: boolean;
}

/** Picks, from the index entries, the deadlines owed a reminder or possibly an escalation. */
export function dueNudges(scope: NudgeScope, entries: readonly DueEntry[], escalating: boolean): DueNudge[] {
  const { today, since, policy, calendar } = scope;
  // Deadlines cluster on month ends: work each due day out once.
  const byDueDay = new Map<LocalDate, Omit<DueNudge, 'entry'>>();
  const found: DueNudge[] = [];
  for (const entry of entries) {
    let owed = byDueDay.get(entry.dueDate);
    if (!owed) {
      const reminder = pendingReminder(entry.dueDate, today, policy, calendar, since);
      const mayEscalate =
        escalating &&
        (reminder?.kind === 'overdue' ||
          escalationFortnightOpened(entry.dueDate, since, today, policy, calendar));
      owed = { ...(reminder ? { reminder } : {}), mayEscalate };
      byDueDay.set(entry.dueDate, owed);
    }
    if (owed.reminder || owed.mayEscalate) found.push({ entry, ...owed });
  }
  return found;
}

/** A milestone of one of a direction's deadlines, ready to show. */
export interface DigestDeadline {
  deadlineIndex: number;
  deadline: Deadline;
  dueDate: LocalDate;
  standing: Standing;
  milestone: Milestone;
}

/** One direction in one channel's digest. */
export interface DigestLine {
  ijb: Ijb;
  planYear: PlanYear;
  direction: Direction;
  deadlines: DigestDeadline[];
  /** Calendar days since the latest update; undefined when there has been none. */
  updateAgeDays?: number;
  /** Present when the line is an escalation: how long overdue and how long silent (working days). */
  escalation?: { overdueWorkingDays: number; silentWorkingDays?: number };
}

export interface RoutedNudges {
  /** Lines by channel. */
  byChannel: Map<string, DigestLine[]>;
  /** Reminders with nowhere to go: no team channel and no subscriber. */
  unrouted: { ref: string; milestone: string; dueDate: LocalDate }[];
  quiet: number;
  snoozed: number;
}

export interface RouteInput {
  scope: NudgeScope;
  due: readonly DueNudge[];
  /** Reminders that failed to post lately, to try again in the channel they were for. */
  retries?: readonly NudgeKey[];
  directions: readonly Direction[];
  subscriptions: readonly Subscription[];
  snoozes: readonly Snooze[];
}

/**
 * Who gets what: a direction's own team channel always, every channel whose subscription
 * follows it, and — for an escalation — the IJB's escalation channels. Quiet directions
 * (updated lately) wait, except on their due day; a snooze silences one channel, except on
 * the due day.
 */
export function routeNudges({
  scope,
  due,
  retries = [],
  directions,
  subscriptions,
  snoozes,
}: RouteInput): RoutedNudges {
  const { ijb, planYear, calendar, policy, today } = scope;
  const byRef = new Map(directions.map((direction) => [refKey(direction.ref), direction]));
  const snoozed = new Set(
    snoozes.filter((snooze) => isSnoozed(snooze, today)).map((s) => `${refKey(s.ref)}#${s.channel}`),
  );
  const escalationChannels = [
    ...new Set([
      ...(policy.escalationChannel ? [policy.escalationChannel] : []),
      ...subscriptions.filter((s) => s.filter.kind === 'escalations').map((s) => s.channel),
    ]),
  ];
  const routed: RoutedNudges = { byChannel: new Map(), unrouted: [], quiet: 0, snoozed: 0 };
  const lines = new Map<string, DigestLine>();
  const lineFor = (channel: string, direction: Direction, updateAgeDays: number | undefined) => {
    const key = `${channel}#${refKey(direction.ref)}`;
    let line = lines.get(key);
    if (!line) {
      line = {
        ijb,
        planYear,
        direction,
        deadlines: [],
        ...(updateAgeDays === undefined ? {} : { updateAgeDays }),
      };
      lines.set(key, line);
      const list = routed.byChannel.get(channel) ?? [];
      list.push(line);
      routed.byChannel.set(channel, list);
    }
    return line;
  };

  for (const { entry, reminder, mayEscalate } of due) {
    const direction = byRef.get(refKey(entry.ref));
    const deadline = direction?.deadlines[entry.deadlineIndex];
    const known = direction && knownOn(direction, today);
    if (!direction || !deadline || !known?.open) continue;
    const { updateDay } = known;
    const updateAgeDays = updateDay === undefined ? undefined : daysBetween(updateDay, today);
    const show = (milestone: Milestone): DigestDeadline => ({
      deadlineIndex: entry.deadlineIndex,
      deadline,
      dueDate: entry.dueDate,
      standing: standingOf(entry.dueDate, today, calendar),
      milestone,
    });
    const silenced = (channel: string, milestone: Milestone) => {
      const yes = milestone.kind !== 'due' && snoozed.has(`${refKey(direction.ref)}#${channel}`);
      if (yes) routed.snoozed++;
      return yes;
    };

    if (reminder) {
      const quiet =
        reminder.kind !== 'due' && updateAgeDays !== undefined && updateAgeDays <= policy.quietDays;
      const channels = new Set([
        ...(direction.channel ? [direction.channel] : []),
        ...subscriptions.filter((s) => followsDirection(s.filter, direction)).map((s) => s.channel),
      ]);
      if (quiet) routed.quiet++;
      else if (channels.size === 0) {
        routed.unrouted.push({ ref: direction.ref, milestone: reminder.id, dueDate: entry.dueDate });
      } else {
        for (const channel of channels) {
          if (!silenced(channel, reminder))
            lineFor(channel, direction, updateAgeDays).deadlines.push(show(reminder));
        }
      }
    }

    const escalation = mayEscalate
      ? pendingEscalation(entry.dueDate, today, updateDay, policy, calendar)
      : undefined;
    if (escalation) {
      const overdue = standingOf(entry.dueDate, today, calendar);
      for (const channel of escalationChannels) {
        if (silenced(channel, escalation)) continue;
        const line = lineFor(channel, direction, updateAgeDays);
        line.deadlines.push(show(escalation));
        line.escalation = {
          overdueWorkingDays: overdue.kind === 'overdue' ? overdue.workingDaysOver : 0,
          ...(updateDay ? { silentWorkingDays: calendar.workingDaysBetween(updateDay, today) } : {}),
        };
      }
    }
  }

  // A retry goes to its own channel only, if it still stands: the direction open, not quiet or
  // snoozed since (bar the due day), and an escalation still silent.
  for (const retry of retries) {
    const direction = byRef.get(refKey(retry.ref));
    const deadline = direction?.deadlines[retry.deadlineIndex];
    const dueDate = deadline && dueDateOf(deadline, ijb.settings.monthDeadlineRule, calendar);
    const milestone = milestoneFromId(retry.milestone, today);
    const known = direction && knownOn(direction, today);
    if (!direction || !deadline || !dueDate || !milestone || !known?.open) continue;
    const { updateDay } = known;
    const updateAgeDays = updateDay === undefined ? undefined : daysBetween(updateDay, today);
    if (
      milestone.kind !== 'due' &&
      milestone.kind !== 'escalation' &&
      updateAgeDays !== undefined &&
      updateAgeDays <= policy.quietDays
    )
      continue;
    const escalation =
      milestone.kind === 'escalation'
        ? pendingEscalation(dueDate, today, updateDay, policy, calendar)
        : undefined;
    if (milestone.kind === 'escalation' && !escalation) continue;
    if (milestone.kind !== 'due' && snoozed.has(`${refKey(direction.ref)}#${retry.channel}`)) continue;
    const line = lineFor(retry.channel, direction, updateAgeDays);
    if (
      line.deadlines.some(
        (d) => d.deadlineIndex === retry.deadlineIndex && d.milestone.id === retry.milestone,
      )
    )
      continue;
    const standing = standingOf(dueDate, today, calendar);
    line.deadlines.push({ deadlineIndex: retry.deadlineIndex, deadline, dueDate, standing, milestone });
    if (escalation) {
      line.escalation = {
        overdueWorkingDays: standing.kind === 'overdue' ? standing.workingDaysOver : 0,
        ...(updateDay ? { silentWorkingDays: calendar.workingDaysBetween(updateDay, today) } : {}),
      };
    }
  }
  return routed;
}

/** The escalation channels an IJB has: its setting and any channel an admin subscribed. */
/**
 * What the register knew on `today`. A plan for a past day (a dry run with --date) must not
 * count an update made after it: that gave negative ages, and reminders left out as "updated
 * lately". The summary keeps only the latest update, so one made later means the day's own
 * latest is unknown: the direction is taken as open and not updated lately.
 */
function knownOn(direction: Direction, today: LocalDate): { updateDay?: LocalDate; open: boolean } {
  const updateDay = direction.latestUpdate ? londonDay(new Date(direction.latestUpdate.at)) : undefined;
  if (updateDay !== undefined && updateDay > today) return { open: true };
  return { ...(updateDay === undefined ? {} : { updateDay }), open: isOpen(direction.status) };
}

export function hasEscalationChannel(policy: NudgePolicy, subscriptions: readonly Subscription[]): boolean {
  return policy.escalationChannel !== undefined || subscriptions.some((s) => s.filter.kind === 'escalations');
}
