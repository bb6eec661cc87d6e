import type { DirectionView, Scope } from '../../../lookup/views';
import { scopeLabel } from '../../../lookup/views';
import { ACTIONS, buttonValue } from '../../../slack/action-ids';
import {
  type Block,
  button,
  capBlocks,
  context,
  escapeMrkdwn,
  header,
  type Reply,
  sections,
  summary,
} from '../../../slack/renderers/blocks';
import { pendingProposalText, shortDate, standingText, statusText } from '../../../slack/renderers/format';

/** The soonest standing of a direction's deadlines, for "days left". */
function standing(view: DirectionView): string {
  const due = view.deadlines.find((deadline) => deadline.standing);
  if (!due?.standing)
    return view.deadlines.length > 0
      ? escapeMrkdwn(view.deadlines[0]?.deadline.asWritten ?? '')
      : 'no deadline';
  return `${escapeMrkdwn(due.deadline.asWritten)} · ${standingText(due.standing)}`;
}

function pendingLine(view: DirectionView): string {
  const pending = pendingProposalText(view.pendingSignOff);
  return pending ? `\n${pending}` : '';
}

/** `/direction mine`: the directions I lead, with status, days left and when last updated. */
export function renderMine(scope: Scope, led: DirectionView[], userId: string): Reply {
  if (led.length === 0) {
    return {
      text: `You do not lead any direction in ${scopeLabel(scope)}.`,
      blocks: [
        ...sections(`<@${userId}>, you do not lead any direction in ${escapeMrkdwn(scopeLabel(scope))} yet.`),
        context('An IJB admin assigns leads with `/direction assign 5.1 @lead #team-channel`.'),
      ],
      visibility: 'private',
    };
  }
  const blocks: Block[] = [
    header(`Your directions · ${scopeLabel(scope)}`),
    ...led.flatMap((view) => {
      const { direction } = view;
      const value = buttonValue({ ijbId: direction.ijbId, planYear: direction.planYear, ref: direction.ref });
      const last = direction.latestUpdate
        ? `last update ${shortDate(direction.latestUpdate.at)}`
        : 'no update yet';
      return sections(
        `*${escapeMrkdwn(direction.ref)}* · ${escapeMrkdwn(summary(direction.text, 120))}\n${statusText(direction.status)} · ${standing(view)} · ${last}${pendingLine(view)}`,
        button('Update', ACTIONS.update, value),
      );
    }),
    context(`${led.length} direction${led.length === 1 ? '' : 's'}, soonest deadline first.`),
  ];
  return {
    text: `You lead ${led.length} directions`,
    blocks: capBlocks(blocks, 'Open one with `/direction <ref>`.'),
    visibility: 'private',
  };
}
