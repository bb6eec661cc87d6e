import { randomUUID } from 'node:crypto';
import { refKey } from '../../domain/direction';
import { nudgePolicyOf } from '../../domain/ijb';
import type { LocalDate } from '../../domain/local-date';
import type { MessagePoster } from '../../nudges/slack/posting';
import { calendarFor } from '../../register/calendars';
import type { NudgeRecordStore } from '../../store/nudge-records';
import type { RegisterStore } from '../../store/register-store';
import type { ReviewStore } from '../../store/review-store';
import type { RoundDeclineStore } from '../../store/round-decline-store';
import { chaseDays, isSlackRecipient, type OwedReturn, owedReturns } from '../chases';
import { renderChase } from './ask-blocks';
import { type SendOnceDeps, type SendOutcome, sendOnce } from './send-once';

export interface ChaseRunDeps {
  store: RegisterStore;
  reviews: ReviewStore;
  declines: RoundDeclineStore;
  records: NudgeRecordStore;
  /** Where chases go; a dry run needs none. */
  poster?: MessagePoster;
  clock: () => Date;
  log?: (event: Record<string, unknown>) => void;
}

export interface ChaseReport {
  recipient: string;
  refs: string[];
  outcome: SendOutcome | 'planned';
}

export interface ChaseRunReport {
  day: LocalDate;
  /** IJBs whose open round is chased today. */
  rounds: { ijbId: string; roundId: string }[];
  chases: ChaseReport[];
}

/** The slot that keeps chases to one message per person (or channel) per day. */
export const chaseSlot = (recipient: string) => `chase#${recipient}`;

/** Chases one recipient now, at most once a day: the daily run and the [Chase] button share this. */
export function chaseOne(
  deps: SendOnceDeps,
  day: LocalDate,
  recipient: string,
  owed: readonly OwedReturn[],
): Promise<SendOutcome> {
  const reply = renderChase(day, owed);
  return sendOnce(deps, day, chaseSlot(recipient), {
    channel: recipient,
    text: reply.text,
    blocks: reply.blocks,
  });
}

/**
 * The day's chases, run by the daily nudge job: for each IJB whose open round has a chase day
 * today (a working day on its calendar, never in the festive break), everyone who still owes a
 * return gets one DM listing all they owe. Safe to run again, or twice at once.
 */
export async function runChases(
  deps: ChaseRunDeps,
  options: { day: LocalDate; dryRun?: boolean },
): Promise<ChaseRunReport> {
  const { day } = options;
  const report: ChaseRunReport = { day, rounds: [], chases: [] };
  const byRecipient = new Map<string, OwedReturn[]>();
  for (const ijb of await deps.store.listIjbs()) {
    const calendar = calendarFor(ijb);
    if (!calendar.isWorkingDay(day)) continue;
    const round = await deps.reviews.openRound(ijb.id);
    if (round?.state !== 'open' || !chaseDays(round, calendar, nudgePolicyOf(ijb)).includes(day)) continue;
    if (ijb.importingYears?.includes(round.planYear)) continue;
    report.rounds.push({ ijbId: ijb.id, roundId: round.id });
    const [directions, declines] = await Promise.all([
      deps.store.getDirections(ijb.id, round.planYear, round.refs),
      deps.declines.list(ijb.id, round.id),
    ]);
    for (const [recipient, owed] of owedReturns(round, directions, declines))
      byRecipient.set(recipient, [...(byRecipient.get(recipient) ?? []), ...owed]);
  }
  const runId = randomUUID();
  // Teams leads are not chased here: Teams has no digest poster yet (issue 15).
  for (const recipient of [...byRecipient.keys()].filter(isSlackRecipient).sort()) {
    const owed = (byRecipient.get(recipient) ?? []).sort((a, b) =>
      refKey(a.direction.ref).localeCompare(refKey(b.direction.ref), 'en', { numeric: true }),
    );
    const refs = owed.map((item) => item.direction.ref);
    const outcome =
      options.dryRun || !deps.poster
        ? 'planned'
        : await chaseOne({ ...deps, poster: deps.poster, runId }, day, recipient, owed);
    report.chases.push({ recipient, refs, outcome });
  }
  deps.log?.({ event: 'review.chases', day, chases: report.chases.length });
  return report;
}
