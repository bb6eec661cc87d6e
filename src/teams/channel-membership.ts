import { type CloudAdapter, type ConversationReference, TeamsInfo } from 'botbuilder';
import type { TeamsConversationStore } from '../store/teams-conversation-store';
import type { ChannelMembership } from '../updates/permissions';
import { isTeamsConversationId } from './proactive';

/** A member found stays found this long (Slack's check caches the same way). */
const TTL_MS = 5 * 60_000;

/**
 * Whether a Teams user is in a direction's Teams team channel, asked of the Bot Connector as
 * Slack's conversations.members is asked of Slack: TeamsInfo.getMember (GET
 * /v3/conversations/{id}/members/{aadObjectId}) through the channel's stored reference, so
 * to its serviceUrl. A 404 (MemberNotFoundInConversation) is "no"; anything else "unknown".
 * A Teams channel's roster is its team's (private channels aside), which is what Teams offers.
 */
export function teamsChannelMembership(deps: {
  adapter: CloudAdapter;
  appId: string;
  installs: TeamsConversationStore;
  clock: () => Date;
  log: (message: string, error?: unknown) => void;
}): ChannelMembership {
  const found = new Map<string, number>();
  return {
    async isMember(channel, userId) {
      // Slack channels hold Slack people, Teams channels Teams people: neither surface can answer for the other.
      if (!isTeamsConversationId(channel) || !userId.startsWith('aad:')) return false;
      const key = `${channel}#${userId}`;
      if ((found.get(key) ?? 0) > deps.clock().getTime()) return true;
      const conversation = await deps.installs.get(channel);
      if (!conversation) return 'unknown';
      const reference = {
        ...(conversation.reference as Partial<ConversationReference>),
        serviceUrl: conversation.serviceUrl,
      };
      const asked: { answer: boolean | 'unknown' } = { answer: 'unknown' };
      await deps.adapter
        .continueConversationAsync(deps.appId, reference, async (context) => {
          try {
            const member = await TeamsInfo.getMember(context, userId.slice('aad:'.length));
            asked.answer = Boolean(member?.id || member?.aadObjectId);
          } catch (error) {
            const status = (error as { statusCode?: number }).statusCode;
            if (status === 404) asked.answer = false;
            else deps.log(`teams: could not ask whether ${userId} is in ${channel}`, error);
          }
        })
        .catch((error: unknown) => deps.log(`teams: could not reach ${channel}`, error));
      if (asked.answer === true) found.set(key, deps.clock().getTime() + TTL_MS);
      return asked.answer;
    },
  };
}
