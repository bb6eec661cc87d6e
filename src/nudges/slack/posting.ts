import type { KnownBlock } from '@slack/types';
import type { LocalDate } from '../../domain/local-date';
import type { DigestLine } from '../plan';

/** A message for a channel, as chat.postMessage takes it. */
export interface ChannelMessage {
  channel: string;
  text: string;
  blocks: KnownBlock[];
  /** Names this post in its message metadata, so a post whose answer was lost is found, not repeated. */
  postId?: string;
  /** The digest this message carries, for a surface that draws its own (Teams: one Adaptive Card). */
  digest?: { day: LocalDate; lines: readonly DigestLine[] };
}

/** Posts one message; resolves with its Slack timestamp (the id replies thread on). */
export interface MessagePoster {
  post(message: ChannelMessage): Promise<{ ts: string }>;
}

/** Slack said "too many requests": wait `retryAfterMs` before trying that channel again. */
export class RateLimitedError extends Error {
  override name = 'RateLimitedError';
  constructor(
    readonly retryAfterMs: number,
    options?: ErrorOptions,
  ) {
    super(`Slack asked us to wait ${retryAfterMs} ms`, options);
  }
}

/** A post that did not go: the reason is kept on the nudge records and the run's report. */
export class PostFailedError extends Error {
  override name = 'PostFailedError';
}

export interface PacingOptions {
  /** Milliseconds now (a clock: tests pass a virtual one). */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Slack allows about one message a second per channel. */
  minIntervalMs?: number;
  /** Posts tried per message when Slack keeps answering 429. */
  maxAttempts?: number;
  /** Epoch ms by which every wait must be over (the Lambda's time left); a longer wait fails the post instead. */
  stopAt?: number;
}

/**
 * Keeps to Slack's pace (https://docs.slack.dev/reference/methods/chat.postMessage: about one
 * message per second per channel) and honours Retry-After on 429, within the time the run has.
 */
export function pacedPoster(poster: MessagePoster, options: PacingOptions): MessagePoster {
  const { now, sleep, minIntervalMs = 1_000, maxAttempts = 3, stopAt = Number.POSITIVE_INFINITY } = options;
  const nextAllowed = new Map<string, number>();

  const waitUntil = async (at: number) => {
    const wait = at - now();
    if (wait <= 0) return;
    if (now() + wait > stopAt)
      throw new PostFailedError(`No time left to wait ${wait} ms for Slack's rate limit`);
    await sleep(wait);
  };

  return {
    async post(message) {
      for (let attempt = 1; ; attempt++) {
        await waitUntil(nextAllowed.get(message.channel) ?? 0);
        try {
          const posted = await poster.post(message);
          nextAllowed.set(message.channel, now() + minIntervalMs);
          return posted;
        } catch (error) {
          if (!(error instanceof RateLimitedError)) throw error;
          if (attempt >= maxAttempts) {
            throw new PostFailedError(`Slack rate-limited ${message.channel} ${attempt} times`, {
              cause: error,
            });
          }
          nextAllowed.set(message.channel, now() + Math.max(error.retryAfterMs, minIntervalMs));
        }
      }
    },
  };
}

/** A poster that posts nothing and remembers what it was given: for dry runs and benchmarks. */
export function recordingPoster(): MessagePoster & { posted: ChannelMessage[] } {
  const posted: ChannelMessage[] = [];
  return {
    posted,
    async post(message) {
      posted.push(message);
      return { ts: `${1_700_000_000 + posted.length}.000100` };
    },
  };
}
