import type { ModalView } from '@slack/types';
import { type Block, clip, context, type Reply } from './blocks';

/** Manifest callback ids (slack/manifest.yaml, shortcuts) and the modal's own. */
export const LOOKUP_SHORTCUT = 'lookup_direction';
export const LOOKUP_VIEW = 'lookup.search';
/** A modal holds up to 100 blocks. */
const MODAL_BLOCKS = 100;

const plain = (text: string) => ({ type: 'plain_text' as const, text: clip(text, 24), emoji: true });

/** The global shortcut "Look up a direction": a search box, answered as /direction would. */
export function renderLookupModal(): ModalView {
  return {
    type: 'modal',
    callback_id: LOOKUP_VIEW,
    title: plain('Look up a direction'),
    submit: plain('Look up'),
    close: plain('Close'),
    blocks: [
      {
        type: 'input',
        block_id: 'q',
        label: { type: 'plain_text', text: 'A ref, or words to search for' },
        element: {
          type: 'plain_text_input',
          action_id: 'q',
          placeholder: { type: 'plain_text', text: '5.1 · carers · overdue NHS Lothian' },
        },
      },
      context('Anything `/direction` understands works here.'),
    ],
  };
}

/** The answer (a card, a list, a problem) shown in the modal that asked, with a way to look again. */
export function renderLookupAnswer(reply: Reply): ModalView {
  const blocks: Block[] = reply.blocks.slice(0, MODAL_BLOCKS);
  return {
    type: 'modal',
    callback_id: `${LOOKUP_VIEW}.answer`,
    title: plain('Look up a direction'),
    close: plain('Done'),
    blocks: blocks as ModalView['blocks'],
  };
}
