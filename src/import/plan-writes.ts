import { dueDateOf } from '../domain/deadline';
import {
  type Direction,
  type DirectionLink,
  type IssuedDirection,
  isInForce,
  isOpen,
  type Lifecycle,
} from '../domain/direction';
import type { Milestone } from '../domain/milestone';
import type { DirectionOutcome } from '../domain/outcome';
import type { PlanYear } from '../domain/plan-year';
import { calendarFor } from '../register/calendars';
import type { IjbProfile } from '../register/ijb-profiles';
import type { StoredDueEntry, YearSnapshot } from '../store/import-store';
import { canonical, type DirectionChange, type ImportDiff } from './diff';
import { lifecycleHeld } from './reconcile';

/** A direction of some year whose lifecycle an outcome table sets. */
export interface LifecycleWrite {
  planYear: PlanYear;
  direction: Direction;
  lifecycle: Lifecycle;
  supersededBy: DirectionLink[];
}

/** Every write an import makes, worked out before the first one: empty means a no-op. */
export interface WritePlan {
  newDirections: Direction[];
  revisions: DirectionChange[];
  dropped: Direction[];
  returned: Direction[];
  lifecycles: LifecycleWrite[];
  duePuts: StoredDueEntry[];
  dueDeletes: StoredDueEntry[];
  milestonePuts: Milestone[];
  milestoneDeletes: string[];
  outcomePuts: DirectionOutcome[];
}

export function isEmptyPlan(plan: WritePlan, diff: ImportDiff): boolean {
  return !diff.newYear && Object.values(plan).every((list) => list.length === 0);
}

export function planWrites(input: {
  ijb: IjbProfile;
  planYear: PlanYear;
  diff: ImportDiff;
  snapshot: YearSnapshot;
  /** Snapshots of the years the paper's outcome tables speak of. */
  otherYears: Map<PlanYear, YearSnapshot>;
  paperOutcomes: DirectionOutcome[];
}): WritePlan {
  const { ijb, planYear, diff, snapshot, otherYears } = input;
  const outcomeFor = new Map<string, DirectionOutcome>();
  for (const outcome of [...snapshot.outcomes, ...[...otherYears.values()].flatMap((year) => year.outcomes)])
    outcomeFor.set(`${outcome.planYear}#${outcome.ref.toLowerCase()}`, outcome);
  for (const outcome of input.paperOutcomes)
    outcomeFor.set(`${outcome.planYear}#${outcome.ref.toLowerCase()}`, outcome);
  const lifecycleOf = (year: PlanYear, ref: string) => outcomeFor.get(`${year}#${ref.toLowerCase()}`);

  const newDirections: Direction[] = diff.added.map((issued: IssuedDirection) => {
    const outcome = lifecycleOf(planYear, issued.ref);
    return {
      ...issued,
      ijbId: ijb.id,
      planYear,
      status: 'not-reported',
      leads: [],
      version: 1,
      paperRevision: 1,
      ...(outcome ? { lifecycle: outcome.lifecycle, supersededBy: outcome.supersededBy } : {}),
    };
  });

  const lifecycles: LifecycleWrite[] = [];
  const stored = diff.newYear ? [] : snapshot.directions;
  for (const [year, directions] of [
    [planYear, stored] as const,
    ...[...otherYears.entries()].map(
      ([year, other]) => [year, other.record ? other.directions : []] as const,
    ),
  ])
    for (const direction of directions) {
      const outcome = lifecycleOf(year, direction.ref);
      if (!outcome || lifecycleHeld(direction)) continue;
      if (
        canonical(direction.lifecycle) !== canonical(outcome.lifecycle) ||
        canonical(direction.supersededBy ?? []) !== canonical(outcome.supersededBy)
      )
        lifecycles.push({
          planYear: year,
          direction,
          lifecycle: outcome.lifecycle,
          supersededBy: outcome.supersededBy,
        });
    }

  // The due-date index for the paper's directions: one entry per deadline with a due day, in the
  // index only while the direction is open and in force.
  const calendar = calendarFor(ijb);
  const current = new Map<string, { direction: IssuedDirection; open: boolean }>();
  for (const direction of newDirections)
    current.set(direction.ref, { direction, open: isInForce(direction.lifecycle) });
  for (const direction of diff.unchanged)
    current.set(direction.ref, { direction, open: openOf(direction, lifecycleOf(planYear, direction.ref)) });
  for (const change of diff.changed)
    current.set(change.before.ref, {
      direction: change.after,
      open: openOf(change.before, lifecycleOf(planYear, change.before.ref)),
    });
  const wanted: StoredDueEntry[] = [...current.values()].flatMap(({ direction, open }) =>
    direction.deadlines.flatMap((deadline, deadlineIndex) => {
      const dueDate = dueDateOf(deadline, ijb.settings.monthDeadlineRule, calendar);
      return dueDate ? [{ ref: direction.ref, dueDate, deadlineIndex, open }] : [];
    }),
  );
  const have = new Map((diff.newYear ? [] : snapshot.dueEntries).map((entry) => [dueKey(entry), entry]));
  const duePuts = wanted.filter((entry) => {
    const existing = have.get(dueKey(entry));
    return !existing || existing.dueDate !== entry.dueDate || existing.open !== entry.open;
  });
  const wantedKeys = new Set(wanted.map(dueKey));
  const inPaper = new Set([...current.keys()].map((ref) => ref.toLowerCase()));
  const dueDeletes = [...have.values()].filter(
    (entry) => inPaper.has(entry.ref.toLowerCase()) && !wantedKeys.has(dueKey(entry)),
  );

  return {
    newDirections,
    revisions: diff.changed,
    dropped: diff.dropped,
    returned: diff.returned,
    lifecycles,
    duePuts,
    dueDeletes,
    milestonePuts: diff.milestones.added,
    milestoneDeletes: diff.milestones.removed.map((milestone) => milestone.id),
    outcomePuts: diff.outcomes.written,
  };
}

function openOf(direction: Direction, outcome: DirectionOutcome | undefined): boolean {
  const lifecycle = lifecycleHeld(direction)
    ? direction.lifecycle
    : (outcome?.lifecycle ?? direction.lifecycle);
  return isOpen(direction.status) && isInForce(lifecycle);
}

function dueKey(entry: { ref: string; deadlineIndex: number }): string {
  return `${entry.ref.toLowerCase()}#${entry.deadlineIndex}`;
}
