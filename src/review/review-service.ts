import type { AdminDirectory } from '../access/admins';
import { type Direction, isInForce, isOpen, refKey } from '../domain/direction';
import { recipientName } from '../domain/ijb';
import { londonDay } from '../domain/local-date';
import { bodiesReturnedSince } from '../domain/partners';
import { type ReviewRound, type RoundEvent, roundIdOf } from '../domain/review-round';
import type { RegisterStore } from '../store/register-store';
import type { ReviewStore, StoredRound } from '../store/review-store';

export interface ReviewDeps {
  store: RegisterStore;
  reviews: ReviewStore;
  admins: AdminDirectory;
  clock: () => Date;
}

export type ReviewResult<T> = ({ kind: 'done' } & T) | { kind: 'refused'; reason: string };

/** Returned / outstanding, counted one way (per body, per theme). */
export interface ReturnCount {
  name: string;
  returned: number;
  outstanding: number;
}

export interface RoundStatus {
  round: StoredRound;
  returned: number;
  outstanding: number;
  byBody: ReturnCount[];
  byTheme: ReturnCount[];
  /** Leads who owe a return, with the refs they owe; '' collects directions with no lead. */
  owing: { lead: string; refs: string[] }[];
}

/**
 * The twice-yearly review: open a round over the year's open directions, see who has returned,
 * close it into a snapshot. Returns are ordinary progress updates (the update service) made
 * while the round is open: there is no second way to save one.
 */
