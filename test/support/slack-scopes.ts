/**
 * The bot scopes each Web API method needs (docs.slack.dev/reference/methods/<method>, "Bot
 * token scopes"). A method missing here fails the manifest test: look it up and add it.
 * Where a method serves several conversation types, the product's needs are listed: public
 * and private team channels, and DMs with the bot.
 */
export const METHOD_SCOPES: Record<string, readonly string[]> = {
  'auth.test': [],
  // chat:write.public: nudges reach a public team channel that subscribed without inviting the bot first.
  'chat.postMessage': ['chat:write', 'chat:write.public'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.delete': ['chat:write'],
  'chat.scheduleMessage': ['chat:write'],
  'chat.deleteScheduledMessage': ['chat:write'],
  'chat.scheduledMessages.list': ['chat:write'],
  'chat.getPermalink': [],
  'chat.unfurl': ['links:write'],
  'views.open': [],
  'views.update': [],
  'views.push': [],
  'views.publish': [],
  'conversations.info': ['channels:read', 'groups:read'],
  'conversations.members': ['channels:read', 'groups:read'],
  'conversations.list': ['channels:read', 'groups:read'],
  'conversations.history': ['channels:history', 'groups:history', 'im:history'],
  'conversations.replies': ['channels:history', 'groups:history', 'im:history'],
  'conversations.join': ['channels:join'],
  'conversations.open': ['im:write'],
  'users.info': ['users:read'],
  'users.list': ['users:read'],
  'users.lookupByEmail': ['users:read', 'users:read.email'],
  'files.info': ['files:read'],
  'files.list': ['files:read'],
  'files.getUploadURLExternal': ['files:write'],
  'files.completeUploadExternal': ['files:write'],
  'reactions.add': ['reactions:write'],
  'reactions.remove': ['reactions:write'],
  'pins.add': ['pins:write'],
  'team.info': ['team:read'],
};

/** The scope each event subscription needs (docs.slack.dev/reference/events/<event>). */
export const EVENT_SCOPES: Record<string, readonly string[]> = {
  app_home_opened: [],
  app_mention: ['app_mentions:read'],
  app_uninstalled: [],
  tokens_revoked: [],
  file_shared: ['files:read'],
  link_shared: ['links:read'],
  member_joined_channel: ['channels:read', 'groups:read'],
  member_left_channel: ['channels:read', 'groups:read'],
  reaction_added: ['reactions:read'],
  'message.im': ['im:history'],
  'message.channels': ['channels:history'],
  'message.groups': ['groups:history'],
  'message.mpim': ['mpim:history'],
};
