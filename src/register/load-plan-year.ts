import { dueDateOf } from '../domain/deadline';
import type { Direction } from '../domain/direction';
import type { RegisterStore } from '../store/register-store';
import { calendarFor } from './calendars';
import type { PlanYearFile } from './plan-year-file';

/**
 * Writes a validated plan year to the register as a new set: every direction starts
 * unreported at version 1, and each deadline with a due day is indexed by that day.
 */
export async function loadNewPlanYear(
  store: RegisterStore,
  file: PlanYearFile,
  loadedAt: Date,
): Promise<void> {
  const ijb = { ...file.ijb };
  const calendar = calendarFor(ijb);
  const directions: Direction[] = file.directions.map((issued) => ({
    ...issued,
    ijbId: ijb.id,
    planYear: file.planYear,
    status: 'not-reported',
    leads: [],
    version: 1,
  }));
  const dueEntries = directions.flatMap((direction) =>
    direction.deadlines.flatMap((deadline, deadlineIndex) => {
      const dueDate = dueDateOf(deadline, ijb.settings.monthDeadlineRule, calendar);
      return dueDate ? [{ ref: direction.ref, dueDate, deadlineIndex }] : [];
    }),
  );
  await store.writePlanYear({
    ijb,
    record: {
      ijbId: ijb.id,
      planYear: file.planYear,
      title: file.title,
      source: file.source,
      loadedAt: loadedAt.toISOString(),
      directionCount: directions.length,
    },
    directions,
    dueEntries,
  });
}
