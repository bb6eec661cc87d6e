import { describeDeadline, describeStanding, type Standing } from '../../domain/deadline';
import { type DirectionStatus, STATUS_LABELS } from '../../domain/direction';
import { formatDay, londonDay } from '../../domain/local-date';
import type { DeadlineView, PendingSignOff } from '../../lookup/views';
import { escapeMrkdwn } from './blocks';

const STATUS_EMOJI: Record<DirectionStatus, string> = {
  'not-reported': ':white_circle:',
  'not-started': ':white_circle:',
  'on-track': ':large_green_circle:',
  'at-risk': ':large_orange_circle:',
  'off-track': ':red_circle:',
  achieved: ':white_check_mark:',
  retired: ':heavy_minus_sign:',
};

export function statusText(status: DirectionStatus): string {
  return `${STATUS_EMOJI[status]} ${STATUS_LABELS[status]}`;
}

export function standingText(standing: Standing): string {
  const words = describeStanding(standing);
  return standing.kind === 'overdue'
    ? `:warning: ${words}`
    : standing.kind === 'due-today'
      ? `:bell: ${words}`
      : words;
}

/** "by January 2025 (Fri 31 Jan 2025) · 12 working days left" */
export function deadlineText(view: DeadlineView): string {
  const written = escapeMrkdwn(describeDeadline(view.deadline, view.dueDate));
  return view.standing ? `${written} · ${standingText(view.standing)}` : written;
}

export function deadlinesText(views: readonly DeadlineView[]): string {
  if (views.length === 0) return 'No deadline set (ongoing)';
  return views.map(deadlineText).join('\n');
}

/** "12 Sep 2024" from an ISO instant, in Scotland's time. */
export function shortDate(iso: string): string {
  return formatDay(londonDay(new Date(iso))).slice(4);
}

export function users(ids: readonly string[]): string {
  return ids.map((id) => `<@${id}>`).join(', ');
}

/**
 * "☑ Achieved proposed by @x on 1 Dec 2024 — awaiting sign-off": shown wherever a direction's
 * status is (card, list, mine, history, sign-offs), since the status itself stays as it was
 * until an admin signs the proposal off.
 */
export function pendingProposalText(pending: PendingSignOff | undefined): string | undefined {
  if (!pending) return undefined;
  return `:ballot_box_with_check: ${STATUS_LABELS[pending.proposal]} proposed by <@${pending.by}> on ${shortDate(pending.at)} — awaiting sign-off`;
}
