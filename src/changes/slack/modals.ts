import type { KnownBlock, ModalView } from '@slack/types';
import * as z from 'zod';
import type { Direction } from '../../domain/direction';
import type { Ijb } from '../../domain/ijb';
import { clip, context, escapeMrkdwn, sections, summary } from '../../slack/renderers/blocks';
import type { ChangeField, RawChange } from '../change-input';

export const CHANGE_FORM = 'changes.form';
const ACTION = 'value';

/** What the modal carries to its submission: what is changed, where. Checked again on submit. */
export const ChangeMetadataSchema = z.object({
  k: z.enum(['add', 'vary', 'revoke', 'supersede']),
  i: z.string().max(60),
  y: z.string().max(10),
  r: z.string().max(40).optional(),
  b: z.string().max(40).optional(),
});
export type ChangeMetadata = z.infer<typeof ChangeMetadataSchema>;

const plain = (text: string) => ({ type: 'plain_text' as const, text: clip(text, 150), emoji: true });

function input(
  field: ChangeField,
  label: string,
  element: object,
  optional = false,
  hint?: string,
): KnownBlock {
  return {
    type: 'input',
    block_id: field,
    label: plain(label),
    optional,
    element: { action_id: ACTION, ...element },
    ...(hint ? { hint: plain(hint) } : {}),
  } as KnownBlock;
}

const textInput = (max: number, multiline = false, initial?: string, placeholder?: string) => ({
  type: 'plain_text_input',
  multiline,
  max_length: max,
  ...(initial ? { initial_value: initial.slice(0, max) } : {}),
  ...(placeholder ? { placeholder: plain(placeholder) } : {}),
});

/** The board decision every change rests on: the meeting, its paper or minute, a link. */
function authorityBlocks(): KnownBlock[] {
  return [
    input('decidedOn', 'Board meeting that decided it', { type: 'datepicker' }),
    input(
      'reference',
      'Paper or minute reference',
      textInput(200, false, undefined, 'paper 5.3'),
      false,
      'As the minute records it, e.g. "paper 5.3" or "minute 7".',
    ),
    input('link', 'Link to the paper or minute', textInput(1000, false, undefined, 'https://…'), true),
  ];
}

function modal(title: string, submit: string, metadata: ChangeMetadata, blocks: KnownBlock[]): ModalView {
  return {
    type: 'modal',
    callback_id: CHANGE_FORM,
    title: plain(clip(title, 24)),
    submit: plain(submit),
    close: plain('Cancel'),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

export function renderAddForm(ijb: Ijb, planYear: string, ref: string | undefined): ModalView {
  const recipients = [
    { text: plain(ijb.healthBoard), value: 'health-board' },
    { text: plain(ijb.council), value: 'council' },
  ];
  return modal('Add a direction', 'Add direction', { k: 'add', i: ijb.id, y: planYear }, [
    context(`A direction the board issued mid-year, into ${escapeMrkdwn(ijb.shortName)} ${planYear}.`),
    input('ref', 'Ref', textInput(40, false, ref, '5.4')),
    input('theme', 'Theme (outcome)', textInput(200, false, undefined, 'Health Inequalities')),
    input('text', 'What the direction asks', textInput(3000, true)),
    input('recipients', 'Issued to', { type: 'checkboxes', options: recipients }),
    input(
      'deadline',
      'Deadline, as written',
      textInput(200, false, undefined, 'by January 2025'),
      true,
      'Leave empty for none (ongoing).',
    ),
    input('budget', 'Budget', textInput(2000, false, undefined, '£250,000'), true),
    input('functions', 'Delegated functions', textInput(3000, true, undefined, 'One a line'), true),
    ...authorityBlocks(),
  ]);
}

export function renderVaryForm(direction: Direction): ModalView {
  return modal(`Vary ${direction.ref}`, 'Record variation', vary('vary', direction), [
    ...sections(`*${escapeMrkdwn(direction.ref)} · ${escapeMrkdwn(direction.theme.name)}*`),
    context('Change the text, the deadline, or both: the earlier wording is kept as a revision.'),
    input('text', 'Text as varied', textInput(3000, true, direction.text), true),
    input(
      'deadline',
      'Deadline as varied',
      textInput(200, false, direction.deadlines.map((deadline) => deadline.asWritten).join('; ')),
      true,
      'As written, e.g. "by March 2025"; "none" for no deadline.',
    ),
    ...authorityBlocks(),
  ]);
}

export function renderRevokeForm(direction: Direction, successor?: Direction): ModalView {
  const what = successor
    ? `*${escapeMrkdwn(direction.ref)}* is superseded by *${escapeMrkdwn(successor.ref)}*: ${escapeMrkdwn(direction.ref)} stops being chased, and each links to the other.`
    : `*${escapeMrkdwn(direction.ref)}* is revoked: it stays in the register with its history, and is no longer chased.`;
  return modal(
    successor ? `Supersede ${direction.ref}` : `Revoke ${direction.ref}`,
    successor ? 'Record supersession' : 'Record revocation',
    { ...vary(successor ? 'supersede' : 'revoke', direction), ...(successor ? { b: successor.ref } : {}) },
    [...sections(`${what}\n>${escapeMrkdwn(summary(direction.text, 280))}`), ...authorityBlocks()],
  );
}

export function renderDone(title: string, text: string): ModalView {
  return { type: 'modal', title: plain(clip(title, 24)), close: plain('Done'), blocks: sections(text) };
}

function vary(kind: ChangeMetadata['k'], direction: Direction): ChangeMetadata {
  return { k: kind, i: direction.ijbId, y: direction.planYear, r: direction.ref };
}

type StateValues = Record<string, Record<string, Record<string, unknown>>>;

/** What the person typed, by field. */
export function readChangeForm(values: StateValues): RawChange {
  const value = (field: ChangeField) => values[field]?.[ACTION];
  const textOf = (field: ChangeField) => (value(field)?.value as string | null | undefined) ?? undefined;
  const chosen = value('recipients')?.selected_options as { value: string }[] | undefined;
  return {
    ref: textOf('ref'),
    theme: textOf('theme'),
    text: textOf('text'),
    recipients: chosen?.map((option) => option.value),
    deadline: textOf('deadline'),
    budget: textOf('budget'),
    functions: textOf('functions'),
    decidedOn: (value('decidedOn')?.selected_date as string | null | undefined) ?? undefined,
    reference: textOf('reference'),
    link: textOf('link'),
  };
}

/** The fields each form has, so an error lands on one that is there. */
export const FORM_FIELDS: Record<ChangeMetadata['k'], ChangeField[]> = {
  add: [
    'ref',
    'theme',
    'text',
    'recipients',
    'deadline',
    'budget',
    'functions',
    'decidedOn',
    'reference',
    'link',
  ],
  vary: ['text', 'deadline', 'decidedOn', 'reference', 'link'],
  revoke: ['decidedOn', 'reference', 'link'],
  supersede: ['decidedOn', 'reference', 'link'],
};
