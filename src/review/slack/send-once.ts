import type { LocalDate } from '../../domain/local-date';
import type { ChannelMessage, MessagePoster } from '../../nudges/slack/posting';
import type { NudgeRecordStore } from '../../store/nudge-records';

/** Longer than a Lambda can run, as the nudge run's own lease. */
const LEASE_MS = 15 * 60_000;

export type SendOutcome = 'posted' | 'already-sent' | 'failed';

export interface SendOnceDeps {
  records: NudgeRecordStore;
  poster: MessagePoster;
  clock: () => Date;
  runId: string;
  log?: (event: Record<string, unknown>) => void;
}

/**
 * Posts a message once per slot and day, by the nudges' own exactly-once mechanism: the
 * day's digest claim (a conditional put with a lease, `claimDigest`), taken before posting,
 * finished after. A second run, a retried job or a second click finds the slot taken; a post
 * that failed frees it for the next try. The slot is named apart from channel ids (`chase#U…`,
 * `ask#…`), so a chase never takes the place of a channel's nudge digest.
 */
export async function sendOnce(
  deps: SendOnceDeps,
  day: LocalDate,
  slot: string,
  message: Omit<ChannelMessage, 'postId'>,
): Promise<SendOutcome> {
  const claim = { runId: deps.runId, day, now: deps.clock(), leaseMs: LEASE_MS };
  if (!(await deps.records.claimDigest(day, slot, claim))) return 'already-sent';
  try {
    const { ts } = await deps.poster.post({ ...message, postId: `${slot}:${day}` });
    await deps.records.finishDigest(day, slot, deps.runId, { status: 'done', messages: [{ ts, refs: [] }] });
    return 'posted';
  } catch (error) {
    deps.log?.({ event: 'review.post-failed', slot, error: String(error) });
    await deps.records.finishDigest(day, slot, deps.runId, {
      status: 'failed',
      messages: [],
      error: String(error),
    });
    return 'failed';
  }
}
