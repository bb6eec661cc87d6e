/**
 * chat.postMessage is not idempotent: a post whose answer was lost (a timeout, a dropped
 * connection, a 5xx) may well have been posted, and posting again shows it twice. So every
 * post carries message metadata naming it, and before a post is tried again the channel's
 * recent messages are searched for that name (conversations.history / .replies with
 * include_all_metadata; https://docs.slack.dev/messaging/message-metadata). The Web API
 * clients themselves never retry (src/slack/app.ts, src/nudges/slack-poster.ts).
 *
 * Structural types only, so the capabilities that post (updates, nudges) need no Slack import.
 */
export const POST_EVENT_TYPE = 'ijb_directions_post';

interface PostedMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

export interface PostingClient {
  chat: { postMessage(args: never): Promise<{ ts?: string }> };
  conversations: {
    history(args: never): Promise<{ messages?: PostedMessage[] }>;
    replies(args: never): Promise<{ messages?: PostedMessage[] }>;
  };
}

export interface OnceMessage {
  channel: string;
  text: string;
  blocks?: unknown[];
  thread_ts?: string;
  unfurl_links?: boolean;
  unfurl_media?: boolean;
}

/** How far back a lost post is looked for: the client's timeout and a retry fit in it many times. */
const LOOK_BACK_SECONDS = 15 * 60;

/** Posts `message` once, as `postId`; resolves with its ts, found again if its answer was lost. */
export async function postOnce(
  client: PostingClient,
  message: OnceMessage,
  postId: string,
  options: { attempts?: number; now?: () => Date } = {},
): Promise<string | undefined> {
  const attempts = options.attempts ?? 2;
  const now = options.now ?? (() => new Date());
  const args = { ...message, metadata: { event_type: POST_EVENT_TYPE, event_payload: { post_id: postId } } };
  for (let attempt = 1; ; attempt++) {
    try {
      return (await client.chat.postMessage(args as never)).ts;
    } catch (error) {
      if (!answerLost(error) || attempt >= attempts) throw error;
      const found = await findPost(client, message, postId, now()).catch(() => undefined);
      if (found) return found;
    }
  }
}

/** A timeout, a dropped connection or a 5xx: Slack may have posted it. A platform error (not_in_channel) it did not. */
export function answerLost(error: unknown): boolean {
  const { code, statusCode } = error as { code?: string; statusCode?: number };
  return (
    code === 'slack_webapi_request_error' || (code === 'slack_webapi_http_error' && (statusCode ?? 0) >= 500)
  );
}

async function findPost(
  client: PostingClient,
  message: OnceMessage,
  postId: string,
  now: Date,
): Promise<string | undefined> {
  const oldest = String(Math.floor(now.getTime() / 1000) - LOOK_BACK_SECONDS);
  const common = { channel: message.channel, oldest, include_all_metadata: true, limit: 100 };
  const { messages = [] } = message.thread_ts
    ? await client.conversations.replies({ ...common, ts: message.thread_ts } as never)
    : await client.conversations.history(common as never);
  return messages.find(
    (posted) =>
      posted.metadata?.event_type === POST_EVENT_TYPE && posted.metadata.event_payload?.post_id === postId,
  )?.ts;
}
