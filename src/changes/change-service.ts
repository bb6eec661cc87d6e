import { type Direction, refKey } from '../domain/direction';
import type { Ijb } from '../domain/ijb';
import { formatDay, londonDay } from '../domain/local-date';
import type { ChangeAuthority, ChangeKind, ChangeNote, RegisterChange } from '../domain/register-change';
import { readBudget } from '../import/parse/form-values';
import type { NewDirectionInput, VariationInput } from './change-input';
import {
  admitted,
  applyNote,
  type ChangeDeps,
  type ChangeRequest,
  type ChangeResult,
  changeId,
  closedBy,
  MAX_CHANGES,
  refuse,
  reindexDeadlines,
} from './change-kit';

export type { ChangeDeps, ChangeRequest, ChangeResult } from './change-kit';

/**
 * Mid-year changes by the IJB's admins: a direction issued at a board meeting, one varied,
 * revoked or superseded. Each is recorded once (append-only, with who, when and on what
 * authority), then applied to the direction under its version; a retry of the same request
 * finds the record and the note and finishes whatever was left, so nothing is half-written
 * for long and nothing is written twice. The same service answers Slack and the API.
 */
export interface ChangeService {
  add(request: ChangeRequest, input: NewDirectionInput, authority: ChangeAuthority): Promise<ChangeResult>;
  vary(
    request: ChangeRequest,
    ref: string,
    input: VariationInput,
    authority: ChangeAuthority,
  ): Promise<ChangeResult>;
  revoke(request: ChangeRequest, ref: string, authority: ChangeAuthority): Promise<ChangeResult>;
  supersede(
    request: ChangeRequest,
    ref: string,
    by: string,
    authority: ChangeAuthority,
  ): Promise<ChangeResult>;
}

