import { randomUUID } from 'node:crypto';
import { scottishCalendar } from '../../domain/calendar';
import { refKey } from '../../domain/direction';
import { type Ijb, nudgePolicyOf } from '../../domain/ijb';
import { addDays, type LocalDate } from '../../domain/local-date';
import { calendarFor } from '../../register/calendars';
import type { NudgeRecord, NudgeRecordStore } from '../../store/nudge-records';
import type { RegisterStore } from '../../store/register-store';
import type { SnoozeStore } from '../../store/snooze-store';
import type { SubscriptionStore } from '../../store/subscription-store';
import type { ThreadAnchorStore } from '../../store/thread-anchors';
import { CATCH_UP_WORKING_DAYS, horizonEnd } from '../milestones';
import { type DigestLine, dueNudges, hasEscalationChannel, type NudgeScope, routeNudges } from '../plan';
import { inPool } from '../pool';
import { type DigestReport, deliverDigest, itemsOf } from './deliver';
import type { MessagePoster } from './posting';
import { renderDigest } from './renderers/digest';

export interface NudgeRunDeps {
  store: RegisterStore;
  records: NudgeRecordStore;
  subscriptions: SubscriptionStore;
  snoozes: SnoozeStore;
  anchors: ThreadAnchorStore;
  /** Where digests go; a dry run needs none. */
  poster?: MessagePoster;
  /** For leases and timestamps; the run's day is given, not read from it. */
  clock: () => Date;
  log?: (event: Record<string, unknown>) => void;
  /** Channels that take a whole digest as one message (Teams conversations). */
  wholeDigest?: (channel: string) => boolean;
}

export interface NudgeRunOptions {
  day: LocalDate;
  /** Work out and render the digests, write and post nothing. */
  dryRun?: boolean;
  /** Epoch ms after which no new channel is started (the Lambda's time left, less a margin). */
  stopAt?: number;
  /** Channels posted to at once. */
  concurrency?: number;
}

export interface IjbRunReport {
  ijbId: string;
  planYear?: string;
  /** False when the day is a weekend, a Scottish bank holiday or the IJB's closure day: nothing is sent. */
  workingDay: boolean;
  /** The first day the run covered (earlier than its day when catching up on runs that did not finish). */
  since?: LocalDate;
  retries?: number;
  deadlinesRead: number;
  directionsRead: number;
  quiet: number;
  snoozed: number;
}

export interface NudgeRunReport {
  day: LocalDate;
  runId: string;
  dryRun: boolean;
  /** The last day before this one whose run finished. */
  lastRun?: LocalDate | undefined;
  ijbs: IjbRunReport[];
  digests: (DigestReport & { preview?: { text: string; blocks: unknown[] }[] })[];
  /** Reminders due today that no channel follows (no team channel, no subscriber). */
  unrouted: { ijbId: string; planYear: string; ref: string; milestone: string; dueDate: LocalDate }[];
}

/** Retries are looked up across IJBs at once, by Scotland's calendar (an IJB's own closures aside). */
const SCOTLAND = scottishCalendar();

/** Longer than a Lambda can run, so a live run's claims never lapse under it. */
const LEASE_MS = 15 * 60_000;

/**
 * The daily nudge run for one day: for each IJB's live plan year, read the deadlines whose
 * reminders can fall today from the due-date index (never the whole table), the directions
 * owed one, the subscriptions and running snoozes; route them to channels; then send each
 * channel one digest, exactly once. Safe to run again, or twice at once, for the same day.
 */