export function createReviewService(deps: ReviewDeps) {
  const now = () => deps.clock().toISOString();
  const refuseUnlessAdmin = async (ijbId: string, userId: string) =>
    (await deps.admins.isAdmin(ijbId, userId))
      ? undefined
      : ({ kind: 'refused', reason: 'Only IJB admins run review rounds.' } as const);

  const roundDirections = async (round: ReviewRound): Promise<Direction[]> =>
    deps.store.getDirections(round.ijbId, round.planYear, round.refs);

  return {
    async open(request: {
      ijbId: string;
      userId: string;
      name: string;
      closes: string;
      refs?: string[];
    }): Promise<ReviewResult<{ round: ReviewRound }>> {
      const refused = await refuseUnlessAdmin(request.ijbId, request.userId);
      if (refused) return refused;
      const ijb = await deps.store.getIjb(request.ijbId);
      const planYear = ijb?.latestPlanYear;
      if (!ijb || !planYear) return { kind: 'refused', reason: 'There is no plan year to review yet.' };
      if (request.closes <= londonDay(deps.clock()))
        return { kind: 'refused', reason: `A round must close after today; ${request.closes} is not.` };
      const directions = await deps.store.listDirections(ijb.id, planYear);
      let refs: string[];
      if (request.refs?.length) {
        const known = new Map(directions.map((direction) => [refKey(direction.ref), direction.ref]));
        const missing = request.refs.filter((ref) => !known.has(refKey(ref)));
        if (missing.length)
          return { kind: 'refused', reason: `${planYear} has no direction ${missing.join(', ')}.` };
        refs = request.refs.map((ref) => known.get(refKey(ref)) as string);
      } else
        refs = directions
          .filter((direction) => isOpen(direction.status) && isInForce(direction.lifecycle))
          .map((direction) => direction.ref);
      const round: ReviewRound = {
        ijbId: ijb.id,
        id: roundIdOf(request.name),
        name: request.name.trim(),
        planYear,
        refs,
        openedAt: now(),
        openedBy: request.userId,
        closes: request.closes,
        state: 'open',
        events: [],
      };
      if (!round.id) return { kind: 'refused', reason: 'Give the round a name, like "2023-24 mid-year".' };
      if (!(await deps.reviews.open(round))) {
        const open = await deps.reviews.openRound(ijb.id);
        return {
          kind: 'refused',
          reason: open
            ? `"${open.name}" is open until ${open.closes}: close it before opening another.`
            : `There is a round called "${round.name}" already.`,
        };
      }
      return { kind: 'done', round };
    },

    async status(ijbId: string): Promise<RoundStatus | undefined> {
      const round = await deps.reviews.openRound(ijbId);
      const ijb = await deps.store.getIjb(ijbId);
      if (!round || !ijb) return undefined;
      const directions = await roundDirections(round);
      // A return per recipient body: a direction is returned when each of its bodies has reported.
      const returnedBodies = (direction: Direction) => bodiesReturnedSince(direction, round.openedAt);
      const returned = (direction: Direction) =>
        returnedBodies(direction).length === direction.issuedTo.length;
      const count = (keyOf: (direction: Direction) => Array<[string, boolean]>) => {
        const counts = new Map<string, ReturnCount>();
        for (const direction of directions)
          for (const [name, done] of keyOf(direction)) {
            const entry = counts.get(name) ?? { name, returned: 0, outstanding: 0 };
            if (done) entry.returned += 1;
            else entry.outstanding += 1;
            counts.set(name, entry);
          }
        return [...counts.values()];
      };
      const owing = new Map<string, string[]>();
      for (const direction of directions.filter((d) => !returned(d))) {
        // A lead owes a return unless the body they answer for has made it.
        const done = returnedBodies(direction);
        const leads = direction.leads.filter((lead) => {
          const body = direction.leadBodies?.[lead];
          return !body || !done.includes(body);
        });
        for (const lead of leads.length ? leads : [''])
          owing.set(lead, [...(owing.get(lead) ?? []), direction.ref]);
      }
      return {
        round,
        returned: directions.filter(returned).length,
        outstanding: directions.filter((d) => !returned(d)).length,
        byBody: count((direction) =>
          direction.issuedTo.map((recipient) => [
            recipientName(ijb, recipient),
            returnedBodies(direction).includes(recipient),
          ]),
        ),
        byTheme: count((direction) => [[direction.theme.name, returned(direction)]]),
        owing: [...owing].map(([lead, refs]) => ({ lead, refs })),
      };
    },

    /**
     * Locks the round: each direction's status, latest update (with its evidence and sign-off)
     * and leads, as at the close, written once. Run again after a crash, it finishes the same
     * close without doubling or missing a direction.
     */
    async close(request: {
      ijbId: string;
      userId: string;
    }): Promise<ReviewResult<{ round: StoredRound; entries: number }>> {
      const refused = await refuseUnlessAdmin(request.ijbId, request.userId);
      if (refused) return refused;
      const open = await deps.reviews.openRound(request.ijbId);
      if (!open) return { kind: 'refused', reason: 'No review round is open.' };
      const at = now();
      if (!(await deps.reviews.beginClose(open.ijbId, open.id, at)))
        return { kind: 'refused', reason: `"${open.name}" is not open.` };
      const round = (await deps.reviews.get(open.ijbId, open.id)) as StoredRound;
      const takenAt = round.closedAt ?? at;
      const directions = await roundDirections(round);
      for (const direction of directions)
        await deps.reviews.putSnapshotEntry(round.ijbId, round.id, round.closings, {
          ref: direction.ref,
          status: direction.status,
          ...(direction.latestUpdate ? { latestUpdate: direction.latestUpdate } : {}),
          leads: direction.leads,
          ...(direction.bodies ? { bodies: direction.bodies } : {}),
          returned: bodiesReturnedSince(direction, round.openedAt).length === direction.issuedTo.length,
          takenAt,
        });
      await deps.reviews.finishClose(round.ijbId, round.id, {
        kind: 'closed',
        at: takenAt,
        by: request.userId,
      });
      return { kind: 'done', round: { ...round, state: 'closed' }, entries: directions.length };
    },

    async extend(request: {
      ijbId: string;
      userId: string;
      closes: string;
      why?: string;
    }): Promise<ReviewResult<{ round: StoredRound }>> {
      const refused = await refuseUnlessAdmin(request.ijbId, request.userId);
      if (refused) return refused;
      const open = await deps.reviews.openRound(request.ijbId);
      if (!open) return { kind: 'refused', reason: 'No review round is open.' };
      if (request.closes <= londonDay(deps.clock()))
        return { kind: 'refused', reason: `A round must close after today; ${request.closes} is not.` };
      const event = {
        kind: 'extended',
        at: now(),
        by: request.userId,
        closes: request.closes,
        ...(request.why ? { why: request.why } : {}),
      } as RoundEvent & { closes: string };
      if (!(await deps.reviews.extend(open.ijbId, open.id, event)))
        return { kind: 'refused', reason: `"${open.name}" is closing; it cannot be extended now.` };
      return { kind: 'done', round: { ...open, closes: request.closes } };
    },

    async reopen(request: {
      ijbId: string;
      userId: string;
      name: string;
      why: string;
    }): Promise<ReviewResult<{ round: StoredRound }>> {
      const refused = await refuseUnlessAdmin(request.ijbId, request.userId);
      if (refused) return refused;
      if (!request.why.trim())
        return { kind: 'refused', reason: 'Say why the round is reopened: it is kept with the round.' };
      const round = await deps.reviews.get(request.ijbId, roundIdOf(request.name));
      if (!round) return { kind: 'refused', reason: `There is no round "${request.name}".` };
      if (round.state !== 'closed') return { kind: 'refused', reason: `"${round.name}" is not closed.` };
      const event: RoundEvent = { kind: 'reopened', at: now(), by: request.userId, why: request.why.trim() };
      if (!(await deps.reviews.reopen(round.ijbId, round.id, event)))
        return { kind: 'refused', reason: 'Another round is open: close it first.' };
      return { kind: 'done', round: { ...round, state: 'open' } };
    },

    list: (ijbId: string) => deps.reviews.list(ijbId),
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
