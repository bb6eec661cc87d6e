import type { HomeView as SlackHomeView } from '@slack/types';
import { formatDay } from '../../domain/local-date';
import type { DirectionView } from '../../lookup/views';
import { scopeLabel } from '../../lookup/views';
import { REVIEW_ACTIONS } from '../../review/slack/ask-blocks';
import { ACTIONS, buttonValue } from '../../slack/action-ids';
import {
  actions,
  type Block,
  button,
  context,
  divider,
  escapeMrkdwn,
  header,
  sections,
  summary,
} from '../../slack/renderers/blocks';
import { shortDate, standingText, statusText } from '../../slack/renderers/format';
import { HOME_DUE_WORKING_DAYS, type HomeView } from '../home-service';

/** The open review round: its close and counts, and each direction I owe it with [No change] [Update]. */
function reviewSection(review: NonNullable<HomeView['review']>): Block[] {
  const rows = review.owed.map((item) => {
    const key = { ijbId: item.ijbId, planYear: item.planYear, ref: item.ref };
    const buttons = [button('Update', ACTIONS.update, buttonValue(key), 'primary')];
    if (item.canRepeat)
      buttons.unshift(
        button('No change', REVIEW_ACTIONS.noChange, JSON.stringify({ ...key, roundId: item.roundId })),
      );
    return [
      ...sections(`*${escapeMrkdwn(item.ref)}* · ${escapeMrkdwn(summary(item.title, 100))}`),
      actions(`home-review-${item.ref}`, buttons),
    ];
  });
  return [
    header(`Review: ${review.name}`),
    ...sections(
      `Closes ${formatDay(review.closes)} · ${review.returned} returned, ${review.outstanding} outstanding`,
    ),
    ...(rows.length
      ? [context('You still owe the round an update on:'), ...rows.slice(0, ROWS).flat()]
      : [context('You owe this round nothing. Thank you.')]),
    ...(rows.length > ROWS ? [context(`…and ${rows.length - ROWS} more: /direction mine.`)] : []),
    divider(),
  ];
}

/** Slack allows 100 blocks in a Home tab view. */
export const HOME_BLOCK_LIMIT = 100;
/** Rows shown per section, so every section fits within the limit. */
const ROWS = 8;

function when(view: DirectionView): string {
  const due = view.deadlines.find((deadline) => deadline.standing);
  if (!due?.standing) return escapeMrkdwn(view.deadlines[0]?.deadline.asWritten ?? 'no deadline');
  return `${escapeMrkdwn(due.deadline.asWritten)} · ${standingText(due.standing)}`;
}

function row(view: DirectionView, label: string, actionId: string): Block[] {
  const { direction } = view;
  const value = buttonValue({ ijbId: direction.ijbId, planYear: direction.planYear, ref: direction.ref });
  return sections(
    `*${escapeMrkdwn(direction.ref)}* · ${escapeMrkdwn(summary(direction.text, 100))}\n${statusText(direction.status)} · ${when(view)}`,
    button(label, actionId, value),
  );
}

function section(title: string, rows: Block[][], empty: string): Block[] {
  const shown = rows.slice(0, ROWS).flat();
  const more =
    rows.length > ROWS ? [context(`…and ${rows.length - ROWS} more. See \`/direction list\`.`)] : [];
  return [header(title), ...(rows.length > 0 ? [...shown, ...more] : [context(empty)]), divider()];
}

/** App Home in Block Kit: the sections of HomeView, each with the buttons to act. */
export function renderHome(home: HomeView): SlackHomeView {
  const blocks: Block[] = [
    ...sections(`*IJB Directions* · ${escapeMrkdwn(scopeLabel(home.scope))} · today ${home.scope.today}`),
    context(
      'Type `/direction help` anywhere, or message me in the Messages tab: `5.1`, `overdue`, `update 5.1`.',
    ),
    divider(),
    ...(home.review ? reviewSection(home.review) : []),
    ...section(
      'My directions',
      home.mine.map((view) => row(view, 'Update', ACTIONS.update)),
      'You lead no direction yet: an IJB admin assigns leads with `/direction assign 5.1 @lead #team`.',
    ),
    ...section(
      `Due in the next ${HOME_DUE_WORKING_DAYS} working days`,
      home.dueSoon.map((view) => row(view, 'Open', ACTIONS.open)),
      'Nothing falls due in that time.',
    ),
    ...(home.awaitingSignOff
      ? section(
          'Awaiting your sign-off',
          home.awaitingSignOff.map((view) => row(view, 'History', ACTIONS.history)),
          'No Achieved or Retire proposal is waiting for an admin.',
        )
      : []),
    ...section(
      'My drafts',
      home.drafts.map((draft) =>
        sections(
          `${draft.ref ? `*${escapeMrkdwn(draft.ref)}*` : 'An update'} · in progress in the Messages tab (at the ${draft.step} step, ${shortDate(draft.updatedAt)}). Type *cancel* there to drop it.`,
        ),
      ),
      'No update in progress.',
    ),
    ...section(
      'Latest updates in my team channels',
      home.latest.map((item) =>
        sections(
          `*${escapeMrkdwn(item.ref)}* · ${statusText(item.update.status)} · ${shortDate(item.update.at)} by <@${item.update.by}>${item.channel ? ` in <#${item.channel}>` : ''}\n> ${escapeMrkdwn(summary(item.update.text, 140))}`,
        ),
      ),
      'No updates yet on the directions of your team channels.',
    ),
  ];
  return { type: 'home', blocks: blocks.slice(0, HOME_BLOCK_LIMIT) as SlackHomeView['blocks'] };
}