export async function runNudges(deps: NudgeRunDeps, options: NudgeRunOptions): Promise<NudgeRunReport> {
  const { day } = options;
  const log = deps.log ?? (() => {});
  const runId = randomUUID();
  const dryRun = options.dryRun === true || deps.poster === undefined;
  const report: NudgeRunReport = { day, runId, dryRun, ijbs: [], digests: [], unrouted: [] };

  const byChannel = new Map<string, DigestLine[]>();
  const [ijbs, lastRun, retries] = await Promise.all([
    deps.store.listIjbs(),
    deps.records.lastRunBefore(day),
    deps.records.listRetries(SCOTLAND.addWorkingDays(day, -CATCH_UP_WORKING_DAYS), day),
  ]);
  report.lastRun = lastRun;
  await inPool(ijbs, 4, async (ijb) => {
    const own = retries.filter((r) => r.ijbId === ijb.id && r.planYear === ijb.latestPlanYear);
    const planned = await planIjb(deps, ijb, day, lastRun, own);
    report.ijbs.push(planned.report);
    report.unrouted.push(...planned.unrouted);
    for (const [channel, lines] of planned.byChannel)
      byChannel.set(channel, [...(byChannel.get(channel) ?? []), ...lines]);
  });
  report.ijbs.sort((a, b) => a.ijbId.localeCompare(b.ijbId));

  const channels = [...byChannel.keys()].sort();
  if (dryRun) {
    for (const channel of channels) {
      const lines = byChannel.get(channel) ?? [];
      const messages = renderDigest(day, lines);
      report.digests.push({
        channel,
        day,
        items: itemsOf(lines),
        messages: messages.length,
        outcome: 'planned',
        preview: messages.map(({ text, blocks }) => ({ text, blocks })),
      });
    }
    return report;
  }

  const poster = deps.poster as MessagePoster;
  let finished = true;
  await inPool(channels, options.concurrency ?? 4, async (channel) => {
    const lines = byChannel.get(channel) ?? [];
    if (options.stopAt !== undefined && deps.clock().getTime() > options.stopAt) {
      report.digests.push({ channel, day, items: itemsOf(lines), messages: 0, outcome: 'deferred' });
      finished = false;
      return;
    }
    const delivered = await deliverDigest(channel, lines, {
      records: deps.records,
      anchors: deps.anchors,
      poster,
      clock: deps.clock,
      runId,
      day,
      leaseMs: LEASE_MS,
      log,
      ...(deps.wholeDigest ? { wholeDigest: deps.wholeDigest } : {}),
    }).catch((error: unknown): DigestReport => {
      finished = false;
      log({ event: 'nudge.digest-failed', channel, error: String(error) });
      return { channel, day, items: itemsOf(lines), messages: 0, outcome: 'failed', error: String(error) };
    });
    report.digests.push(delivered);
  });
  report.digests.sort((a, b) => a.channel.localeCompare(b.channel));
  // A run that finished (failed posts included: they wait in the retry index) is where the
  // next run picks up; one cut short leaves its day to be caught up.
  if (finished) await deps.records.markRun(day, runId, deps.clock());
  log({
    event: 'nudge.run',
    day,
    runId,
    digests: report.digests.map(({ channel, outcome, messages, items }) => ({
      channel,
      outcome,
      messages,
      items: items.length,
    })),
    unrouted: report.unrouted.length,
  });
  return report;
}

async function planIjb(
  deps: NudgeRunDeps,
  ijb: Ijb,
  day: LocalDate,
  lastRun: LocalDate | undefined,
  retries: readonly NudgeRecord[],
) {
  const empty = { byChannel: new Map<string, DigestLine[]>(), unrouted: [] as NudgeRunReport['unrouted'] };
  const calendar = calendarFor(ijb);
  const base = {
    ijbId: ijb.id,
    workingDay: calendar.isWorkingDay(day),
    deadlinesRead: 0,
    directionsRead: 0,
    quiet: 0,
    snoozed: 0,
  };
  const planYear = ijb.latestPlanYear;
  // A year an import is writing is not live: its reminders wait for the next run (which catches up).
  if (!planYear || !base.workingDay || ijb.importingYears?.includes(planYear))
    return { ...empty, report: { ...base, ...(planYear ? { planYear } : {}) } };

  const policy = nudgePolicyOf(ijb);
  const earliest = calendar.addWorkingDays(day, -CATCH_UP_WORKING_DAYS);
  const since = lastRun === undefined ? day : ([addDays(lastRun, 1), earliest].sort().at(-1) ?? day);
  const scope: NudgeScope = { ijb, planYear, calendar, policy, today: day, since };
  const entries = await deps.store.listDue(ijb.id, planYear, { to: horizonEnd(day, policy, calendar) });
  let due = dueNudges(scope, entries, true);
  const report: IjbRunReport = {
    ...base,
    planYear,
    since,
    deadlinesRead: entries.length,
    retries: retries.length,
  };
  if (due.length === 0 && retries.length === 0) return { ...empty, report };

  const subscriptions = await deps.subscriptions.listForIjb(ijb.id);
  if (!hasEscalationChannel(policy, subscriptions)) {
    due = due.filter((nudge) => nudge.reminder).map((nudge) => ({ ...nudge, mayEscalate: false }));
  }
  const refs = [
    ...new Set([...due.map((nudge) => nudge.entry.ref), ...retries.map((r) => r.ref)].map(refKey)),
  ];
  const [directions, snoozes] = await Promise.all([
    deps.store.getDirections(ijb.id, planYear, refs),
    deps.snoozes.listActive(ijb.id, planYear, day),
  ]);
  const routed = routeNudges({ scope, due, retries, directions, subscriptions, snoozes });
  return {
    byChannel: routed.byChannel,
    unrouted: routed.unrouted.map((u) => ({ ijbId: ijb.id, planYear, ...u })),
    report: { ...report, directionsRead: directions.length, quiet: routed.quiet, snoozed: routed.snoozed },
  };
}
