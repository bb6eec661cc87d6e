import type { webApi } from '@slack/bolt';
import type { ChannelMembership } from '../permissions';

/**
 * Whether a person is in a direction's team channel, asked of Slack (conversations.members)
 * and kept for a few minutes: membership changes rarely, and a team replying to one nudge
 * should not cost one API call each. A failure to ask is 'unknown', never a guess.
 */
export function createChannelMembership(
  slack: webApi.WebClient,
  options: { ttlMs?: number; budgetMs?: number; now?: () => number; log?: (message: string) => void } = {},
): ChannelMembership {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const budgetMs = options.budgetMs ?? 1_500;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { members: Set<string>; until: number }>();

  const fetchMembers = async (channel: string): Promise<Set<string>> => {
    const members = new Set<string>();
    let cursor: string | undefined;
    // A team channel of over 10,000 people is not a team: stop there rather than page forever.
    for (let page = 0; page < 10; page++) {
      const result = await slack.conversations.members({
        channel,
        limit: 1000,
        ...(cursor ? { cursor } : {}),
      });
      for (const member of result.members ?? []) members.add(member);
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return members;
  };

  return {
    async isMember(channel, userId) {
      const cached = cache.get(channel);
      if (cached && cached.until > now()) return cached.members.has(userId);
      let timer: NodeJS.Timeout | undefined;
      try {
        const members = await Promise.race([
          fetchMembers(channel),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${budgetMs} ms`)), budgetMs);
          }),
        ]);
        cache.set(channel, { members, until: now() + ttlMs });
        return members.has(userId);
      } catch (error) {
        options.log?.(`conversations.members ${channel}: ${(error as Error).message}`);
        return 'unknown';
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
