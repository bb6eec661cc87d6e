import type { WorkingCalendar } from '../domain/calendar';
import { type Deadline, dueDateOf, type Standing, standingOf } from '../domain/deadline';
import type { Direction } from '../domain/direction';
import type { Ijb } from '../domain/ijb';
import type { LocalDate } from '../domain/local-date';
import type { PlanYear } from '../domain/plan-year';

/** Where a request is looking: one IJB's register for one plan year, as of today. */
export interface Scope {
  ijb: Ijb;
  planYear: PlanYear;
  calendar: WorkingCalendar;
  today: LocalDate;
}

export interface DeadlineView {
  deadline: Deadline;
  dueDate?: LocalDate;
  standing?: Standing;
}

/** A direction with its deadlines worked out for today: what every renderer shows. */
export interface DirectionView {
  direction: Direction;
  deadlines: DeadlineView[];
}

export function viewOf(direction: Direction, scope: Scope): DirectionView {
  return {
    direction,
    deadlines: direction.deadlines.map((deadline) => {
      const dueDate = dueDateOf(deadline, scope.ijb.settings.monthDeadlineRule, scope.calendar);
      return dueDate
        ? { deadline, dueDate, standing: standingOf(dueDate, scope.today, scope.calendar) }
        : { deadline };
    }),
  };
}

/** A set of directions sharing one due day, for "due" and "overdue" lists. */
export interface DueGroup {
  dueDate: LocalDate;
  standing: Standing;
  directions: DirectionView[];
}

export function scopeLabel(scope: Pick<Scope, 'ijb' | 'planYear'>): string {
  return `${scope.ijb.shortName} ${scope.planYear}`;
}

export function calendarLabel(calendar: WorkingCalendar, day: LocalDate): string | undefined {
  return calendar.holidayName(day);
}
