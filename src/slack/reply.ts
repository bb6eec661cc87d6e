import type { RespondArguments } from '@slack/bolt';
import type { Reply } from './renderers/blocks';

/** A reply in the shape Slack's ack bodies and response_url posts take. */
export function toSlackMessage(reply: Reply): RespondArguments & { text: string } {
  return {
    response_type: reply.visibility === 'channel' ? 'in_channel' : 'ephemeral',
    text: reply.text,
    blocks: reply.blocks,
  };
}
