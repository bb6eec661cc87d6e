import type { ViewResponseAction } from '@slack/bolt';
import * as z from 'zod';
import { RecipientSchema } from '../../domain/direction';
import { londonDay } from '../../domain/local-date';
import { context, sections } from '../../slack/renderers/blocks';
import type { SlackRouter } from '../../slack/router';
import { plainText } from '../slack-text';
import { type UpdateField, validateUpdate } from '../update-input';
import { FormMetadataSchema, parseValue, SendBackMetadataSchema, UPDATE_ACTIONS } from './action-ids';
import type { UpdatesKit } from './kit';
import { correctionButtons, savedBlocks } from './render/receipts';
import { renderDecided } from './render/sign-off';
import { readForm, renderNotice } from './render/update-form';
import { contentLines, statusOfUpdate } from './render/update-text';

type Ack = (response?: ViewResponseAction) => Promise<void>;

/** Errors on the form's fields: the person's text stays where they typed it. */
async function fieldErrors(ack: Ack, errors: Partial<Record<UpdateField, string>>) {
  const plainErrors = Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [field, plainText(message ?? '').slice(0, 1900)]),
  );
  await ack({ response_action: 'errors', errors: plainErrors });
}

/**
 * The update form's submission: validate (errors on the fields), check who may, write, and
 * only then say "saved" — by turning the form into the receipt, with Edit and Undo. If the
 * write fails the form stays open with every word in it and says so.
 */
export function registerFormListeners(app: SlackRouter, kit: UpdatesKit): void {
  app.view(UPDATE_ACTIONS.form, async ({ ack, body, view }) => {
    const metadata = parseValue(FormMetadataSchema, view.private_metadata);
    if (!metadata)
      return fieldErrors(ack, {
        text: 'This form is from an older version of the app: copy your text, close it, and open it again.',
      });
    const today = londonDay(kit.deps.clock());
    const raw = readForm(view.state.values);
    const checked = validateUpdate(raw, today);
    if (!checked.ok) return fieldErrors(ack, checked.problems);
    const onBehalf = RecipientSchema.safeParse(raw.body);
    const userId = body.user.id;
    const key = { ijbId: metadata.ijbId, planYear: metadata.planYear, ref: metadata.ref };

    if (metadata.mode === 'edit' && metadata.id) {
      const edited = await kit.corrections.edit(key, metadata.id, userId, checked.content, `edit:${view.id}`);
      if (!edited.ok) return fieldErrors(ack, { text: edited.reason });
      const { update } = edited;
      return ack({
        response_action: 'update',
        view: renderNotice(
          `Edited ${update.ref}`,
          `:pencil2: *Edited* your update to *${update.ref}*; the earlier wording is kept.\n${statusOfUpdate(update)}\n${contentLines(update)}`,
          correctionButtons(update),
        ),
      });
    }

    const direction = await kit.deps.store.getDirection(key.ijbId, key.planYear, key.ref);
    if (!direction)
      return fieldErrors(ack, {
        text: `${key.ref} is no longer in the register. Copy your text before closing.`,
      });
    const conversation = metadata.mode === 'conversation' ? metadata.convo : undefined;
    const result = await kit.service.save({
      direction,
      userId,
      content: checked.content,
      via: conversation ? 'conversation' : 'form',
      idempotencyKey: conversation ? `convo:${conversation.i}` : `view:${view.id}`,
      ...(metadata.typedIn ? { fromChannel: metadata.typedIn } : {}),
      ...(onBehalf.success ? { body: onBehalf.data } : {}),
    });
    if (result.kind === 'refused') return fieldErrors(ack, { text: `Not saved. ${result.reason}` });
    if (result.kind === 'not-saved') {
      return fieldErrors(ack, {
        text: `Not saved: ${result.reason}. Your text is still here: press Save update again.`,
      });
    }
    const receipt = savedBlocks(result.update, result.previous);
    await ack({
      response_action: 'update',
      view: {
        ...renderNotice(`Saved · ${key.ref}`, ''),
        blocks: [
          ...receipt,
          ...(result.duplicate ? [context('This was saved already: one update, not two.')] : []),
        ],
      },
    });
    if (conversation) {
      // The conversation that led here is done: close it and say so where it happened.
      await kit.conversationFlow
        .finish({ channel: conversation.c, thread: conversation.t, userId })
        .catch((error: unknown) => kit.log('could not close a conversation', error));
      await kit.deps.slack.chat
        .postMessage({
          channel: conversation.c,
          ...(conversation.t !== 'dm' ? { thread_ts: conversation.t } : {}),
          text: `Saved your update to ${key.ref} from the form.`,
          blocks: sections(`:white_check_mark: Saved your update to *${key.ref}* from the form.`),
        })
        .catch((error: unknown) => kit.log('could not confirm in the conversation', error));
    }
  });

  const ReasonSchema = z
    .string({ error: 'Say what is missing, so the lead knows what to do' })
    .trim()
    .min(1, 'Say what is missing, so the lead knows what to do')
    .max(1000, 'Keep the reason to 1,000 characters');

  app.view(UPDATE_ACTIONS.sendBackForm, async ({ ack, body, view }) => {
    const metadata = parseValue(SendBackMetadataSchema, view.private_metadata);
    const reason = ReasonSchema.safeParse(view.state.values.reason?.value?.value ?? undefined);
    if (!metadata)
      return ack({
        response_action: 'errors',
        errors: {
          reason: 'This form is from an older version of the app: close it and press Send back again.',
        },
      });
    if (!reason.success)
      return ack({
        response_action: 'errors',
        errors: { reason: reason.error.issues[0]?.message ?? 'Say what is missing' },
      });
    const result = await kit.signOff.decide(metadata, metadata.id, body.user.id, 'sent-back', reason.data);
    if (!result.ok) return ack({ response_action: 'errors', errors: { reason: plainText(result.reason) } });
    await ack();
    if (metadata.channel && metadata.ts) {
      await kit.deps.slack.chat
        .update({ channel: metadata.channel, ts: metadata.ts, ...renderDecided(result.decision) })
        .catch((error: unknown) => kit.log('could not mark the sign-off request as decided', error));
    }
  });
}
