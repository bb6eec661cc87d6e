import { ErrorCode, LogLevel, WebClient } from '@slack/web-api';
import { postOnce } from '../../work/post-once';
import { type MessagePoster, PostFailedError, RateLimitedError } from './posting';

export interface NudgeClientOptions {
  token: string;
  /** A stand-in in tests; Slack's own when unset. */
  slackApiUrl?: string | undefined;
  /** Per request. */
  timeoutMs?: number;
  /** Ignored: kept so callers need not change. The client never retries (see below). */
  retries?: number;
}

/**
 * The Web API client for the daily run. Its defaults retry for ~30 minutes with no timeout
 * (PLATFORM.md), which would outlive the Lambda: here a request gives up after 5 s and is never
 * retried by the client (a retried chat.postMessage whose answer was only slow posts the digest
 * twice); the poster recognises a lost post before trying again (src/work/post-once.ts), and
 * 429s come back to us so Retry-After is honoured within the run's own time budget.
 */
export function createNudgeWebClient(options: NudgeClientOptions): WebClient {
  return new WebClient(options.token, {
    ...(options.slackApiUrl ? { slackApiUrl: withSlash(options.slackApiUrl) } : {}),
    timeout: options.timeoutMs ?? 5_000,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: LogLevel.ERROR,
  });
}

/** chat.postMessage through the Web API, with Slack's errors turned into the run's own. */
export function slackPoster(client: WebClient): MessagePoster {
  return {
    async post(message) {
      try {
        const ts = await postOnce(
          client,
          {
            channel: message.channel,
            text: message.text,
            blocks: message.blocks,
            unfurl_links: false,
            unfurl_media: false,
          },
          message.postId ?? `${message.channel}:${message.text}`,
        );
        if (!ts) throw new PostFailedError('Slack accepted the message but returned no ts');
        return { ts };
      } catch (error) {
        const coded = error as {
          code?: string;
          retryAfter?: number;
          data?: { error?: string };
          message?: string;
        };
        if (coded.code === ErrorCode.RateLimitedError) {
          throw new RateLimitedError((coded.retryAfter ?? 1) * 1_000, { cause: error });
        }
        if (error instanceof PostFailedError) throw error;
        const reason = coded.code === ErrorCode.PlatformError ? coded.data?.error : coded.message;
        throw new PostFailedError(`Slack did not take the message: ${reason ?? 'unknown error'}`, {
          cause: error,
        });
      }
    },
  };
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
