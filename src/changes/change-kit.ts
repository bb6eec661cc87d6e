import { createHash } from 'node:crypto';
import type { AdminDirectory } from '../access/admins';
import { dueDateOf } from '../domain/deadline';
import { type Direction, isInForce, isOpen } from '../domain/direction';
import type { Ijb } from '../domain/ijb';
import type { ChangeKind, ChangeNote } from '../domain/register-change';
import { calendarFor } from '../register/calendars';
import type { ChangedAttributes, ChangeStore } from '../store/change-store';
import type { RegisterStore } from '../store/register-store';
import type { ChangeField } from './change-input';

export interface ChangeDeps {
  store: RegisterStore;
  changes: ChangeStore;
  /** Who administers an IJB: its Slack admins, or an API key with scope admin on it. */
  admins: Pick<AdminDirectory, 'isAdmin'>;
  clock: () => Date;
}

/** Who asks, where, and what identifies the request (Slack's view id, the API's Idempotency-Key). */
export interface ChangeRequest {
  ijbId: string;
  planYear: string;
  userId: string;
  via: ChangeNote['via'];
  requestKey: string;
}

export type Refusal = {
  kind: 'refused';
  why: 'forbidden' | 'not-found' | 'conflict' | 'invalid';
  reason: string;
  field?: ChangeField;
};

export type ChangeResult =
  | { kind: 'done'; direction: Direction; note: ChangeNote; duplicate: boolean; successor?: Direction }
  | Refusal;

export const MAX_CHANGES = 50;

export function refuse(why: Refusal['why'], reason: string, field?: ChangeField): Refusal {
  return { kind: 'refused', why, reason, ...(field ? { field } : {}) };
}

/** The same request (a Slack retry, a re-sent API body) gives the same id, so it is written once. */
export function changeId(kind: ChangeKind, request: ChangeRequest, ref: string): string {
  return createHash('sha256')
    .update([kind, request.ijbId, request.planYear, ref.toLowerCase(), request.requestKey].join('|'))
    .digest('hex')
    .slice(0, 24);
}

/**
 * What every change checks first, from the request itself: that the person is an admin of the
 * IJB whose direction it is, and that the year is in the register and not half-imported.
 */
export async function admitted(deps: ChangeDeps, request: ChangeRequest): Promise<Ijb | Refusal> {
  if (!(await deps.admins.isAdmin(request.ijbId, request.userId)))
    return refuse(
      'forbidden',
      `Only ${request.ijbId}'s admins record the board's changes to its directions.`,
    );
  const ijb = await deps.store.getIjb(request.ijbId);
  const years = ijb ? await deps.store.listPlanYears(request.ijbId) : [];
  if (!ijb || !years.some((year) => year.planYear === request.planYear))
    return refuse('not-found', `${request.ijbId} has no ${request.planYear} register.`);
  if (ijb.importingYears?.includes(request.planYear))
    return refuse(
      'conflict',
      `${request.planYear} is being imported: try again when the import has finished.`,
    );
  return ijb;
}

/**
 * Applies a change to a direction on condition of the version read, re-reading on a conflict.
 * A direction that already carries the note is left as it is: the change was applied before.
 */
export async function applyNote(
  deps: ChangeDeps,
  first: Direction,
  note: ChangeNote,
  attributesFor: (direction: Direction) => ChangedAttributes,
): Promise<Direction> {
  let direction: Direction | undefined = first;
  for (let attempt = 0; attempt < 8 && direction; attempt++) {
    if (direction.registerChanges?.some((held) => held.id === note.id)) return direction;
    const attributes = {
      ...attributesFor(direction),
      registerChanges: [...(direction.registerChanges ?? []), note],
    };
    if (await deps.changes.updateDirection(direction, attributes))
      return { ...direction, ...attributes, version: direction.version + 1 };
    direction = await deps.store.getDirection(first.ijbId, first.planYear, first.ref);
  }
  throw new Error(`${first.ref} kept changing under the write; nothing more was written`);
}

/** Puts the direction's deadlines in the due-date index as it now stands (out of it once closed). */
export async function reindexDeadlines(deps: ChangeDeps, ijb: Ijb, direction: Direction): Promise<void> {
  const calendar = calendarFor(ijb);
  const entries = direction.deadlines.flatMap((deadline, deadlineIndex) => {
    const dueDate = dueDateOf(deadline, ijb.settings.monthDeadlineRule, calendar);
    return dueDate ? [{ dueDate, deadlineIndex }] : [];
  });
  await deps.changes.replaceDueEntries(
    direction,
    entries,
    isOpen(direction.status) && isInForce(direction.lifecycle),
  );
}

/** A direction no longer in force cannot be varied, revoked or superseded again. */
export function closedBy(direction: Direction): string | undefined {
  if (isInForce(direction.lifecycle)) return undefined;
  return `${direction.ref} is ${direction.lifecycle?.state ?? 'closed'} already: it is no longer in force.`;
}
