import type { Button } from '@slack/types';
import type { Direction } from '../../domain/direction';
import { formatDay, type LocalDate, londonDay } from '../../domain/local-date';
import { UpdateStatusSchema } from '../../domain/progress-update';
import type { ReviewRound } from '../../domain/review-round';
import { ACTIONS, buttonValue } from '../../slack/action-ids';
import {
  actions,
  type Block,
  button,
  context,
  escapeMrkdwn,
  type Reply,
  sections,
} from '../../slack/renderers/blocks';
import type { OwedReturn } from '../chases';

export const REVIEW_ACTIONS = {
  noChange: 'review.no-change',
  decline: 'review.decline',
  chase: 'review.chase',
} as const;
export const DECLINE_FORM = 'review.decline-form';

/** Directions shown in one chase: 3 blocks each, inside Slack's 50 blocks per message. */
const CHASE_DIRECTIONS_SHOWN = 14;

/** [No change] (when there is a last update to repeat), [Update], [Not mine] for one direction of a round. */
export function askButtons(round: ReviewRound, direction: Direction): Button[] {
  const key = { ijbId: direction.ijbId, planYear: direction.planYear, ref: direction.ref };
  const roundKey = JSON.stringify({ ...key, roundId: round.id });
  const buttons = [button('Update', ACTIONS.update, buttonValue(key), 'primary')];
  const last = direction.latestUpdate;
  if (last && UpdateStatusSchema.safeParse(last.status).success)
    buttons.unshift(button('No change', REVIEW_ACTIONS.noChange, roundKey));
  buttons.push(button('Not mine', REVIEW_ACTIONS.decline, roundKey));
  return buttons;
}

function lastUpdateText(direction: Direction): string {
  const last = direction.latestUpdate;
  return last
    ? `Your last update (${formatDay(londonDay(new Date(last.at)))}): ${escapeMrkdwn(last.text)}`
    : 'There is no update yet.';
}

/** The ask for one direction: what the round wants, the last update, [No change] [Update] [Not mine]. */
export function renderAsk(round: ReviewRound, direction: Direction): Reply {
  const text = `${round.name}: your update on ${direction.ref} is asked for by ${formatDay(round.closes)}.`;
  return {
    text,
    blocks: [
      ...sections(
        `*${escapeMrkdwn(text)}*\n${escapeMrkdwn(direction.title ?? direction.text.slice(0, 200))}`,
      ),
      ...sections(lastUpdateText(direction)),
      actions(`review-ask-${direction.ref}`, askButtons(round, direction)),
      context('The board paper is made from the updates in the register when the round closes.'),
    ],
    visibility: 'channel',
  };
}

/** One chase: every direction the recipient still owes (across rounds), each with its buttons. */
export function renderChase(day: LocalDate, owed: readonly OwedReturn[]): Reply {
  const refs = owed.map((item) => item.direction.ref);
  const closes = [...new Set(owed.map((item) => item.round.closes))].sort();
  const closing = closes[0] === day ? 'today' : closes[0] ? formatDay(closes[0]) : '';
  const names = [...new Set(owed.map((item) => item.round.name))].join(', ');
  const text = `Reminder: ${names} closes ${closing}. Your update is still owed on ${refs.join(', ')}.`;
  const blocks: Block[] = [...sections(`*${escapeMrkdwn(text)}*`)];
  for (const { round, direction } of owed.slice(0, CHASE_DIRECTIONS_SHOWN)) {
    blocks.push(
      ...sections(
        `*${escapeMrkdwn(direction.ref)}* ${escapeMrkdwn(direction.title ?? direction.text.slice(0, 150))}\n${lastUpdateText(direction)}`,
      ),
      actions(`review-chase-${round.id}-${direction.ref}`, askButtons(round, direction)),
    );
  }
  const more = owed.length - CHASE_DIRECTIONS_SHOWN;
  blocks.push(
    context(
      more > 0
        ? `…and ${more} more: /direction mine lists them all.`
        : 'Not yours? Press Not mine and say why: the IJB admins are told.',
    ),
  );
  return { text, blocks, visibility: 'channel' };
}
