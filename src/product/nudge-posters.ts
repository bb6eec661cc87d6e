import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type MessagePoster, PostFailedError, RateLimitedError } from '../nudges/slack/posting';
import { createTeamsConversationStore, type TeamsConversationStore } from '../store/teams-conversation-store';
import { createTeamsAdapter, type TeamsAuthConfig } from '../teams/adapter';
import { digestCard, digestText } from '../teams/cards/digest-card';
import { createTeamsNotifier } from '../teams/notifier';
import {
  isTeamsConversationId,
  type ProactiveSender,
  proactiveSender,
  TeamsSendError,
  TeamsThrottledError,
} from '../teams/proactive';
import type { PersonNotifier } from '../updates/person-notes';

export interface TeamsDigestTarget {
  send: ProactiveSender;
  installs: TeamsConversationStore;
}

/**
 * The digest poster the daily run is given: a Slack channel's messages go to Slack, a Teams
 * conversation's digest goes to Teams as one Adaptive Card through its stored reference.
 * Teams' answers are turned into the run's own errors, so the same pacing (`pacedPoster`:
 * per-channel interval, Retry-After honoured, bounded attempts, within the run's time) and the
 * same claims and retry records (src/nudges/slack/deliver.ts) serve both surfaces.
 */
export function digestPoster(
  slack: MessagePoster | undefined,
  teams: TeamsDigestTarget | undefined,
): MessagePoster {
  return {
    async post(message) {
      if (!isTeamsConversationId(message.channel)) {
        if (!slack) throw new PostFailedError('Slack is not configured for this run: no bot token');
        return slack.post(message);
      }
      if (!teams) throw new PostFailedError('Teams is not configured for this run: no TEAMS_APP_ID');
      if (!message.digest) throw new PostFailedError('Only a digest can be posted to Teams');
      const conversation = await teams.installs.get(message.channel);
      if (!conversation) {
        throw new PostFailedError(
          `The bot is not installed in Teams conversation ${message.channel}: add it to the team, and the next run sends this`,
        );
      }
      const { day, lines } = message.digest;
      try {
        const id = await teams.send(conversation, {
          text: digestText(day, lines),
          card: digestCard(day, lines),
        });
        return { ts: id };
      } catch (error) {
        if (error instanceof TeamsThrottledError)
          throw new RateLimitedError(error.retryAfterMs, { cause: error });
        if (error instanceof TeamsSendError) throw new PostFailedError(error.message, { cause: error });
        throw error;
      }
    },
  };
}

/** Teams conversations take a whole digest as one message. */
export const teamsTakesWholeDigest = isTeamsConversationId;

/** Teams for the daily run: its own adapter (outbound only) and the stored conversations. */
export function buildTeamsDigestTarget(
  auth: TeamsAuthConfig & { appId: string },
  db: DynamoDBDocumentClient,
  tableName: string,
): TeamsDigestTarget {
  return {
    send: proactiveSender(createTeamsAdapter(auth), auth.appId),
    installs: createTeamsConversationStore(db, tableName),
  };
}

/**
 * Notes to Teams users (sign-off requests, decisions, review asks) from a function that does
 * not serve Teams itself (the worker runs the jobs a Teams or Slack request deferred): the
 * same outbound-only adapter and stored personal chats the daily run uses.
 */
export function buildTeamsPeople(
  auth: TeamsAuthConfig & { appId: string },
  db: DynamoDBDocumentClient,
  tableName: string,
  log: (message: string, error?: unknown) => void,
): PersonNotifier {
  return createTeamsNotifier({ ...buildTeamsDigestTarget(auth, db, tableName), log });
}
