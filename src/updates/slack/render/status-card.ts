import { STATUS_LABELS } from '../../../domain/direction';
import type { ProgressUpdate, SignOffDecision } from '../../../domain/progress-update';
import type { DirectionView } from '../../../lookup/views';
import { ACTIONS, buttonValue } from '../../../slack/action-ids';
import {
  actions,
  type Block,
  button,
  context,
  escapeMrkdwn,
  fields,
  header,
  sections,
  summary,
} from '../../../slack/renderers/blocks';
import { deadlinesText, shortDate, statusText, users } from '../../../slack/renderers/format';
import type { PublishEvent } from '../../publish-job';
import type { Message } from './conversation';
import { contentLines, londonTime, quote, statusOfUpdate } from './update-text';

/**
 * The living status card: one message per direction in its team channel, edited in place as
 * the direction moves, with updates as replies in its thread.
 */
export function renderStatusCard(view: DirectionView, ijbName: string): Message {
  const { direction } = view;
  const value = buttonValue({ ijbId: direction.ijbId, planYear: direction.planYear, ref: direction.ref });
  const latest = direction.latestUpdate;
  const blocks: Block[] = [
    header(`${direction.ref} · ${direction.theme.name}`),
    ...sections(escapeMrkdwn(summary(direction.text, 300))),
    ...fields([
      `*Status*\n${statusText(direction.status)}`,
      `*Deadline*\n${deadlinesText(view.deadlines)}`,
      `*Lead*\n${direction.leads.length > 0 ? users(direction.leads) : 'Not assigned yet'}`,
      `*Last update*\n${latest ? `${shortDate(latest.at)} · <@${latest.by}>` : 'None yet'}`,
    ]),
    ...(latest
      ? sections(
          `${latest.proposal ? `_Proposes ${STATUS_LABELS[latest.proposal]} (${latest.signOff === 'approved' ? 'approved' : latest.signOff === 'sent-back' ? 'sent back' : 'awaiting sign-off'})_\n` : ''}${quote(latest.text)}`,
        )
      : []),
    actions(`card:${direction.ref}`, [
      button('Update progress', ACTIONS.update, value, 'primary'),
      button('History', ACTIONS.history, value),
    ]),
    context(
      `${escapeMrkdwn(ijbName)} · Directions ${direction.planYear} · kept up to date here. Reply in this thread to post an update.`,
    ),
  ];
  return { text: `${direction.ref} · ${STATUS_LABELS[direction.status]}`, blocks };
}

/** An update as a reply in the card's thread. */
export function renderThreadEntry(event: PublishEvent, update: ProgressUpdate): Message {
  switch (event) {
    case 'withdrawn':
      return {
        text: `Update withdrawn`,
        blocks: sections(
          `:leftwards_arrow_with_hook: <@${update.by}> undid their update of ${londonTime(update.at)}.`,
        ),
      };
    case 'edited':
      return {
        text: `Update edited`,
        blocks: sections(
          `:pencil2: <@${update.by}> edited their update of ${londonTime(update.at)}: ${statusOfUpdate(update)}\n${contentLines(update)}`,
        ),
      };
    default:
      return {
        text: `${update.ref}: update from ${update.by}`,
        blocks: sections(`*Update* · <@${update.by}> · ${statusOfUpdate(update)}\n${contentLines(update)}`),
      };
  }
}

export function renderDecisionEntry(decision: SignOffDecision): Message {
  const what = STATUS_LABELS[decision.proposal];
  const text =
    decision.outcome === 'approved'
      ? `:white_check_mark: <@${decision.by}> signed off *${escapeMrkdwn(decision.ref)}* as *${what}* (proposed by <@${decision.proposedBy}>).`
      : `:leftwards_arrow_with_hook: <@${decision.by}> sent back <@${decision.proposedBy}>'s proposal to mark *${escapeMrkdwn(decision.ref)}* ${what}${decision.reason ? `:\n> ${escapeMrkdwn(decision.reason)}` : '.'}`;
  return { text: text.replace(/[*:]/g, ''), blocks: sections(text) };
}
