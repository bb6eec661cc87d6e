import type { Button, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { Direction } from '../../../domain/direction';
import { UPDATE_STATUS_LABELS, type UpdateStatus, UpdateStatusSchema } from '../../../domain/progress-update';
import { clip, context, escapeMrkdwn, sections, summary } from '../../../slack/renderers/blocks';
import { shortDate } from '../../../slack/renderers/format';
import { LIMITS, type RawUpdate, type UpdateField } from '../../update-input';
import { type FormMetadata, UPDATE_ACTIONS } from '../action-ids';

/** The form's fields, named as the update's fields so a field's error lands on its block. */
export const FORM_ACTION = 'value';

const plain = (text: string) => ({ type: 'plain_text' as const, text: clip(text, 150), emoji: true });

function option(status: UpdateStatus): PlainTextOption {
  return { text: plain(UPDATE_STATUS_LABELS[status]), value: status };
}

/** What a prefilled form shows: the last update's words, so a small change is a small edit. */
export interface FormPrefill extends RawUpdate {}

/** The last update's words; its revised date only while it is still ahead (a past one would be refused). */
export function prefillFrom(direction: Direction, today: string): FormPrefill {
  const last = direction.latestUpdate;
  if (!last) return {};
  const status = UpdateStatusSchema.safeParse(last.proposal ?? last.status);
  return {
    ...(status.success ? { status: status.data } : {}),
    text: last.text,
    ...(last.evidence ? { evidence: last.evidence.join('\n') } : {}),
    ...(last.nextSteps ? { nextSteps: last.nextSteps } : {}),
    ...(last.expectedDate && last.expectedDate >= today ? { expectedDate: last.expectedDate } : {}),
  };
}

function input(
  field: UpdateField,
  label: string,
  element: object,
  optional: boolean,
  hint?: string,
): KnownBlock {
  return {
    type: 'input',
    block_id: field,
    label: plain(label),
    optional,
    element,
    ...(hint ? { hint: plain(hint) } : {}),
  } as KnownBlock;
}

function textInput(value: string | undefined, max: number, multiline: boolean, placeholder: string) {
  return {
    type: 'plain_text_input',
    action_id: FORM_ACTION,
    multiline,
    max_length: max,
    placeholder: plain(placeholder),
    ...(value ? { initial_value: value.slice(0, max) } : {}),
  };
}

/** The update form (a modal): status, what has happened, evidence, revised date, next steps. */
export function renderUpdateForm(
  direction: Direction,
  prefill: FormPrefill,
  metadata: FormMetadata,
  /** The partners to choose from, when the updater's body is not known and there are two. */
  onBehalfOf?: ReadonlyArray<{ body: string; name: string }>,
): ModalView {
  const last = direction.latestUpdate;
  const status = UpdateStatusSchema.safeParse(prefill.status);
  const editing = metadata.mode === 'edit';
  const blocks: KnownBlock[] = [
    ...sections(
      `*${escapeMrkdwn(direction.ref)} · ${escapeMrkdwn(direction.theme.name)}*\n${escapeMrkdwn(summary(direction.text, 280))}`,
    ),
    context(
      last
        ? `Last update ${shortDate(last.at)} by <@${last.by}>${editing ? '' : ' — prefilled below, so change only what has changed'}.`
        : 'No update yet: this will be the first.',
    ),
    ...(onBehalfOf && onBehalfOf.length > 1
      ? [
          input(
            'body',
            'On behalf of',
            {
              type: 'radio_buttons',
              action_id: FORM_ACTION,
              options: onBehalfOf.map(({ body, name }) => ({ text: plain(name), value: body })),
            },
            false,
            `${direction.ref} is issued to both: each partner reports its own progress.`,
          ),
        ]
      : []),
    input(
      'status',
      'Status',
      {
        type: 'static_select',
        action_id: FORM_ACTION,
        placeholder: plain('How is it going?'),
        options: UpdateStatusSchema.options.map(option),
        ...(status.success ? { initial_option: option(status.data) } : {}),
      },
      false,
      'Achieved and Propose retire need evidence, and an IJB admin signs them off.',
    ),
    input(
      'text',
      'What has happened',
      textInput(prefill.text, LIMITS.text, true, 'Since the last update: what was done, decided, delayed'),
      false,
    ),
    input(
      'evidence',
      'Evidence links',
      textInput(prefill.evidence, 3000, true, 'https://… one per line'),
      true,
      'Reports, minutes, dashboards.',
    ),
    input(
      'expectedDate',
      'Revised expected date',
      {
        type: 'datepicker',
        action_id: FORM_ACTION,
        placeholder: plain('Only if the date has moved'),
        ...(prefill.expectedDate ? { initial_date: prefill.expectedDate } : {}),
      },
      true,
    ),
    input(
      'nextSteps',
      'Next steps',
      textInput(prefill.nextSteps, LIMITS.nextSteps, true, 'What happens next, and by whom'),
      true,
    ),
  ];
  return {
    type: 'modal',
    callback_id: UPDATE_ACTIONS.form,
    private_metadata: JSON.stringify(metadata),
    title: plain(clip(`${editing ? 'Edit' : 'Update'} ${direction.ref}`, 24)),
    submit: plain(editing ? 'Save changes' : 'Save update'),
    close: plain('Cancel'),
    blocks,
  };
}

/** A modal that only says something (a refusal, a confirmation), with buttons if any. */
export function renderNotice(title: string, text: string, buttons: Button[] = [], note?: string): ModalView {
  return {
    type: 'modal',
    title: plain(clip(title, 24)),
    close: plain('Close'),
    blocks: [
      ...sections(text),
      ...(buttons.length > 0 ? [{ type: 'actions' as const, block_id: 'notice', elements: buttons }] : []),
      ...(note ? [context(note)] : []),
    ],
  };
}

/** What the form holds when submitted, field by field. */
export function readForm(
  values: Record<
    string,
    Record<
      string,
      { value?: string | null; selected_date?: string | null; selected_option?: { value: string } | null }
    >
  >,
): RawUpdate {
  const read = (field: UpdateField) => values[field]?.[FORM_ACTION];
  return {
    status: read('status')?.selected_option?.value ?? undefined,
    text: read('text')?.value ?? undefined,
    evidence: read('evidence')?.value ?? undefined,
    expectedDate: read('expectedDate')?.selected_date ?? undefined,
    nextSteps: read('nextSteps')?.value ?? undefined,
    ...(read('body')?.selected_option ? { body: read('body')?.selected_option?.value } : {}),
  };
}

/** "Report progress from this message" when the message names no ref: which direction, then the form. */
export function renderChooseDirection(callbackId: string, metadata: string, messageText: string): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    title: plain('Report progress'),
    submit: plain('Next'),
    close: plain('Cancel'),
    private_metadata: metadata,
    blocks: [
      {
        type: 'input',
        block_id: 'ref',
        label: plain('Which direction is this about?'),
        element: {
          type: 'plain_text_input',
          action_id: 'ref',
          placeholder: plain('Its ref, like 5.1 or D15c'),
        },
      },
      context(
        `From the message: “${escapeMrkdwn(summary(messageText, 200))}” (its link becomes the evidence)`,
      ),
    ],
  };
}
