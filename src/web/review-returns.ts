import type { AdminDirectory } from '../access/admins';
import { refKey } from '../domain/direction';
import { createReviewService } from '../review/review-service';
import type { RegisterStore } from '../store/register-store';
import type { ReviewStore, StoredRound } from '../store/review-store';

/** One direction of a round: returned (an update since the round opened) or outstanding. */
export interface ReturnLine {
  ref: string;
  returned: boolean;
}

export interface RoundReturns {
  round: StoredRound;
  lines: ReturnLine[];
  returned: number;
  outstanding: number;
}

// The web register never acts in a round: nobody is an admin here.
const NO_ADMINS: AdminDirectory = {
  isAdmin: async () => false,
  list: async () => [],
  add: async () => {},
  remove: async () => {},
};

/**
 * The round a board member wants to see for a year: the open one, else the last closed.
 * Returned means what the review service says while the round is open, and what the
 * snapshot recorded once it closed: the web works out neither itself.
 */
export function createRoundReturns(deps: { store: RegisterStore; reviews: ReviewStore; clock: () => Date }) {
  const review = createReviewService({ ...deps, admins: NO_ADMINS });
  return async function returnsOf(ijbId: string, planYear: string): Promise<RoundReturns | undefined> {
    const rounds = (await deps.reviews.list(ijbId)).filter((round) => round.planYear === planYear);
    const open = rounds.find((round) => round.state !== 'closed');
    if (open) {
      const status = await review.status(ijbId);
      if (status && status.round.id === open.id) {
        const owing = new Set(status.owing.flatMap((entry) => entry.refs.map(refKey)));
        return summary(
          status.round,
          status.round.refs.map((ref) => ({ ref, returned: !owing.has(refKey(ref)) })),
        );
      }
    }
    const last = rounds
      .filter((round) => round.state === 'closed')
      .sort((a, b) => (a.closedAt ?? a.openedAt).localeCompare(b.closedAt ?? b.openedAt))
      .at(-1);
    if (!last) return undefined;
    const entries = await deps.reviews.snapshot(ijbId, last.id, last.closings);
    return summary(
      last,
      entries.map((entry) => ({ ref: entry.ref, returned: entry.returned })),
    );
  };
}

function summary(round: StoredRound, lines: ReturnLine[]): RoundReturns {
  const returned = lines.filter((line) => line.returned).length;
  return { round, lines, returned, outstanding: lines.length - returned };
}

export type RoundReturnsOf = ReturnType<typeof createRoundReturns>;