export function createChangeService(deps: ChangeDeps): ChangeService {
  const noteOf = (
    kind: ChangeKind,
    request: ChangeRequest,
    ref: string,
    authority: ChangeAuthority,
    fields: ChangeNote['fields'],
    other?: string,
  ): ChangeNote => ({
    id: changeId(kind, request, ref),
    kind,
    authority,
    by: request.userId,
    at: deps.clock().toISOString(),
    fields,
    via: request.via,
    ...(other ? { other } : {}),
  });
  const record = (direction: Direction, note: ChangeNote, extra: Partial<RegisterChange> = {}) =>
    deps.changes.record({
      ...note,
      ijbId: direction.ijbId,
      planYear: direction.planYear,
      ref: direction.ref,
      ...extra,
    });

  /** The admin check, the direction, and whether this very request was applied already. */
  async function prepare(request: ChangeRequest, ref: string, kind: ChangeKind) {
    const ijb = await admitted(deps, request);
    if ('kind' in ijb) return ijb;
    const direction = await deps.store.getDirection(request.ijbId, request.planYear, ref);
    if (!direction) return refuse('not-found', `There is no ${ref} in ${request.planYear}.`, 'ref');
    const id = changeId(kind, request, direction.ref);
    const done = direction.registerChanges?.find((note) => note.id === id);
    if (!done && (direction.registerChanges?.length ?? 0) >= MAX_CHANGES)
      return refuse(
        'conflict',
        `${direction.ref} has ${MAX_CHANGES} changes recorded: that is the most it keeps.`,
      );
    return { ijb, direction, done };
  }

  async function finish(
    ijb: Ijb,
    direction: Direction,
    note: ChangeNote,
    duplicate: boolean,
  ): Promise<ChangeResult> {
    await reindexDeadlines(deps, ijb, direction);
    return { kind: 'done', direction, note, duplicate };
  }

  return {
    async add(request, input, authority) {
      const ijb = await admitted(deps, request);
      if ('kind' in ijb) return ijb;
      const note = noteOf('added', request, input.ref, authority, ['all']);
      const existing = await deps.store.getDirection(request.ijbId, request.planYear, input.ref);
      if (existing) {
        const done = existing.registerChanges?.find((held) => held.id === note.id);
        if (done) return finish(ijb, existing, done, true);
        return refuse(
          'conflict',
          `${existing.ref} is already a direction of ${request.planYear}: pick another ref.`,
          'ref',
        );
      }
      const themes = await deps.store.listDirections(request.ijbId, request.planYear);
      const theme = themes.find(
        (other) => other.theme.name.toLowerCase() === input.theme.toLowerCase(),
      )?.theme;
      const direction: Direction = {
        ijbId: request.ijbId,
        planYear: request.planYear,
        ref: input.ref,
        theme: theme ?? { name: input.theme },
        text: input.text,
        issuedTo: input.issuedTo,
        deadlines: input.deadlines,
        status: 'not-reported',
        leads: [],
        version: 1,
        marker: 'new',
        ...(input.functions.length > 0 ? { functions: input.functions } : {}),
        ...(authority.link ? { link: authority.link } : {}),
        form: {
          issued: { asWritten: formatDay(authority.decidedOn), date: authority.decidedOn },
          ...(input.budget ? { budget: readBudget(input.budget, ijb) } : {}),
        },
        registerChanges: [note],
      };
      await record(direction, note, { after: { text: direction.text, deadlines: direction.deadlines } });
      if (!(await deps.changes.addDirection(direction))) {
        const raced = await deps.store.getDirection(request.ijbId, request.planYear, input.ref);
        if (raced?.registerChanges?.some((held) => held.id === note.id))
          return finish(ijb, raced, note, true);
        return refuse('conflict', `${input.ref} was added by someone else just now.`, 'ref');
      }
      return finish(ijb, direction, note, false);
    },

    async vary(request, ref, input, authority) {
      const ready = await prepare(request, ref, 'varied');
      if ('kind' in ready) return ready;
      const { ijb, direction, done } = ready;
      if (done) return finish(ijb, direction, done, true);
      const closed = closedBy(direction);
      if (closed) return refuse('conflict', closed);
      const fields: ChangeNote['fields'] = [
        ...(input.text !== undefined ? (['text'] as const) : []),
        ...(input.deadlines !== undefined ? (['deadlines'] as const) : []),
      ];
      const note = noteOf('varied', request, direction.ref, authority, fields);
      await record(direction, note, {
        before: { text: direction.text, deadlines: direction.deadlines },
        after: input,
      });
      const applied = await applyNote(deps, direction, note, () => ({
        ...input,
        lifecycle: { state: 'varied' },
      }));
      return finish(ijb, applied, note, false);
    },

    async revoke(request, ref, authority) {
      const ready = await prepare(request, ref, 'revoked');
      if ('kind' in ready) return ready;
      const { ijb, direction, done } = ready;
      if (done) return finish(ijb, direction, done, true);
      const closed = closedBy(direction);
      if (closed) return refuse('conflict', closed);
      const note = noteOf('revoked', request, direction.ref, authority, ['lifecycle']);
      await record(direction, note);
      const applied = await applyNote(deps, direction, note, () => ({ lifecycle: { state: 'revoked' } }));
      return finish(ijb, applied, note, false);
    },

    async supersede(request, ref, by, authority) {
      const ready = await prepare(request, ref, 'superseded');
      if ('kind' in ready) return ready;
      const { ijb, direction } = ready;
      if (refKey(by) === refKey(direction.ref))
        return refuse('invalid', `${direction.ref} cannot supersede itself.`, 'ref');
      const successor = await deps.store.getDirection(request.ijbId, request.planYear, by);
      if (!successor)
        return refuse(
          'not-found',
          `There is no ${by} in ${request.planYear}: add it first with /direction add.`,
          'ref',
        );
      const note =
        ready.done ?? noteOf('superseded', request, direction.ref, authority, ['lifecycle'], successor.ref);
      if (!ready.done) {
        const closed = closedBy(direction) ?? closedBy(successor);
        if (closed) return refuse('conflict', closed);
        await record(direction, note);
      }
      const link = { planYear: direction.planYear, ref: successor.ref };
      const applied = await applyNote(deps, direction, note, (current) => ({
        lifecycle: { state: 'superseded' },
        supersededBy: [
          ...(current.supersededBy ?? []).filter((held) => refKey(held.ref) !== refKey(link.ref)),
          link,
        ],
      }));
      // The successor says the same from its side: both directions link the lifecycle.
      const back = {
        ...note,
        id: `${note.id}-s`,
        kind: 'supersedes' as const,
        fields: ['supersedes' as const],
        other: direction.ref,
      };
      const successorNow = await applyNote(deps, successor, back, (current) => ({
        supersedes: [
          ...(current.supersedes ?? []).filter((held) => refKey(held.ref) !== refKey(direction.ref)),
          { planYear: direction.planYear, ref: direction.ref },
        ],
      }));
      await reindexDeadlines(deps, ijb, applied);
      return {
        kind: 'done',
        direction: applied,
        note,
        duplicate: ready.done !== undefined,
        successor: successorNow,
      };
    },
  };
}

/** Today in Scotland, for the authority's "no later than today" check. */
export function todayOf(clock: () => Date): string {
  return londonDay(clock());
}
