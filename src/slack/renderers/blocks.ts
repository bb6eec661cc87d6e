import type { Button, KnownBlock } from '@slack/types';

export type Block = KnownBlock;

/** A reply ready for Slack: blocks for people, `text` for notifications and screen readers. */
export interface Reply {
  text: string;
  blocks: Block[];
  /** 'private' shows only to the asker (ephemeral); 'channel' posts for everyone. */
  visibility: 'private' | 'channel';
}

// Block Kit limits: https://docs.slack.dev/reference/block-kit/blocks
export const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  contextElements: 10,
} as const;

/** Escapes the three characters Slack's escapeMrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A link to `url` in mrkdwn. Slack reads `<…>` as a control sequence, so the URL goes through
 * escapeMrkdwn like every other piece of user text, and a `|` (which would start a label) is
 * percent-encoded: `<https://evil.example/a<!here>` can never become an @here.
 */
export function mrkdwnLink(url: string): string {
  return `<${escapeMrkdwn(url).replace(/\|/g, '%7C')}>`;
}

export function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: clip(text, LIMITS.headerText), emoji: true } };
}

export function context(...texts: string[]): Block {
  return {
    type: 'context',
    elements: texts
      .slice(0, LIMITS.contextElements)
      .map((text) => ({ type: 'mrkdwn', text: clip(text, 3000) })),
  };
}

export function divider(): Block {
  return { type: 'divider' };
}

/** One or more sections holding `text` whole: long text is split between paragraphs, lines or words, never cut. */
export function sections(text: string, accessory?: Button): Block[] {
  const chunks = splitText(text, LIMITS.sectionText);
  return chunks.map((chunk, index) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: chunk },
    ...(accessory && index === 0 ? { accessory } : {}),
  }));
}

export function fields(texts: string[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < texts.length; i += LIMITS.fieldsPerSection) {
    blocks.push({
      type: 'section',
      fields: texts
        .slice(i, i + LIMITS.fieldsPerSection)
        .map((text) => ({ type: 'mrkdwn', text: clip(text, LIMITS.fieldText) })),
    });
  }
  return blocks;
}

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: clip(text, LIMITS.buttonText), emoji: true },
    action_id: actionId,
    value: clip(value, LIMITS.buttonValue),
    ...(style ? { style } : {}),
  };
}

export function actions(blockId: string, buttons: Button[]): Block {
  return { type: 'actions', block_id: blockId, elements: buttons };
}

/**
 * Keeps a message within Slack's 50 blocks: when there are more, the last block that fits
 * says how many were left out and how to see them, rather than failing or cutting silently.
 */
export function capBlocks(blocks: Block[], moreHint: string): Block[] {
  if (blocks.length <= LIMITS.blocksPerMessage) return blocks;
  const kept = blocks.slice(0, LIMITS.blocksPerMessage - 1);
  return [...kept, context(`…and ${blocks.length - kept.length} more blocks not shown. ${moreHint}`)];
}

/** Splits text into pieces of at most `max` characters, preferring paragraph, then line, then word breaks. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const cut = [window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf(' ')].find(
      (index) => index > max / 2,
    );
    const at = cut ?? max;
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

/** Shortens to `max` characters at a word boundary, marking the cut with "…". */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const window = text.slice(0, max - 1);
  const space = window.lastIndexOf(' ');
  return `${(space > max / 2 ? window.slice(0, space) : window).trimEnd()}…`;
}

/** The first sentence, clipped: a one-line summary for lists. */
export function summary(text: string, max = 160): string {
  const flat = text.replace(/\s*\n\s*•?\s*/g, ' ').trim();
  const sentence = /^(.+?[.;])(\s|$)/.exec(flat)?.[1] ?? flat;
  return clip(sentence, max);
}
