import type { LocalDate } from '../../domain/local-date';
import {
  type Claim,
  type NudgeKey,
  type NudgeRecord,
  type NudgeRecordStore,
  nudgeId,
} from '../../store/nudge-records';
import type { ThreadAnchorStore } from '../../store/thread-anchors';
import type { DigestDeadline, DigestLine } from '../plan';
import { inPool } from '../pool';
import type { MessagePoster } from './posting';
import { type DigestMessage, renderDigest } from './renderers/digest';

/** A reminder as the run reports it (and `npm run nudge -- --json` prints it). */
export interface NudgeItem {
  ijbId: string;
  planYear: string;
  ref: string;
  deadlineIndex: number;
  milestone: string;
  dueDate: LocalDate;
}

export interface DigestReport {
  channel: string;
  day: LocalDate;
  items: NudgeItem[];
  messages: number;
  /**
   * planned: a dry run; posted; failed (kept for the next run); already-sent: nothing new for
   * this channel; taken: another run is sending this channel's digest; deferred: out of time.
   */
  outcome: 'planned' | 'posted' | 'failed' | 'already-sent' | 'taken' | 'deferred';
  error?: string;
}

/** Conditional writes of one digest's records in flight at once. */
const WRITES_AT_ONCE = 8;

export interface DeliveryDeps {
  records: NudgeRecordStore;
  anchors: ThreadAnchorStore;
  poster: MessagePoster;
  clock: () => Date;
  runId: string;
  day: LocalDate;
  /** Longer than any run can last (a Lambda runs 15 minutes at most). */
  leaseMs: number;
  log: (event: Record<string, unknown>) => void;
  /** Channels that take the whole digest as one message (Teams: one Adaptive Card, up to 28 KB). */
  wholeDigest?: (channel: string) => boolean;
}

interface Wanted {
  line: DigestLine;
  deadline: DigestDeadline;
  key: NudgeKey;
}

export function itemsOf(lines: readonly DigestLine[]): NudgeItem[] {
  return lines.flatMap((line) =>
    line.deadlines.map((d) => ({
      ijbId: line.ijb.id,
      planYear: line.planYear,
      ref: line.direction.ref,
      deadlineIndex: d.deadlineIndex,
      milestone: d.milestone.id,
      dueDate: d.dueDate,
    })),
  );
}

export function isClaimable(record: NudgeRecord | undefined, now: Date): boolean {
  if (!record) return true;
  return record.status === 'failed' || (record.status === 'sending' && record.leaseUntil < now.toISOString());
}

/**
 * Sends one channel's digest exactly once: it reads which of its reminders are already sent,
 * takes the channel's digest for the day (so two runs at once send one message, not two
 * halves), claims each reminder with a conditional write, then posts and marks each sent — or
 * failed, to be retried by the next run.
 */
