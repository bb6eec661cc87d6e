import type { WorkingCalendar } from '../domain/calendar';
import { type Direction, refKey } from '../domain/direction';
import type { NudgePolicy } from '../domain/ijb';
import { type LocalDate, londonDay } from '../domain/local-date';
import { bodiesReturnedSince } from '../domain/partners';
import type { ReviewRound } from '../domain/review-round';
import type { RoundDecline } from '../domain/round-decline';
import { festiveDay } from '../nudges/milestones';

/** Working days before the close that a lead who has not returned is chased (and on the day). */
export const CHASE_WORKING_DAYS_BEFORE = [5, 2] as const;

/** One direction a recipient still owes the round. */
export interface OwedReturn {
  round: ReviewRound;
  direction: Direction;
}

/**
 * The festive break, 25 December to 2 January, as the web register marks it. Offices are
 * closed or half-staffed: a chase that would fall in it goes on the nudges' festive day (the
 * last working day before Christmas) instead, never in the break.
 */
export function inFestiveBreak(day: LocalDate): boolean {
  const monthDay = day.slice(5);
  return monthDay >= '12-25' || monthDay <= '01-02';
}

/**
 * The days a round's chases go: 5 and 2 working days before its close and the close itself
 * (the working day before it when it closes on a weekend or holiday). Days in the festive
 * break move to the festive day; days on or before the day the round opened are dropped
 * (the ask went that day).
 */
export function chaseDays(
  round: Pick<ReviewRound, 'closes' | 'openedAt'>,
  calendar: WorkingCalendar,
  policy: Pick<NudgePolicy, 'festiveBreak'>,
): LocalDate[] {
  const closeDay = calendar.onOrBefore(round.closes);
  const opened = londonDay(new Date(round.openedAt));
  const days = [...CHASE_WORKING_DAYS_BEFORE.map((n) => calendar.addWorkingDays(closeDay, -n)), closeDay].map(
    (day) => {
      if (!policy.festiveBreak || !inFestiveBreak(day)) return day;
      const year = Number(day.slice(0, 4)) - (day.slice(5) <= '01-02' ? 1 : 0);
      return festiveDay(year, calendar);
    },
  );
  return [...new Set(days)].filter((day) => day > opened).sort();
}

/** True when every body the direction is issued to has reported since the round opened (as review status counts). */
export function hasReturned(round: Pick<ReviewRound, 'openedAt'>, direction: Direction): boolean {
  return bodiesReturnedSince(direction, round.openedAt).length === direction.issuedTo.length;
}

/**
 * Who owes what: each lead of a direction not yet returned, except a lead who declined it or
 * whose body (set at assign) has made its return; a direction with no lead left to ask (none
 * set, or all declined) goes to its team channel.
 */
export function owedReturns(
  round: ReviewRound,
  directions: readonly Direction[],
  declines: readonly RoundDecline[],
): Map<string, OwedReturn[]> {
  const declined = new Set(declines.map((d) => `${refKey(d.ref)}#${d.by}`));
  const owed = new Map<string, OwedReturn[]>();
  for (const direction of directions) {
    if (hasReturned(round, direction)) continue;
    const done = bodiesReturnedSince(direction, round.openedAt);
    const undeclined = direction.leads.filter((lead) => !declined.has(`${refKey(direction.ref)}#${lead}`));
    const leads = undeclined.filter((lead) => {
      const body = direction.leadBodies?.[lead];
      return !body || !done.includes(body);
    });
    // The body of every lead left has returned: the other body's return has no one to ask but the channel.
    const to = leads.length ? leads : direction.channel ? [direction.channel] : [];
    for (const recipient of to) owed.set(recipient, [...(owed.get(recipient) ?? []), { round, direction }]);
  }
  return owed;
}

/** A Slack user or channel id: a Teams lead (`aad:…`) is not reached by a Slack DM. */
export function isSlackRecipient(id: string): boolean {
  return /^[UWCG][A-Z0-9]+$/.test(id);
}
