import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { DirectionStatus } from '../../../domain/direction';
import { formatDay, LONDON } from '../../../domain/local-date';
import {
  CORRECTION_WINDOW_MS,
  type ProgressUpdate,
  proposalOf,
  type UpdateContent,
} from '../../../domain/progress-update';
import { escapeMrkdwn, mrkdwnLink } from '../../../slack/renderers/blocks';
import { shortDate, statusText } from '../../../slack/renderers/format';

/** "14:05", Scotland's time. */
export function londonTime(iso: string): string {
  return format(new TZDate(new Date(iso), LONDON), 'HH:mm');
}

/** "12 Sep 2024 14:05" */
export function when(iso: string): string {
  return `${shortDate(iso)} ${londonTime(iso)}`;
}

export function correctableUntil(update: Pick<ProgressUpdate, 'at'>): string {
  return londonTime(new Date(new Date(update.at).getTime() + CORRECTION_WINDOW_MS).toISOString());
}

export function quote(text: string): string {
  return escapeMrkdwn(text)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** How an update's status reads: a proposal says it awaits sign-off. */
export function statusOfUpdate(update: Pick<ProgressUpdate, 'status' | 'signOff'>): string {
  const proposal = proposalOf(update.status);
  if (!proposal) return statusText(update.status as DirectionStatus);
  const what = proposal === 'achieved' ? 'Achieved' : 'Retire';
  const state = update.signOff?.state ?? 'pending';
  const outcome =
    state === 'approved' ? 'approved' : state === 'sent-back' ? 'sent back' : 'awaiting sign-off';
  return `:ballot_box_with_check: proposes *${what}* (${outcome})`;
}

/** The body of an update: what happened, evidence, revised date, next steps. */
export function contentLines(content: UpdateContent): string {
  return [
    quote(content.text),
    ...(content.evidence.length > 0 ? [`*Evidence* ${content.evidence.map(mrkdwnLink).join(' · ')}`] : []),
    ...(content.expectedDate ? [`*Revised expected date* ${formatDay(content.expectedDate)}`] : []),
    ...(content.nextSteps ? [`*Next steps* ${escapeMrkdwn(content.nextSteps)}`] : []),
  ].join('\n');
}
