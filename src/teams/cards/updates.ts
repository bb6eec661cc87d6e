import { STATUS_LABELS } from '../../domain/direction';
import {
  type HistoryEvent,
  type ProgressUpdate,
  UPDATE_STATUS_LABELS,
  UpdateStatusSchema,
} from '../../domain/progress-update';
import { LIMITS, type RawUpdate, type UpdateField } from '../../updates/update-input';
import {
  type AdaptiveCard,
  card,
  type Element,
  fieldError,
  heading,
  note,
  people,
  personName,
  plain,
  submit,
  text,
} from './adaptive';

interface Key {
  ijbId: string;
  planYear: string;
  ref: string;
}

/**
 * The update form as a card: the Slack modal's fields, limits and words. The server checks
 * it with the same validateUpdate; a problem comes back on the field it is about.
 */
export function updateFormCard(
  key: Key,
  values: RawUpdate = {},
  problems: Partial<Record<UpdateField, string>> = {},
  editing?: string,
  /** The partners to choose from, when the updater's body is not known and there are two. */
  onBehalfOf?: ReadonlyArray<{ body: string; name: string }>,
): AdaptiveCard {
  const under = (field: UpdateField): Element[] =>
    problems[field] ? [fieldError(problems[field] ?? '')] : [];
  return card(
    [
      heading(`${editing ? 'Edit update to' : 'Update'} ${key.ref}`),
      ...(onBehalfOf && onBehalfOf.length > 1
        ? [
            {
              type: 'Input.ChoiceSet',
              id: 'body',
              label: 'On behalf of',
              isRequired: true,
              errorMessage: 'Say which partner this update is for',
              style: 'expanded',
              value: values.body ?? '',
              choices: onBehalfOf.map(({ body, name }) => ({ title: name, value: body })),
            },
          ]
        : []),
      {
        type: 'Input.ChoiceSet',
        id: 'status',
        label: 'Status',
        isRequired: true,
        errorMessage: 'Pick a status',
        value: values.status ?? '',
        choices: UpdateStatusSchema.options.map((status) => ({
          title: UPDATE_STATUS_LABELS[status],
          value: status,
        })),
      },
      ...under('status'),
      {
        type: 'Input.Text',
        id: 'text',
        label: 'What has happened since the last update?',
        isMultiline: true,
        isRequired: true,
        errorMessage: 'Say what has happened since the last update',
        maxLength: LIMITS.text,
        placeholder: 'How is it going?',
        value: values.text ?? '',
      },
      ...under('text'),
      {
        type: 'Input.Text',
        id: 'evidence',
        label: 'Evidence (links, one per line)',
        isMultiline: true,
        maxLength: LIMITS.link * LIMITS.links,
        value: values.evidence ?? '',
      },
      ...under('evidence'),
      {
        type: 'Input.Date',
        id: 'expectedDate',
        label: 'Expected completion',
        value: values.expectedDate ?? '',
      },
      ...under('expectedDate'),
      {
        type: 'Input.Text',
        id: 'nextSteps',
        label: 'Next steps',
        isMultiline: true,
        maxLength: LIMITS.nextSteps,
        value: values.nextSteps ?? '',
      },
      ...under('nextSteps'),
    ],
    [
      submit(
        'Save update',
        { action: 'save-update', ...key, ...(editing ? { updateId: editing } : {}) },
        'positive',
      ),
    ],
  );
}

export function receiptCard(update: ProgressUpdate, duplicate: boolean, pendingNote?: string): AdaptiveCard {
  const key = { ijbId: update.ijbId, planYear: update.planYear, ref: update.ref, updateId: update.id };
  return card(
    [
      text(
        `${duplicate ? 'Already saved' : 'Saved'} your update to **${update.ref}** · ${UPDATE_STATUS_LABELS[update.status]}`,
      ),
      text(plain(update.text)),
      ...(pendingNote ? [note(plain(people(pendingNote)))] : []),
      note('You can edit or undo it for 15 minutes.'),
    ],
    [submit('Edit', { action: 'edit', ...key }), submit('Undo', { action: 'undo', ...key }, 'destructive')],
  );
}

export function notSavedCard(ref: string, reason: string): AdaptiveCard {
  return card([text(`Not saved: ${plain(ref)}`, { weight: 'Bolder' }), text(plain(people(reason)))]);
}

export function doneCard(message: string): AdaptiveCard {
  return card([text(plain(people(message)))]);
}

/** Asks an admin (never the proposer) to approve or send back Achieved / Retire. */
export function signOffRequestCard(update: ProgressUpdate): AdaptiveCard {
  const key = { ijbId: update.ijbId, planYear: update.planYear, ref: update.ref, updateId: update.id };
  return card(
    [
      heading(`Sign-off: ${update.ref}`),
      text(`${personName(update.by)} proposes **${UPDATE_STATUS_LABELS[update.status]}**.`),
      text(plain(update.text)),
      note('An IJB admin other than the proposer decides.'),
    ],
    [
      submit('Approve', { action: 'approve', ...key }, 'positive'),
      submit('Send back', { action: 'send-back', ...key }, 'destructive'),
    ],
  );
}

export function historyCard(key: Key, events: readonly HistoryEvent[], next?: string): AdaptiveCard {
  const body: Element[] = [heading(`History · ${key.ref}`)];
  if (events.length === 0) body.push(text('No updates yet.'));
  for (const event of events) {
    if (event.kind === 'decision') {
      const { decision } = event;
      body.push(
        note(
          `${decision.at.slice(0, 10)} · ${personName(decision.by)} ${decision.outcome === 'approved' ? 'approved' : 'sent back'} the proposal`,
        ),
      );
      continue;
    }
    const { update } = event;
    body.push(
      text(
        `**${update.at.slice(0, 10)}** · ${personName(update.by)} · ${STATUS_LABELS[update.status]}${update.withdrawn ? ' · withdrawn' : ''}`,
        { spacing: 'Medium' },
      ),
      text(plain(update.text), { spacing: 'None' }),
    );
  }
  return card(body, next ? [submit('Older', { action: 'history', ...key, cursor: next })] : []);
}
