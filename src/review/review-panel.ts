import { UpdateStatusSchema } from '../domain/progress-update';
import type { RegisterStore } from '../store/register-store';
import type { ReviewStore } from '../store/review-store';
import type { RoundDeclineStore } from '../store/round-decline-store';
import { hasReturned, owedReturns } from './chases';

/** One direction I still owe the open round. */
export interface OwedItem {
  ijbId: string;
  planYear: string;
  roundId: string;
  ref: string;
  title: string;
  /** True when the last update can be repeated as "No change". */
  canRepeat: boolean;
}

/** The open round as App Home shows it: its name, close, counts, and what I owe it. */
export interface ReviewPanel {
  name: string;
  closes: string;
  returned: number;
  outstanding: number;
  owed: OwedItem[];
}

/** Builds the App Home review panel for one person, from the same rules the chases use. */
export function createReviewPanel(deps: {
  store: Pick<RegisterStore, 'getDirections'>;
  reviews: Pick<ReviewStore, 'openRound'>;
  declines: RoundDeclineStore;
}) {
  return async (ijbId: string, userId: string): Promise<ReviewPanel | undefined> => {
    const round = await deps.reviews.openRound(ijbId);
    if (round?.state !== 'open') return undefined;
    const [directions, declines] = await Promise.all([
      deps.store.getDirections(ijbId, round.planYear, round.refs),
      deps.declines.list(ijbId, round.id),
    ]);
    const returned = directions.filter((direction) => hasReturned(round, direction)).length;
    const mine = owedReturns(round, directions, declines).get(userId) ?? [];
    return {
      name: round.name,
      closes: round.closes,
      returned,
      outstanding: directions.length - returned,
      owed: mine.map(({ direction }) => ({
        ijbId,
        planYear: direction.planYear,
        roundId: round.id,
        ref: direction.ref,
        title: direction.title ?? direction.text.slice(0, 100),
        canRepeat: UpdateStatusSchema.safeParse(direction.latestUpdate?.status).success,
      })),
    };
  };
}
