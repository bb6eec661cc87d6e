import type { HistoryEvent, ProgressUpdate, SignOffDecision } from '../../../domain/progress-update';
import { proposalOf, withinCorrectionWindow } from '../../../domain/progress-update';
import {
  type Block,
  button,
  capBlocks,
  clip,
  context,
  escapeMrkdwn,
  header,
  type Reply,
  sections,
} from '../../../slack/renderers/blocks';
import { pendingProposalText } from '../../../slack/renderers/format';
import { UPDATE_ACTIONS } from '../action-ids';
import { correctionButtons } from './receipts';
import { contentLines, statusOfUpdate, when } from './update-text';

const VIA: Record<ProgressUpdate['via'], string> = {
  form: 'form',
  line: 'one line',
  conversation: 'conversation',
};

function updateEntry(update: ProgressUpdate): string {
  const notes = [
    ...(update.revision > 1 ? [`edited ${update.revision - 1}×, earlier wording kept`] : []),
    ...(update.withdrawn ? [`undone by its author at ${when(update.withdrawn.at)}`] : []),
  ];
  const head = `*${when(update.at)}* · <@${update.by}> · ${statusOfUpdate(update)} · _${VIA[update.via]}_`;
  // Very long texts are clipped so a page of ten reads well in one message; the update keeps every word.
  const shown = {
    ...update,
    text: clip(update.text, 1000),
    ...(update.nextSteps ? { nextSteps: clip(update.nextSteps, 300) } : {}),
  };
  const body = update.withdrawn
    ? `~${escapeMrkdwn(clip(update.text.split('\n')[0] ?? '', 200))}~`
    : contentLines(shown);
  return `${head}\n${body}${notes.length > 0 ? `\n_${notes.join('; ')}_` : ''}`;
}

function decisionEntry(decision: SignOffDecision): string {
  const what = decision.proposal === 'achieved' ? 'Achieved' : 'Retired';
  const verdict =
    decision.outcome === 'approved'
      ? `:white_check_mark: approved *${what}*`
      : `:leftwards_arrow_with_hook: sent back the proposal of *${what}*`;
  return `*${when(decision.at)}* · <@${decision.by}> ${verdict} (proposed by <@${decision.proposedBy}>)${decision.reason ? `\n> ${escapeMrkdwn(decision.reason)}` : ''}`;
}

/** A proposal still awaiting its decision heads the page, so it is not lost among later updates. */
function pendingBanner(events: readonly HistoryEvent[]): Block[] {
  const pending = events.find(
    (event): event is Extract<HistoryEvent, { kind: 'update' }> =>
      event.kind === 'update' &&
      !event.update.withdrawn &&
      proposalOf(event.update.status) !== undefined &&
      (event.update.signOff?.state ?? 'pending') === 'pending',
  );
  if (!pending) return [];
  const { update } = pending;
  const proposal = proposalOf(update.status);
  const text = proposal && pendingProposalText({ proposal, by: update.by, at: update.at });
  return text ? sections(text) : [];
}

export interface HistoryView {
  ref: string;
  scopeLabel: string;
  ijbId: string;
  planYear: string;
  events: HistoryEvent[];
  next?: string;
  /** Page number, from 1, to say where in the history this is. */
  page: number;
  viewerId: string;
  now: Date;
}

/** A direction's timeline, newest first, a page at a time: who, when, status, text, evidence, decisions. */
export function renderHistory(view: HistoryView): Reply {
  if (view.events.length === 0 && view.page > 1) {
    return {
      text: `That is the whole history of ${view.ref}.`,
      blocks: sections(`That is the whole history of *${escapeMrkdwn(view.ref)}*.`),
      visibility: 'private',
    };
  }
  if (view.events.length === 0) {
    return {
      text: `No updates on ${view.ref} yet.`,
      blocks: [
        ...sections(`No updates on *${escapeMrkdwn(view.ref)}* yet.`),
        context(`Post the first: \`/direction update ${view.ref}\``),
      ],
      visibility: 'private',
    };
  }
  const blocks: Block[] = [
    header(`History · ${view.ref}`),
    context(`${escapeMrkdwn(view.scopeLabel)} · newest first · page ${view.page}`),
    ...pendingBanner(view.events),
  ];
  for (const event of view.events) {
    if (event.kind === 'decision') {
      blocks.push(...sections(decisionEntry(event.decision)));
      continue;
    }
    blocks.push(...sections(updateEntry(event.update)));
    const mine =
      event.update.by === view.viewerId &&
      !event.update.withdrawn &&
      withinCorrectionWindow(event.update, view.now);
    if (mine)
      blocks.push({
        type: 'actions',
        block_id: `correct:${event.update.id}`,
        elements: correctionButtons(event.update),
      });
  }
  if (view.next) {
    const value = JSON.stringify({
      ijbId: view.ijbId,
      planYear: view.planYear,
      ref: view.ref,
      cursor: view.next,
      page: view.page + 1,
    });
    blocks.push({
      type: 'actions',
      block_id: 'history-more',
      elements: [button('Older updates', UPDATE_ACTIONS.olderHistory, value)],
    });
  }
  return {
    text: `History of ${view.ref}: ${view.events.length} entries`,
    blocks: capBlocks(blocks, 'Use Older updates.'),
    visibility: 'private',
  };
}
