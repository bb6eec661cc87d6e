import {
  type Activity,
  CardFactory,
  type CloudAdapter,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import type { TeamsConversation } from '../domain/teams-conversation';
import type { AdaptiveCard } from './cards/adaptive';

/** The Bot Connector said 429: try that conversation again after `retryAfterMs`. */
export class TeamsThrottledError extends Error {
  override name = 'TeamsThrottledError';
  constructor(
    readonly retryAfterMs: number,
    options?: ErrorOptions,
  ) {
    super(`The Bot Connector asked us to wait ${retryAfterMs} ms`, options);
  }
}

/** A proactive message that did not go (no stored conversation, the bot removed, a 4xx/5xx). */
export class TeamsSendError extends Error {
  override name = 'TeamsSendError';
}

export interface ProactiveMessage {
  text: string;
  card?: AdaptiveCard;
}

/** Sends a message into a stored conversation: resolves with the activity id the connector gave it. */
export type ProactiveSender = (conversation: TeamsConversation, message: ProactiveMessage) => Promise<string>;

/**
 * Azure's pipeline under the connector client retries a 429 itself, sleeping the Retry-After
 * on a real timer (up to 3 times) — outside the run's time budget and invisible to it. The
 * run paces and retries itself (src/nudges/slack/posting.ts `pacedPoster`, bounded, within the
 * Lambda's time left), so the SDK's own retry policy is taken out of this one client.
 */
function withoutSdkRetries(context: TurnContext, adapter: CloudAdapter): void {
  const client = context.turnState.get(adapter.ConnectorClientKey) as
    | { client?: { pipeline?: { removePolicy(options: { name: string }): unknown } } }
    | undefined;
  client?.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
}

/**
 * Proactive messages through the SDK: `continueConversationAsync` with the conversation
 * reference kept at install, so the message goes to that reference's serviceUrl
 * (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages).
 */
export function proactiveSender(adapter: CloudAdapter, appId: string): ProactiveSender {
  return async (conversation, message) => {
    const reference = {
      ...(conversation.reference as Partial<ConversationReference>),
      serviceUrl: conversation.serviceUrl,
    };
    let id: string | undefined;
    // Kept, not thrown inside the turn: the adapter's onTurnError would answer it with an apology
    // in the same conversation, and swallow it.
    let failure: unknown;
    try {
      await adapter.continueConversationAsync(appId, reference, async (context) => {
        withoutSdkRetries(context, adapter);
        const activity: Partial<Activity> = {
          type: 'message',
          text: message.text,
          ...(message.card ? { attachments: [CardFactory.adaptiveCard(message.card)] } : {}),
        };
        try {
          id = (await context.sendActivity(activity))?.id;
        } catch (error) {
          failure = error;
        }
      });
    } catch (error) {
      failure ??= error;
    }
    if (failure !== undefined) throw asSendError(failure);
    if (!id) throw new TeamsSendError('The Bot Connector accepted the message but returned no id');
    return id;
  };
}

function asSendError(error: unknown): Error {
  const rest = error as {
    statusCode?: number;
    response?: { headers?: { get?(name: string): string | undefined } };
    message?: string;
  };
  if (rest.statusCode === 429) {
    const header = rest.response?.headers?.get?.('retry-after');
    const seconds = Number(header);
    return new TeamsThrottledError(Number.isFinite(seconds) && seconds >= 0 ? seconds * 1_000 : 1_000, {
      cause: error,
    });
  }
  return new TeamsSendError(
    `Teams did not take the message${rest.statusCode ? ` (HTTP ${rest.statusCode})` : ''}: ${rest.message ?? String(error)}`,
    { cause: error },
  );
}

/** Whether a digest channel or a person is Teams': conversation ids are "19:…" or "a:…", users "aad:…". */
export function isTeamsConversationId(channel: string): boolean {
  return /^(19|a|8):/.test(channel);
}
