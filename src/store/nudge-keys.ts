import { refKey } from '../domain/direction';
import { keys } from './keys';

/** Which reminder: one milestone of one deadline of a direction, in one channel. */
export interface NudgeKey {
  ijbId: string;
  planYear: string;
  ref: string;
  deadlineIndex: number;
  milestone: string;
  channel: string;
}

/**
 * Keys of what the daily nudge run keeps: reminders sent, each day's digest per channel,
 * subscriptions and snoozes. Kept apart from keys.ts only so parallel work merges cleanly;
 * the same rule holds: nothing outside src/store builds a key. See docs/data-model.md.
 */
export const nudgeKeys = {
  /** One reminder (or escalation) of one deadline in one channel: written once, before posting. */
  nudge: (n: NudgeKey) => ({
    pk: keys.directionPrefix(n.ijbId, n.planYear).pk,
    sk: `NUDGE#${refKey(n.ref)}#${n.deadlineIndex}#${n.milestone}#${n.channel}`,
  }),
  /** A failed reminder waits in this index (by the day it was first due to go) until it is sent. */
  retryIndex: (day: string, n: NudgeKey) => ({
    gsi1pk: RETRY_SCOPE,
    gsi1sk: `${day}#${n.ijbId}#${n.planYear}#${refKey(n.ref)}#${n.deadlineIndex}#${n.milestone}#${n.channel}`,
  }),
  retryScope: () => RETRY_SCOPE,
  /** Each day's run, once finished: where the next run picks up from. */
  run: (day: string) => ({ pk: 'NUDGERUN', sk: day }),
  nudgePrefix: (ijbId: string, planYear: string, ref: string) => ({
    pk: keys.directionPrefix(ijbId, planYear).pk,
    skPrefix: `NUDGE#${refKey(ref)}#`,
  }),
  /** A channel's digest of one day: the lease that keeps it to one message per channel per day. */
  digest: (day: string, channel: string) => ({ pk: `DIGEST#${day}`, sk: channel }),
  subscription: (ijbId: string, channel: string, filterKey: string) => ({
    pk: `IJB#${ijbId}`,
    sk: `SUB#${channel}#${filterKey}`,
  }),
  subscriptionPrefix: (ijbId: string, channel?: string) => ({
    pk: `IJB#${ijbId}`,
    skPrefix: channel ? `SUB#${channel}#` : 'SUB#',
  }),
  /** Indexed by the day it ends, so the run reads only snoozes still running. */
  snooze: (s: { ijbId: string; planYear: string; ref: string; channel: string; until: string }) => ({
    pk: keys.directionPrefix(s.ijbId, s.planYear).pk,
    sk: `SNOOZE#${refKey(s.ref)}#${s.channel}`,
    gsi1pk: snoozeScope(s.ijbId, s.planYear),
    gsi1sk: `${s.until}#${refKey(s.ref)}#${s.channel}`,
  }),
  snoozeScope,
};

const RETRY_SCOPE = 'NUDGE-RETRY';

function snoozeScope(ijbId: string, planYear: string): string {
  return `SNOOZES#${ijbId}#${planYear}`;
}
