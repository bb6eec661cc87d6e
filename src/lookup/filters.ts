import type { Direction } from '../domain/direction';
import { recipientName } from '../domain/ijb';
import { addDays, dayOfWeek, firstDayOfMonth, type LocalDate, lastDayOfMonth } from '../domain/local-date';
import type { Filter, ListKind, TimeWindow } from '../understanding/intent';
import { describeWindow } from '../understanding/time-words';
import { STATUS_FILTER_LABELS } from '../understanding/vocabulary';
import { searchDirections } from './search';
import type { Scope } from './views';

/** The days a window spans, as of today: "next week" is next Monday to Sunday. */
export function windowDays(window: TimeWindow, today: LocalDate): { from: LocalDate; to: LocalDate } {
  const thisMonth = Number(today.slice(5, 7));
  const thisYear = Number(today.slice(0, 4));
  const yearOf = (month: number, day = 31) =>
    month > thisMonth || (month === thisMonth && day >= Number(today.slice(8, 10))) ? thisYear : thisYear + 1;
  switch (window.kind) {
    case 'days':
      return { from: today, to: addDays(today, window.days) };
    case 'week': {
      const toSunday = (7 - dayOfWeek(today)) % 7;
      return window.offset === 0
        ? { from: today, to: addDays(today, toSunday) }
        : { from: addDays(today, toSunday + 1), to: addDays(today, toSunday + 7) };
    }
    case 'month-offset': {
      const month = ((thisMonth - 1 + window.offset) % 12) + 1;
      const year = month < thisMonth ? thisYear + 1 : thisYear;
      return {
        from: window.offset === 0 ? today : firstDayOfMonth(year, month),
        to: lastDayOfMonth(year, month),
      };
    }
    case 'month': {
      const year = window.year ?? (window.month >= thisMonth ? thisYear : thisYear + 1);
      return { from: firstDayOfMonth(year, window.month), to: lastDayOfMonth(year, window.month) };
    }
    case 'by': {
      const year = window.year ?? yearOf(window.month, window.day);
      const last = lastDayOfMonth(year, window.month);
      const to = window.day
        ? (`${last.slice(0, 8)}${String(window.day).padStart(2, '0')}` as LocalDate)
        : last;
      return { from: today, to: to > last ? last : to };
    }
  }
}

/** Whether a direction passes the filter's non-time parts (time is the due index's job). */
export function directionFilter(
  filter: Filter,
  directions: readonly Direction[],
  userId: string | undefined,
): (direction: Direction) => boolean {
  const about = filter.about
    ? new Set(searchDirections(directions, filter.about, directions.length).map((hit) => hit.direction.ref))
    : undefined;
  const lead = filter.lead;
  return (direction) => {
    if (filter.recipient && !direction.issuedTo.includes(filter.recipient)) return false;
    if (filter.status === 'awaiting-sign-off') {
      if (direction.latestUpdate?.signOff !== 'pending') return false;
    } else if (filter.status && direction.status !== filter.status) return false;
    if (lead?.kind === 'me' && !(userId && direction.leads.includes(userId))) return false;
    if (lead?.kind === 'user' && !direction.leads.includes(lead.userId)) return false;
    if (about && !about.has(direction.ref)) return false;
    return true;
  };
}

const LIST_WORDS: Record<ListKind, string> = {
  all: 'Directions',
  due: 'Due',
  overdue: 'Overdue',
  mine: 'Your directions',
};

/** The filter as the reply states it, so the reader sees what was understood: "Overdue, issued to NHS Lothian". */
export function describeFilter(list: ListKind, filter: Filter, scope: Scope, defaultDays: number): string {
  const parts = [LIST_WORDS[list]];
  // "in January", "by March" say which year: the one the window was worked out to.
  const time =
    (filter.time?.kind === 'month' || filter.time?.kind === 'by') && !filter.time.year
      ? {
          ...filter.time,
          year: Number(
            windowDays(filter.time, scope.today)[filter.time.kind === 'by' ? 'to' : 'from'].slice(0, 4),
          ),
        }
      : filter.time;
  if (list === 'due') parts[0] = `Due ${describeWindow(time ?? { kind: 'days', days: defaultDays })}`;
  else if (time) parts.push(`due ${describeWindow(time)}`);
  if (filter.recipient) parts.push(`issued to ${recipientName(scope.ijb, filter.recipient)}`);
  if (filter.status) parts.push(STATUS_FILTER_LABELS[filter.status]);
  if (filter.lead?.kind === 'me' && list !== 'mine') parts.push('led by you');
  if (filter.lead?.kind === 'user') parts.push(`led by <@${filter.lead.userId}>`);
  if (filter.about) parts.push(`about “${filter.about}”`);
  return parts.join(', ');
}
