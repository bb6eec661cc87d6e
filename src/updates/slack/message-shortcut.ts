import type { MessageShortcut } from '@slack/bolt';
import * as z from 'zod';
import type { SlackRouter } from '../../slack/router';
import { parseIntent } from '../../understanding/parse';
import type { UpdatesKit } from './kit';
import { openUpdateForm } from './open-form';
import { renderChooseDirection, renderNotice } from './render/update-form';

/** Manifest callback ids (slack/manifest.yaml, shortcuts). */
export const REPORT_FROM_MESSAGE = 'report_from_message';
export const CHOOSE_DIRECTION_VIEW = 'update.from-message';

const CarriedSchema = z.object({
  text: z.string().max(3000),
  evidence: z.string().max(3000),
  channel: z.string().optional(),
});

/** The ref a message is about, read by the one parser (a ref anywhere wins). */
function refIn(text: string): string | undefined {
  const intent = parseIntent(text.slice(0, 500));
  return 'ref' in intent && typeof intent.ref === 'string' ? intent.ref : undefined;
}

/**
 * "Report progress from this message": the update form, its text the message's and its
 * evidence the message's permalink. When the message names no ref, a small modal asks which
 * direction first, then becomes the form.
 */
export function registerMessageShortcut(app: SlackRouter, kit: UpdatesKit): void {
  app.shortcut(REPORT_FROM_MESSAGE, async ({ ack, shortcut, client }) => {
    await ack();
    const message = shortcut as MessageShortcut;
    const channel = message.channel.id;
    const link = await client.chat
      .getPermalink({ channel, message_ts: message.message.ts })
      .then((answer) => answer.permalink ?? '')
      .catch((error: unknown) => {
        kit.log('chat.getPermalink failed', error);
        return '';
      });
    const carried = { text: (message.message.text ?? '').slice(0, 3000), evidence: link, channel };
    const ref = refIn(carried.text);
    if (!ref) {
      await client.views.open({
        trigger_id: message.trigger_id,
        view: renderChooseDirection(CHOOSE_DIRECTION_VIEW, JSON.stringify(carried), carried.text),
      });
      return;
    }
    const problem = await openUpdateForm(kit, client, {
      triggerId: message.trigger_id,
      userId: message.user.id,
      key: { ref },
      mode: 'new',
      prefill: { text: carried.text, evidence: carried.evidence },
    });
    if (problem)
      await client.views.open({
        trigger_id: message.trigger_id,
        view: renderNotice('Cannot report', problem.text),
      });
  });

  app.view(CHOOSE_DIRECTION_VIEW, async ({ ack, body, view, client }) => {
    const carried = CarriedSchema.safeParse(safeJson(view.private_metadata));
    const typed = view.state.values.ref?.ref?.value?.trim() ?? '';
    const ref = refIn(typed);
    if (!carried.success || !ref) {
      await ack({
        response_action: 'errors',
        errors: { ref: 'Give the direction’s ref, like 5.1 or D15c.' },
      });
      return;
    }
    let acked = false;
    const problem = await openUpdateForm(kit, client, {
      triggerId: body.trigger_id,
      userId: body.user.id,
      key: { ref },
      mode: 'new',
      prefill: { text: carried.data.text, evidence: carried.data.evidence },
      replace: async (form) => {
        acked = true;
        await ack({ response_action: 'update', view: form });
      },
    });
    if (!acked)
      await ack({ response_action: 'errors', errors: { ref: problem?.text ?? 'That did not work.' } });
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
