import type { DirectionView, Scope } from '../../../lookup/views';
import { scopeLabel } from '../../../lookup/views';
import {
  actions,
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
import { pendingProposalText } from '../../../slack/renderers/format';
import { UPDATE_ACTIONS } from '../action-ids';

/** A direction whose latest update is a proposal still awaiting its decision. */
export function awaitsSignOff(view: DirectionView): boolean {
  return Boolean(view.pendingSignOff?.updateId);
}

/**
 * `/direction sign-offs`: what awaits an IJB admin's decision, with Approve and Send back. The
 * admin's own proposals are listed without buttons: someone else signs those off.
 */
export function renderSignOffs(scope: Scope, pending: readonly DirectionView[], viewerId: string): Reply {
  const label = scopeLabel(scope);
  if (pending.length === 0) {
    return {
      text: `Nothing awaits sign-off in ${label}.`,
      blocks: sections(`Nothing awaits sign-off in ${escapeMrkdwn(label)}.`),
      visibility: 'private',
    };
  }
  const blocks: Block[] = [header(`Awaiting sign-off · ${label}`)];
  for (const { direction, pendingSignOff } of pending) {
    const latest = direction.latestUpdate;
    if (!latest || !pendingSignOff?.updateId) continue;
    blocks.push(
      ...sections(
        `*${escapeMrkdwn(direction.ref)}* · ${escapeMrkdwn(summary(direction.text, 120))}\n${pendingProposalText(pendingSignOff) ?? ''}\n> ${escapeMrkdwn(summary(latest.text, 300))}`,
      ),
    );
    if (pendingSignOff.by === viewerId) {
      blocks.push(context('You proposed this: another IJB admin signs it off.'));
      continue;
    }
    const value = JSON.stringify({
      ijbId: direction.ijbId,
      planYear: direction.planYear,
      ref: direction.ref,
      id: pendingSignOff.updateId,
    });
    blocks.push(
      actions(`sign-off:${pendingSignOff.updateId}`, [
        button('Approve', UPDATE_ACTIONS.approve, value, 'primary'),
        button('Send back', UPDATE_ACTIONS.sendBack, value),
      ]),
    );
  }
  blocks.push(context(`${pending.length} proposal${pending.length === 1 ? '' : 's'} awaiting sign-off.`));
  return {
    text: `${pending.length} proposals await sign-off in ${label}`,
    blocks: capBlocks(blocks, 'Decide these, then run `/direction sign-offs` again.'),
    visibility: 'private',
  };
}
