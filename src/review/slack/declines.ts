import type { ModalView } from '@slack/types';
import * as z from 'zod';
import { type Direction, refKey } from '../../domain/direction';
import type { CapabilityDeps as ProductDeps, TypedMessage } from '../../slack/capability';
import { escapeMrkdwn } from '../../slack/renderers/blocks';
import type { SlackRouter } from '../../slack/router';
import type { ReviewStore, StoredRound } from '../../store/review-store';
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
    const round = await stores.reviews.get(key.ijbId, key.roundId);
    const checked = await mayDecline(deps, round, key.ref, body.user.id);
    if (!checked.ok) return void (await refuse(checked.reason));
    await ack();
    await keepDecline(deps, stores, checked, body.user.id, reason.data);
  });
}

type Checked = { ok: true; round: StoredRound; direction: Direction } | { ok: false; reason: string };

/** A round still open, and the person a lead of the direction: checked from the request. */
async function mayDecline(
  deps: ProductDeps,
  round: StoredRound | undefined,
  ref: string,
  userId: string,
): Promise<Checked> {
  const direction = round && (await deps.store.getDirection(round.ijbId, round.planYear, ref));
  if (round?.state !== 'open' || !direction)
    return { ok: false, reason: `No open review round asks for ${ref}: nothing to decline.` };
  if (!round.refs.some((one) => refKey(one) === refKey(direction.ref)))
    return { ok: false, reason: `"${round.name}" does not ask for ${direction.ref}.` };
  if (!direction.leads.includes(userId))
    return { ok: false, reason: `Only a lead of ${direction.ref} can say it is not theirs.` };
  return { ok: true, round, direction };
}

/** Keeps the decline, tells the IJB's admins, and tells the lead it is recorded. */
async function keepDecline(
  deps: ProductDeps,
  stores: { declines: RoundDeclineStore },
  { round, direction }: { round: StoredRound; direction: Direction },
  userId: string,
  reason: string,
): Promise<void> {
  await stores.declines.put({
    ijbId: round.ijbId,
    roundId: round.id,
    ref: direction.ref,
    by: userId,
    reason,
    at: deps.clock().toISOString(),
  });
  const told = `<@${userId}> says ${escapeMrkdwn(direction.ref)} is not theirs to answer for "${escapeMrkdwn(round.name)}": ${escapeMrkdwn(reason)}. It stays outstanding until it is reassigned (/direction assign) and returned.`;
  const admins = (await deps.admins.list(round.ijbId)).filter((admin) => admin !== userId);
  const post = (channel: string, text: string) =>
    deps.slack.chat
      .postMessage({ channel, text })
      .catch((error: unknown) => deps.log?.(`review decline note to ${channel} failed`, error));
  for (const admin of admins) await post(admin, told);
  await post(
    userId,
    `Recorded: ${escapeMrkdwn(direction.ref)} is not yours for "${escapeMrkdwn(round.name)}" (${escapeMrkdwn(reason)}). ${admins.length ? 'The IJB admins are told.' : 'There is no IJB admin to tell: ask for one to be added.'}`,
  );
}

const NOT_MINE = /^not mine\s+(\S+?)[,:.]?(?:\s+(?:because\s+|[-–—:]\s*)?(.*))?$/i;

/**
 * "not mine 1.1 because it moved to the Council team", typed in the bot's DM: the same decline
 * as the button, for the workspace IJB's open round. True when the message was one.
 */
export function declineByMessage(
  deps: ProductDeps,
  stores: { reviews: ReviewStore; declines: RoundDeclineStore },
) {
  return async (message: TypedMessage): Promise<boolean> => {
    const match =
      message.channelType === 'im' && !message.threadTs ? NOT_MINE.exec(message.text.trim()) : null;
    if (!match?.[1]) return false;
    const reply = (text: string) =>
      deps.slack.chat.postMessage({ channel: message.channel, text: escapeMrkdwn(text) });
    const reason = ReasonSchema.safeParse(match[2] ?? '');
    if (!reason.success) {
      await reply(`Say why it is not yours, so the admins know who to ask: not mine ${match[1]} because …`);
      return true;
    }
    const round = await stores.reviews.openRound(deps.defaultIjbId);
    const checked = await mayDecline(deps, round, match[1], message.userId);
    if (!checked.ok) await reply(checked.reason);
    else await keepDecline(deps, stores, checked, message.userId, reason.data);
    return true;
  };
}