export async function deliverDigest(
  channel: string,
  lines: readonly DigestLine[],
  deps: DeliveryDeps,
): Promise<DigestReport> {
  const { records, day, runId } = deps;
  const wanted: Wanted[] = lines.flatMap((line) =>
    line.deadlines.map((deadline) => ({ line, deadline, key: keyOf(channel, line, deadline) })),
  );
  const report = (outcome: DigestReport['outcome'], sent: Wanted[], messages = 0, error?: string) => ({
    channel,
    day,
    items: itemsOf(regroup(sent)),
    messages,
    outcome,
    ...(error ? { error } : {}),
  });
  const existing = await records.getMany(wanted.map((w) => w.key));
  const firstDay = (w: Wanted) => existing.get(nudgeId(w.key))?.day ?? day;
  const open = wanted.filter((w) => isClaimable(existing.get(nudgeId(w.key)), deps.clock()));
  if (open.length === 0) {
    const inFlight = wanted.some((w) => existing.get(nudgeId(w.key))?.status === 'sending');
    return report(inFlight ? 'taken' : 'already-sent', []);
  }

  const claim: Claim = { runId, day, now: deps.clock(), leaseMs: deps.leaseMs };
  if (!(await records.claimDigest(day, channel, claim))) return report('taken', []);
  const won: Wanted[] = [];
  await inPool(open, WRITES_AT_ONCE, async (w) => {
    if (await records.claim(w.key, existing.get(nudgeId(w.key)), { ...claim, now: deps.clock() }))
      won.push(w);
  });
  if (won.length === 0) {
    await records.finishDigest(day, channel, runId, { status: 'done', messages: [] });
    return report('taken', []);
  }

  const messages = deps.wholeDigest?.(channel)
    ? oneMessage(day, regroup(won))
    : renderDigest(day, regroup(won));
  const posted: { ts: string; refs: string[] }[] = [];
  let failure: string | undefined;
  for (const message of messages) {
    const keys = won.filter((w) => message.lines.some((line) => sameLine(line, w.line)));
    const markFailed = (reason: string) =>
      inPool(keys, WRITES_AT_ONCE, (w) =>
        records.markFailed(w.key, runId, reason, deps.clock(), firstDay(w)),
      );
    if (failure) {
      await markFailed(failure);
      continue;
    }
    let ts: string;
    try {
      ({ ts } = await deps.poster.post({
        channel,
        text: message.text,
        blocks: message.blocks,
        postId: `digest:${day}:${channel}:${messages.indexOf(message)}`,
        digest: { day, lines: message.lines },
      }));
    } catch (error) {
      failure = (error as Error).message ?? String(error);
      deps.log({ event: 'nudge.post-failed', channel, error: failure });
      await markFailed(failure);
      continue;
    }
    // Posted: from here a failure to record must not make the reminder look unsent (that would
    // post it twice). Left 'sending', it is neither retried nor due again.
    const at = deps.clock();
    posted.push({ ts, refs: message.lines.map((line) => line.direction.ref) });
    await inPool(keys, WRITES_AT_ONCE, (w) => records.markSent(w.key, runId, ts, at)).catch(
      (error: unknown) => deps.log({ event: 'nudge.record-failed', channel, ts, error: String(error) }),
    );
    await deps.anchors
      .put({
        channel,
        ts,
        kind: 'nudge',
        directions: message.lines.map((line) => ({
          ijbId: line.ijb.id,
          planYear: line.planYear,
          ref: line.direction.ref,
        })),
        createdAt: at.toISOString(),
      })
      .catch((error: unknown) =>
        deps.log({ event: 'nudge.anchor-failed', channel, ts, error: String(error) }),
      );
  }
  await records.finishDigest(day, channel, runId, {
    status: failure ? 'failed' : 'done',
    messages: posted,
    ...(failure ? { error: failure } : {}),
  });
  return report(failure ? 'failed' : 'posted', won, messages.length, failure);
}

/** The digest as one message: every line, with the Slack text as its fallback. */
function oneMessage(day: LocalDate, lines: DigestLine[]): DigestMessage[] {
  const text = renderDigest(day, lines)[0]?.text ?? '';
  return [{ text, blocks: [], lines }];
}

function keyOf(channel: string, line: DigestLine, deadline: DigestDeadline): NudgeKey {
  return {
    ijbId: line.ijb.id,
    planYear: line.planYear,
    ref: line.direction.ref,
    deadlineIndex: deadline.deadlineIndex,
    milestone: deadline.milestone.id,
    channel,
  };
}

/** The lines again, each with only the reminders this run won. */
function regroup(won: readonly Wanted[]): DigestLine[] {
  const lines = new Map<DigestLine, DigestLine>();
  for (const { line, deadline } of won) {
    const copy = lines.get(line) ?? { ...line, deadlines: [] };
    copy.deadlines.push(deadline);
    lines.set(line, copy);
  }
  return [...lines.values()].map((line) =>
    line.deadlines.some((d) => d.milestone.kind === 'escalation') ? line : withoutEscalation(line),
  );
}

function withoutEscalation(line: DigestLine): DigestLine {
  const { escalation: _escalation, ...rest } = line;
  return rest;
}

function sameLine(a: DigestLine, b: DigestLine): boolean {
  return a.ijb.id === b.ijb.id && a.planYear === b.planYear && a.direction.ref === b.direction.ref;
}
