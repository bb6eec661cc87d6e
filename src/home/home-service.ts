import type { ConversationState } from '../domain/conversation-state';
import type { Direction, UpdateSummary } from '../domain/direction';
import { isOpen } from '../domain/direction';
import type { LookupService } from '../lookup/lookup-service';
import type { DirectionView, Scope } from '../lookup/views';
import type { ReviewPanel } from '../review/review-panel';
import type { ConversationStore } from '../store/conversation-store';

/** Working days ahead that App Home calls "due soon". */
export const HOME_DUE_WORKING_DAYS = 60;

/** App Home, surface-neutral: what one person sees when they open the bot's Home tab. */
export interface HomeView {
  userId: string;
  scope: Scope;
  /** Directions I lead, soonest deadline first. */
  mine: DirectionView[];
  /** Open directions falling due within HOME_DUE_WORKING_DAYS working days. */
  dueSoon: DirectionView[];
  /** Achieved/Retire proposals waiting for an IJB admin; present for admins only. */
  awaitingSignOff?: DirectionView[];
  /** An update conversation in progress in my DM with the bot. */
  drafts: { ref?: string; step: ConversationState['step']; updatedAt: string }[];
  /** The newest updates on directions of my team channels (the channels of directions I lead). */
  latest: { ref: string; update: UpdateSummary; channel?: string }[];
  /** The IJB's open review round, and what I still owe it; absent when no round is open. */
  review?: ReviewPanel;
}

export type HomeResult = { ok: true; view: HomeView } | { ok: false; problem: string };

export interface HomeDeps {
  lookup: LookupService;
  conversations: ConversationStore;
  isAdmin: (ijbId: string, userId: string) => Promise<boolean>;
  /** The open review round's panel for this person (src/review/review-panel.ts). */
  review?: (ijbId: string, userId: string) => Promise<ReviewPanel | undefined>;
}

const soonest = (view: DirectionView) =>
  view.deadlines.find((deadline) => deadline.dueDate)?.dueDate ?? '9999-12-31';

export function createHomeService({ lookup, conversations, isAdmin, review }: HomeDeps) {
  return {
    /** `dmChannel` is the person's DM with the bot (from app_home_opened), where a draft lives. */
    async build(userId: string, dmChannel?: string): Promise<HomeResult> {
      const scoped = await lookup.scope({});
      if (!scoped.ok) return scoped;
      const { scope } = scoped;
      const [all, admin, draft, round] = await Promise.all([
        lookup.listFiltered(scope, 'all', {}),
        isAdmin(scope.ijb.id, userId),
        dmChannel ? conversations.get({ channel: dmChannel, thread: 'dm', userId }) : undefined,
        review?.(scope.ijb.id, userId),
      ]);
      const views = all.kind === 'views' ? all.views : [];
      const byDeadline = (a: DirectionView, b: DirectionView) => soonest(a).localeCompare(soonest(b));
      const mine = views.filter((view) => view.direction.leads.includes(userId)).sort(byDeadline);
      const dueSoon = views
        .filter((view) => isOpen(view.direction.status) && dueWithin(view, HOME_DUE_WORKING_DAYS))
        .sort(byDeadline);
      const myChannels = new Set(
        mine.flatMap((view) => (view.direction.channel ? [view.direction.channel] : [])),
      );
      const latest = views
        .map((view) => view.direction)
        .filter(
          (direction): direction is Direction & { latestUpdate: UpdateSummary } =>
            direction.latestUpdate !== undefined &&
            (direction.leads.includes(userId) || (!!direction.channel && myChannels.has(direction.channel))),
        )
        .sort((a, b) => b.latestUpdate.at.localeCompare(a.latestUpdate.at))
        .slice(0, 5)
        .map((direction) => ({
          ref: direction.ref,
          update: direction.latestUpdate,
          ...(direction.channel ? { channel: direction.channel } : {}),
        }));
      const view: HomeView = {
        userId,
        scope,
        mine,
        dueSoon,
        drafts: draft
          ? [
              {
                ...(draft.direction ? { ref: draft.direction.ref } : {}),
                step: draft.step,
                updatedAt: draft.updatedAt,
              },
            ]
          : [],
        latest,
        ...(round ? { review: round } : {}),
      };
      if (admin)
        view.awaitingSignOff = views.filter((item) => item.direction.latestUpdate?.signOff === 'pending');
      return { ok: true, view };
    },
  };
}

export type HomeService = ReturnType<typeof createHomeService>;

/** Due from today to the HOME_DUE_WORKING_DAYS-th working day ahead (overdue ones are in "mine"). */
function dueWithin(view: DirectionView, workingDays: number): boolean {
  return view.deadlines.some(
    ({ standing }) =>
      standing?.kind === 'due-today' || (standing?.kind === 'due' && standing.workingDaysLeft <= workingDays),
  );
}
