import { STATUS_LABELS } from '../../../domain/direction';
import type { ProgressUpdate, SignOffDecision } from '../../../domain/progress-update';
import { proposalOf } from '../../../domain/progress-update';
import { type Block, button, context, escapeMrkdwn, sections } from '../../../slack/renderers/blocks';
import { ADD_SECOND_ADMIN } from '../../sign-off';
import { UPDATE_ACTIONS } from '../action-ids';
import type { Message } from './conversation';
import { renderDecisionEntry } from './status-card';
import { contentLines, when } from './update-text';

/** To each IJB admin: a proposal to close a direction, with [Approve] [Send back]. */
export function renderSignOffRequest(update: ProgressUpdate): Message {
  const what = STATUS_LABELS[proposalOf(update.status) ?? 'achieved'];
  const value = JSON.stringify({
    ijbId: update.ijbId,
    planYear: update.planYear,
    ref: update.ref,
    id: update.id,
  });
  const blocks: Block[] = [
    ...sections(
      `:ballot_box_with_check: <@${update.by}> proposes *${escapeMrkdwn(update.ref)}* as *${what}* (${when(update.at)}).\n${contentLines(update)}`,
    ),
    {
      type: 'actions',
      block_id: `sign-off:${update.id}`,
      elements: [
        button('Approve', UPDATE_ACTIONS.approve, value, 'primary'),
        button('Send back', UPDATE_ACTIONS.sendBack, value),
      ],
    },
    context(
      `Approving marks ${escapeMrkdwn(update.ref)} ${what}: its deadlines stop being chased. Sending back asks for what is missing. Either is recorded with your name.`,
    ),
  ];
  return { text: `${update.ref} proposed as ${what}: sign-off needed`, blocks };
}

/** What replaces the buttons once decided, and what the lead is told. */
export function renderDecided(decision: SignOffDecision): Message {
  const entry = renderDecisionEntry(decision);
  return { text: entry.text, blocks: [...entry.blocks, context(`Recorded ${when(decision.at)}.`)] };
}

export function renderNoAdmins(update: ProgressUpdate): Message {
  const text = `Your proposal to mark *${escapeMrkdwn(update.ref)}* ${STATUS_LABELS[proposalOf(update.status) ?? 'achieved']} is saved, but no IJB admin is configured to sign it off. Ask your planning team to set DIRECTIONS_ADMINS.`;
  return { text: text.replace(/\*/g, ''), blocks: sections(text) };
}

/** To a proposer who is their IJB's only admin: a proposal needs someone else to sign it off. */
export function renderNeedsSecondAdmin(update: ProgressUpdate): Message {
  const what = STATUS_LABELS[proposalOf(update.status) ?? 'achieved'];
  const text = `Your proposal to mark *${escapeMrkdwn(update.ref)}* ${what} is saved, but someone other than you must sign it off, and you are the only IJB admin. Add a second admin with \`${ADD_SECOND_ADMIN}\`; they will then find it in \`/direction sign-offs\`.`;
  return { text: text.replace(/\*/g, ''), blocks: sections(text) };
}
