import type { ModalView } from '@slack/types';
import * as z from 'zod';
import type { CapabilityDeps as ProductDeps } from '../../slack/capability';
import { escapeMrkdwn } from '../../slack/renderers/blocks';
import type { SlackRouter } from '../../slack/router';
import type { ReviewStore } from '../../store/review-store';
import type { RoundDeclineStore } from '../../store/round-decline-store';
import { DECLINE_FORM, REVIEW_ACTIONS } from './ask-blocks';

const DeclineKeySchema = z.object({
  ijbId: z.string(),
  planYear: z.string(),
  ref: z.string(),
  roundId: z.string(),
});
const ReasonSchema = z.string().trim().min(3).max(500);

function parseKey(text: string | undefined) {
  try {
    return DeclineKeySchema.safeParse(JSON.parse(text ?? '')).data;
  } catch {
    return undefined;
  }
}

function declineForm(metadata: string, ref: string): ModalView {
  return {
    type: 'modal',
    callback_id: DECLINE_FORM,
    private_metadata: metadata,
    title: { type: 'plain_text', text: `Not mine: ${ref}`.slice(0, 24) },
    submit: { type: 'plain_text', text: 'Send' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `Say why ${escapeMrkdwn(ref)} is not yours to answer. The IJB admins are told, and it stays outstanding in the round until someone returns it.`,
        },
      },
      {
        type: 'input',
        block_id: 'reason',
        label: { type: 'plain_text', text: 'Why' },
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 500 },
      },
    ],
  };
}

/**
 * [Not mine] on an ask or a chase: the lead says why the direction is not theirs. The decline is
 * kept with the round (review status shows "declined by …"), the IJB's admins are told, and the
 * lead is no longer chased for it. Only a lead of the direction, checked from the request, can.
 */
export function registerDeclines(
  app: SlackRouter,
  deps: ProductDeps,
  stores: { reviews: ReviewStore; declines: RoundDeclineStore },
): void {
  app.action(REVIEW_ACTIONS.decline, async ({ ack, body, client, respond }) => {
    await ack();
    const raw = 'actions' in body ? (body.actions[0] as { value?: string } | undefined)?.value : undefined;
    const key = parseKey(raw);
    if (!key) return void (await respond({ text: 'That button is out of date.', replace_original: false }));
    await client.views.open({ trigger_id: body.trigger_id, view: declineForm(JSON.stringify(key), key.ref) });
  });

  app.view(DECLINE_FORM, async ({ ack, body, view }) => {
    const key = parseKey(view.private_metadata);
    const reason = ReasonSchema.safeParse(view.state.values.reason?.value?.value ?? undefined);
    const refuse = (text: string) => ack({ response_action: 'errors', errors: { reason: text } });
    if (!key) return void (await refuse('This form is out of date: close it and press Not mine again.'));
    if (!reason.success) return void (await refuse('Say why in a few words (up to 500 characters).'));
    const userId = body.user.id;
    const [direction, round] = await Promise.all([
      deps.store.getDirection(key.ijbId, key.planYear, key.ref),
      stores.reviews.get(key.ijbId, key.roundId),
    ]);
    if (!direction || round?.state !== 'open')
      return void (await refuse(`The round for ${key.ref} is not open any more: nothing to decline.`));
    if (!direction.leads.includes(userId))
      return void (await refuse(`Only a lead of ${direction.ref} can say it is not theirs.`));
    await ack();
    await stores.declines.put({
      ijbId: key.ijbId,
      roundId: round.id,
      ref: direction.ref,
      by: userId,
      reason: reason.data,
      at: deps.clock().toISOString(),
    });
    const told = `<@${userId}> says ${escapeMrkdwn(direction.ref)} is not theirs to answer for "${escapeMrkdwn(round.name)}": ${escapeMrkdwn(reason.data)}. It stays outstanding until it is reassigned (/direction assign) and returned.`;
    const admins = (await deps.admins.list(key.ijbId)).filter((admin) => admin !== userId);
    const post = (channel: string, text: string) =>
      deps.slack.chat
        .postMessage({ channel, text })
        .catch((error: unknown) => deps.log?.(`review decline note to ${channel} failed`, error));
    for (const admin of admins) await post(admin, told);
    await post(
      userId,
      `Recorded: ${escapeMrkdwn(direction.ref)} is not yours for "${escapeMrkdwn(round.name)}" (${escapeMrkdwn(reason.data)}). ${admins.length ? 'The IJB admins are told.' : 'There is no IJB admin to tell: ask for one to be added.'}`,
    );
  });
}
