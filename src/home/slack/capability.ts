import type { webApi } from '@slack/bolt';
import * as z from 'zod';
import { createLookupService } from '../../lookup/lookup-service';
import { createReviewPanel } from '../../review/review-panel';
import type { CapabilityDeps, SlackCapability } from '../../slack/capability';
import { createConversationStore } from '../../store/conversation-store';
import { createReviewStore } from '../../store/review-store';
import { createRoundDeclineStore } from '../../store/round-decline-store';
import { HOME_REFRESH_JOB } from '../../work/home-refresh';
import { createHomeService, type HomeService } from '../home-service';
import { renderHome } from './render-home';

const RefreshSchema = z.object({
  ijbId: z.string(),
  planYear: z.string(),
  ref: z.string(),
  by: z.string().optional(),
});

async function publish(home: HomeService, slack: webApi.WebClient, userId: string, dmChannel?: string) {
  const built = await home.build(userId, dmChannel);
  if (!built.ok) return;
  await slack.views.publish({ user_id: userId, view: renderHome(built.view) });
}

/** App Home: published when a person opens the Home tab, and again when their directions change. */
export function createHomeCapability(deps: CapabilityDeps): SlackCapability {
  const home = createHomeService({
    lookup: createLookupService({ store: deps.store, clock: deps.clock, defaultIjbId: deps.defaultIjbId }),
    conversations: createConversationStore(deps.db, deps.tableName),
    isAdmin: (ijbId, userId) => deps.admins.isAdmin(ijbId, userId),
    review: createReviewPanel({
      store: deps.store,
      reviews: createReviewStore(deps.db, deps.tableName),
      declines: createRoundDeclineStore(deps.db, deps.tableName),
    }),
  });
  return {
    register(app) {
      app.event('app_home_opened', async ({ event, client }) => {
        if (event.tab !== 'home') return;
        await publish(home, client, event.user, event.channel);
      });
    },
    jobs: {
      async [HOME_REFRESH_JOB](payload) {
        const job = RefreshSchema.parse(payload);
        const direction = await deps.store.getDirection(job.ijbId, job.planYear, job.ref);
        const people = new Set([...(direction?.leads ?? []), ...(job.by ? [job.by] : [])]);
        for (const userId of people) await publish(home, deps.slack, userId);
      },
    },
  };
}
