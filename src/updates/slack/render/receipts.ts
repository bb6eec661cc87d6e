import type { Button } from '@slack/types';
import { STATUS_LABELS, type UpdateSummary } from '../../../domain/direction';
import { type ProgressUpdate, proposalOf, UPDATE_STATUS_LABELS } from '../../../domain/progress-update';
import type { Scope } from '../../../lookup/views';
import {
  actions,
  type Block,
  button,
  context,
  escapeMrkdwn,
  type Reply,
  sections,
} from '../../../slack/renderers/blocks';
import { statusText } from '../../../slack/renderers/format';
import { UPDATE_ACTIONS } from '../action-ids';
import { contentLines, correctableUntil, statusOfUpdate } from './update-text';

export function correctionButtons(update: ProgressUpdate): Button[] {
  const value = JSON.stringify({
    ijbId: update.ijbId,
    planYear: update.planYear,
    ref: update.ref,
    id: update.id,
  });
  return [button('Edit', UPDATE_ACTIONS.edit, value), button('Undo', UPDATE_ACTIONS.undo, value, 'danger')];
}

/** What was understood and saved, with Edit and Undo for the next 15 minutes. */
export function savedBlocks(
  update: ProgressUpdate,
  previous: UpdateSummary | undefined,
  understood?: { words: string },
): Block[] {
  const proposal = proposalOf(update.status);
  const label = UPDATE_STATUS_LABELS[update.status];
  const reading =
    understood && understood.words.toLowerCase().replace(/[-_]/g, ' ') !== label.toLowerCase()
      ? ` (I read “${escapeMrkdwn(understood.words)}” as ${label})`
      : '';
  const change = proposal
    ? `${statusOfUpdate(update)}${reading}. An IJB admin will be asked to sign it off; until then ${update.ref} stays ${STATUS_LABELS[previous?.status ?? 'not-reported']}.`
    : `Status: ${previous ? `${statusText(previous.status)} → ` : ''}${statusText(update.status)}${reading}`;
  return [
    ...sections(
      `:white_check_mark: *Saved* your update to *${escapeMrkdwn(update.ref)}*.\n${change}\n${contentLines(update)}`,
    ),
    { type: 'actions', block_id: `correct:${update.id}`, elements: correctionButtons(update) },
    context(
      `You can edit or undo it until ${correctableUntil(update)}; after that, a correction is a new update.`,
    ),
  ];
}

export function renderSaved(
  update: ProgressUpdate,
  previous: UpdateSummary | undefined,
  understood?: { words: string },
): Reply {
  return {
    text: `Saved your update to ${update.ref}: ${UPDATE_STATUS_LABELS[update.status]}`,
    blocks: savedBlocks(update, previous, understood),
    visibility: 'private',
  };
}

/** Not saved: say so, and give the words back so nothing typed is lost. */
export function renderNotSaved(ref: string, reason: string, typed: string, tryAgain: string): Reply {
  return {
    text: `Your update to ${ref} was not saved: ${reason}`,
    blocks: [
      ...sections(`:warning: Your update to *${escapeMrkdwn(ref)}* was *not saved*: ${reason}`),
      ...sections(
        `Here is what you wrote, to send again:\n\`\`\`${escapeMrkdwn(typed.replace(/```/g, "'''"))}\`\`\``,
      ),
      context(tryAgain),
    ],
    visibility: 'private',
  };
}

export function renderUndone(update: ProgressUpdate, nowStatus: string): Reply {
  return {
    text: `Undone: your update to ${update.ref} is withdrawn.`,
    blocks: [
      ...sections(
        `:leftwards_arrow_with_hook: *Undone.* Your update to *${escapeMrkdwn(update.ref)}* is withdrawn; it stays in the history marked as undone. ${escapeMrkdwn(update.ref)} is ${nowStatus}.`,
      ),
    ],
    visibility: 'private',
  };
}

export function renderEdited(update: ProgressUpdate): Reply {
  return {
    text: `Edited your update to ${update.ref}.`,
    blocks: [
      ...sections(
        `:pencil2: *Edited* your update to *${escapeMrkdwn(update.ref)}* (the earlier wording is kept as revision ${update.revision - 1}).\n${statusOfUpdate(update)}\n${contentLines(update)}`,
      ),
      { type: 'actions', block_id: `correct:${update.id}`, elements: correctionButtons(update) },
    ],
    visibility: 'private',
  };
}

/** A refusal or problem whose words are already Slack text (they mention people as <@id>). */
export function renderRefusal(text: string): Reply {
  return {
    text: text.replace(/<[@#]([A-Z0-9]+)>/g, '$1'),
    blocks: sections(`:raising_hand: ${text}`),
    visibility: 'private',
  };
}

/** An update typed against a ref that is not there: the text back, and the nearest refs to send it to. */
export function renderWrongRef(
  scope: Scope,
  ref: string,
  typed: string,
  carryOn: readonly { ref: string; planYear?: string; words: string }[],
): Reply {
  const buttons = carryOn.map((value) =>
    button(`Send it to ${value.ref}`, `${UPDATE_ACTIONS.carryOn}:${value.ref}`, JSON.stringify(value)),
  );
  const where = `${scope.ijb.shortName} ${scope.planYear}`;
  return {
    text: `Not saved: there is no ${ref} in ${where}.`,
    blocks: [
      ...sections(
        `:warning: Your update was *not saved*: there is no *${escapeMrkdwn(ref)}* in ${escapeMrkdwn(where)}.${buttons.length > 0 ? ' Did you mean one of these? The button sends what you wrote to it.' : ''}`,
      ),
      ...sections(`Here is what you wrote:\n\`\`\`${escapeMrkdwn(typed.replace(/```/g, "'''"))}\`\`\``),
      ...(buttons.length > 0 ? [actions(`carry-on:${ref}`, buttons)] : []),
      context('`/direction list` shows every ref.'),
    ],
    visibility: 'private',
  };
}
