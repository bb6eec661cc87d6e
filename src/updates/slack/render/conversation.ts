import type { Button } from '@slack/types';
import type { ConversationState } from '../../../domain/conversation-state';
import { UPDATE_STATUS_LABELS, type UpdateStatus } from '../../../domain/progress-update';
import { type Block, button, context, escapeMrkdwn, sections } from '../../../slack/renderers/blocks';
import { shortDate } from '../../../slack/renderers/format';
import type { Prompt } from '../../conversation';
import { type RawUpdate, validateUpdate } from '../../update-input';
import { UPDATE_ACTIONS } from '../action-ids';
import { savedBlocks } from './receipts';
import { contentLines } from './update-text';

export interface Message {
  text: string;
  blocks: Block[];
}

/** Every question says the way out (and that help is there). */
const CANCEL_HINT = 'Type *cancel* to stop, *help* for what I need.';

const ASKED: UpdateStatus[] = ['on-track', 'at-risk', 'off-track', 'achieved'];

function value(state: ConversationState, extra: { s?: string; r?: string } = {}): string {
  return JSON.stringify({
    c: state.channel,
    t: state.thread,
    i: state.id,
    ...(state.direction ? { k: state.direction } : {}),
    ...extra,
  });
}

function retryLine(retry: string | undefined): Block[] {
  return retry ? sections(`:raising_hand: ${escapeMrkdwn(retry)}`) : [];
}

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return escapeMrkdwn(line.length > 80 ? `${line.slice(0, 79)}…` : line);
}

function draftText(draft: Partial<RawUpdate>): string {
  return [
    draft.status ? `Status: ${UPDATE_STATUS_LABELS[draft.status as UpdateStatus]}` : '',
    draft.text ?? '',
    draft.evidence ?? '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** A conversation's next line: a question with its buttons, a summary to confirm, or how it ended. */
export function renderPrompt(prompt: Prompt, userId: string): Message {
  switch (prompt.kind) {
    case 'choose': {
      const buttons: Button[] = prompt.state.choices
        .slice(0, 5)
        .map((key) => button(key.ref, UPDATE_ACTIONS.convoChoose, value(prompt.state, { r: key.ref })));
      const ask =
        buttons.length > 0
          ? `<@${userId}>, which direction is this about?`
          : 'Which direction is this update about? Reply with its ref, like *5.1*.';
      return {
        text: 'Which direction is this about?',
        blocks: [
          ...retryLine(prompt.retry),
          ...sections(ask),
          ...(buttons.length > 0
            ? [{ type: 'actions' as const, block_id: 'choose', elements: buttons }]
            : []),
          context(CANCEL_HINT),
        ],
      };
    }
    case 'ask-status': {
      const buttons = ASKED.map((status) =>
        button(UPDATE_STATUS_LABELS[status], UPDATE_ACTIONS.convoStatus, value(prompt.state, { s: status })),
      );
      if (prompt.firstInThread)
        buttons.push(button('Not an update', UPDATE_ACTIONS.convoCancel, value(prompt.state)));
      const who = prompt.firstInThread ? `<@${userId}>, is this an update? ` : '';
      return {
        text: `How is ${prompt.ref} going?`,
        blocks: [
          ...retryLine(prompt.retry),
          ...sections(`${who}How is *${escapeMrkdwn(prompt.ref)}* going?`),
          { type: 'actions', block_id: 'status', elements: buttons },
          context(
            `Or type it: on track, at risk (amber), off track (behind), not started, achieved, retire. ${CANCEL_HINT}`,
          ),
        ],
      };
    }
    case 'ask-text': {
      const since = prompt.previous
        ? ` (${shortDate(prompt.previous.at)}: “${excerpt(prompt.previous.text)}”)`
        : '';
      return {
        text: `What has happened since the last update?`,
        blocks: [
          ...retryLine(prompt.retry),
          ...sections(`What has happened since the last update${since}?`),
          context(CANCEL_HINT),
        ],
      };
    }
    case 'ask-evidence': {
      const ask = prompt.proposal
        ? `${prompt.proposal === 'achieved' ? 'Achieved' : 'Retiring'} needs evidence for an IJB admin to sign it off: paste a link (report, minutes, dashboard).`
        : 'Any evidence link? (or *skip*)';
      return {
        text: 'Any evidence link?',
        blocks: [...retryLine(prompt.retry), ...sections(ask), context(CANCEL_HINT)],
      };
    }
    case 'confirm': {
      const checked = validateUpdate(prompt.raw, '0000-01-01');
      const body = checked.ok ? contentLines(checked.content) : escapeMrkdwn(draftText(prompt.raw));
      const status = prompt.raw.status ? UPDATE_STATUS_LABELS[prompt.raw.status as UpdateStatus] : '';
      return {
        text: `Save this update to ${prompt.ref}?`,
        blocks: [
          ...retryLine(prompt.retry),
          ...sections(`Here is your update to *${escapeMrkdwn(prompt.ref)}* · *${status}*\n${body}`),
          {
            type: 'actions',
            block_id: 'confirm',
            elements: [
              button('Save', UPDATE_ACTIONS.convoSave, value(prompt.state), 'primary'),
              button('Edit', UPDATE_ACTIONS.convoEdit, value(prompt.state)),
              button('Cancel', UPDATE_ACTIONS.convoCancel, value(prompt.state)),
            ],
          },
          context(CANCEL_HINT),
        ],
      };
    }
    case 'saved':
      return {
        text: `Saved your update to ${prompt.update.ref}.`,
        blocks: savedBlocks(prompt.update, prompt.previous),
      };
    case 'cancelled':
      return {
        text: 'Cancelled',
        blocks: sections(
          `Cancelled${prompt.ref ? ` the update to *${escapeMrkdwn(prompt.ref)}*` : ''}. Nothing was saved.`,
        ),
      };
    case 'expired': {
      const typed = draftText(prompt.draft);
      return {
        text: 'That conversation expired',
        blocks: [
          ...sections(
            `:hourglass: Our conversation${prompt.ref ? ` about *${escapeMrkdwn(prompt.ref)}*` : ''} expired after a day of silence, so nothing was saved.`,
          ),
          ...(typed
            ? sections(`What you had told me, to use again:\n\`\`\`${typed.replace(/```/g, "'''")}\`\`\``)
            : []),
        ],
      };
    }
    case 'problem': {
      const typed = prompt.draft ? draftText(prompt.draft) : '';
      return {
        text: prompt.text,
        blocks: [
          ...sections(`:raising_hand: ${prompt.text}`),
          ...(typed
            ? sections(
                `Nothing was saved. What you wrote, so it is not lost:\n\`\`\`${typed.replace(/```/g, "'''")}\`\`\``,
              )
            : []),
        ],
      };
    }
  }
}
