import { type ChangeLine, changeLines } from '../changes/views';
import type { WorkingCalendar } from '../domain/calendar';
import { type Deadline, dueDateOf, type Standing, standingOf } from '../domain/deadline';
import { type Direction, type DirectionStatus, type Recipient, refKey } from '../domain/direction';
import { type Ijb, recipientName } from '../domain/ijb';
import type { LocalDate } from '../domain/local-date';
import type { Milestone } from '../domain/milestone';
import { bodiesDiffer, statusByBody } from '../domain/partners';
import type { PlanYear } from '../domain/plan-year';

export type ScopeResult = { ok: true; scope: Scope } | { ok: false; problem: string };

export type ShowResult =
  | { kind: 'found'; scope: Scope; view: DirectionView }
  | { kind: 'missing'; scope: Scope; ref: string; suggestions: string[]; inOtherYears: PlanYear[] };

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

/** A delivery-plan milestone of the direction, with its first dated timeframe worked out. */
export interface MilestoneView {
  milestone: Milestone;
  due?: DeadlineView;
}

/**
 * A proposal of Achieved or Retire awaiting an IJB admin's sign-off. Until then the direction
 * keeps its status, so every surface shows this beside it ("awaiting sign-off").
 */
export interface PendingSignOff {
  proposal: 'achieved' | 'retired';
  by: string;
  at: string;
  updateId?: string;
}

/** The pending proposal a direction's latest update is, if it is one (one read: the summary). */
export function pendingSignOffOf(direction: Pick<Direction, 'latestUpdate'>): PendingSignOff | undefined {
  const latest = direction.latestUpdate;
  if (!latest?.proposal || (latest.signOff ?? 'pending') !== 'pending') return undefined;
  return {
    proposal: latest.proposal,
    by: latest.by,
    at: latest.at,
    ...(latest.id ? { updateId: latest.id } : {}),
  };
}

/** A direction with its deadlines worked out for today: what every renderer shows. */
export interface DirectionView {
  direction: Direction;
  deadlines: DeadlineView[];
  pendingSignOff?: PendingSignOff;
  /** Present when the year has a delivery plan: the key actions that deliver this direction. */
  milestones?: MilestoneView[];
  /** The board's mid-year changes recorded in the register, with their authority. */
  changes?: ChangeLine[];
  /** Each partner's status, when a direction issued to both is answered differently by each. */
  bodies?: BodyStatusView[];
  /** The partner the latest update was made for, or 'whole' for one that counted for both. */
  latestFor?: string;
}

export interface BodyStatusView {
  body: Recipient;
  name: string;
  status: DirectionStatus;
}

/** Per partner (src/domain/partners.ts): shown only when the bodies differ; the status is then the worst. */
function partnerFields(direction: Direction, ijb: Ijb): Pick<DirectionView, 'bodies' | 'latestFor'> {
  if (direction.issuedTo.length < 2 || !direction.bodies) return {};
  const body = direction.latestUpdate?.body;
  const latestFor = direction.latestUpdate
    ? body
      ? recipientName(ijb, body)
      : 'the whole direction'
    : undefined;
  const bodies = bodiesDiffer(direction.issuedTo, direction.bodies)
    ? statusByBody(direction.issuedTo, direction.bodies).map((entry) => ({
        ...entry,
        name: recipientName(ijb, entry.body),
      }))
    : undefined;
  return { ...(bodies ? { bodies } : {}), ...(latestFor ? { latestFor } : {}) };
}

function deadlineView(deadline: Deadline, scope: Scope): DeadlineView {
  const dueDate = dueDateOf(deadline, scope.ijb.settings.monthDeadlineRule, scope.calendar);
  return dueDate
    ? { deadline, dueDate, standing: standingOf(dueDate, scope.today, scope.calendar) }
    : { deadline };
}

export function viewOf(direction: Direction, scope: Scope, milestones?: readonly Milestone[]): DirectionView {
  const pending = pendingSignOffOf(direction);
  const view: DirectionView = {
    direction,
    deadlines: direction.deadlines.map((deadline) => deadlineView(deadline, scope)),
    ...(pending ? { pendingSignOff: pending } : {}),
    ...partnerFields(direction, scope.ijb),
  };
  const changes = changeLines(direction);
  if (changes.length > 0) view.changes = changes;
  if (milestones) {
    const ref = refKey(direction.ref);
    view.milestones = milestones
      .filter((milestone) => milestone.directions.some((linked) => refKey(linked) === ref))
      .map((milestone) => {
        const first = milestone.timeframe.deadlines[0];
        return first ? { milestone, due: deadlineView(first, scope) } : { milestone };
      })
      .sort((a, b) => (a.due?.dueDate ?? '9999').localeCompare(b.due?.dueDate ?? '9999'));
  }
  return view;
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
