import * as z from 'zod';

/**
 * A Teams conversation the bot was installed in (a channel, a group chat, a personal chat),
 * kept so the daily digest can be posted there proactively through the Bot Connector.
 */
export const TeamsConversationSchema = z.object({
  conversationId: z.string().min(1),
  serviceUrl: z.string().url(),
  tenantId: z.string().optional(),
  channelName: z.string().optional(),
  installedAt: z.string(),
  /** The SDK's conversation reference, whole, to continue the conversation with. */
  reference: z.record(z.string(), z.unknown()),
});
export type TeamsConversation = z.infer<typeof TeamsConversationSchema>;
