import type { webApi } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import * as z from 'zod';
import type { ConversationPlace } from '../../domain/conversation-state';
import { UPDATE_STATUS_LABELS, UpdateStatusSchema } from '../../domain/progress-update';
import type { TypedMessage } from '../../slack/capability';
import { context } from '../../slack/renderers/blocks';
import type { SlackRouter } from '../../slack/router';
import type { ConversationInput } from '../conversation';
import type { Said } from '../conversation-service';
import { ConversationButtonSchema, parseValue, UPDATE_ACTIONS } from './action-ids';
import type { UpdatesKit } from './kit';
import { openUpdateForm } from './open-form';
import { renderPrompt } from './render/conversation';

export const CONVERSATION_POST_JOB = 'updates.conversation-post';

const PostsSchema = z.object({
  posts: z.array(
    z.object({
      channel: z.string().min(1),
      /** Set for a message only this person sees (chat.postEphemeral). */
      user: z.string().optional(),
      thread_ts: z.string().optional(),
      text: z.string(),
      blocks: z.array(z.record(z.string(), z.unknown())),
    }),
  ),
});

/**
 * What the conversation says, rendered now and posted after the ack (a deferred job: the
 * worker on AWS), in the DM or thread it lives in; privately when only for that person.
 * Posting waits on Slack's Web API, which must not hold the event's answer.
 */
export async function say(kit: UpdatesKit, place: ConversationPlace, said: readonly Said[]): Promise<void> {
  if (said.length === 0) return;
  const inDm = place.thread === 'dm' || place.channel.startsWith('D');
  const posts = said.map(({ prompt, private: only }) => {
    const message = renderPrompt(prompt, place.userId);
    return {
      channel: place.channel,
      ...(only && !inDm ? { user: place.userId } : {}),
      ...(place.thread !== 'dm' ? { thread_ts: place.thread } : {}),
      text: message.text,
      blocks: message.blocks as unknown as Record<string, unknown>[],
    };
  });
  await kit.deps.queue.enqueue({ kind: CONVERSATION_POST_JOB, payload: { posts } });
}

/** The job: posts a conversation's messages, in order. */
export async function postConversation(slack: webApi.WebClient, payload: unknown): Promise<void> {
  for (const { user, blocks, ...post } of PostsSchema.parse(payload).posts) {
    const message = { ...post, blocks: blocks as unknown as KnownBlock[] };
    if (user) await slack.chat.postEphemeral({ ...message, user });
    else await slack.chat.postMessage(message);
  }
}

/**
 * A message typed to the bot, taken into an update conversation when it is one (see
 * Conversations.handleMessage); false when it is not, so the app answers it like /direction.
 */
export async function converse(kit: UpdatesKit, message: TypedMessage): Promise<boolean> {
  const { taken, said } = await kit.conversationFlow.handleMessage(message);
  const place = {
    channel: message.channel,
    thread: message.channelType === 'im' ? (message.threadTs ?? 'dm') : (message.threadTs as string),
    userId: message.userId,
  };
  await say(kit, place, said);
  return taken;
}

/** The buttons of a conversation in a DM or in the thread of a nudge or status card. */
export function registerConversationListeners(app: SlackRouter, kit: UpdatesKit): void {
  const inputs: [
    string,
    (value: { s?: string | undefined; r?: string | undefined }) => ConversationInput | undefined,
  ][] = [
    [
      UPDATE_ACTIONS.convoStatus,
      ({ s }) => {
        const status = UpdateStatusSchema.safeParse(s);
        return status.success ? { kind: 'status', status: status.data } : undefined;
      },
    ],
    [UPDATE_ACTIONS.convoChoose, ({ r }) => (r ? { kind: 'choose', ref: r } : undefined)],
    [UPDATE_ACTIONS.convoSave, () => ({ kind: 'save' })],
    [UPDATE_ACTIONS.convoCancel, () => ({ kind: 'cancel' })],
  ];
  for (const [actionId, toInput] of inputs) {
    app.action(actionId, async ({ ack, body, respond }) => {
      await ack();
      const value = parseValue(ConversationButtonSchema, body.actions[0]?.value);
      const input = value && toInput(value);
      if (!value || !input) return;
      const place = { channel: value.c, thread: value.t, userId: body.user.id };
      const said = await kit.conversationFlow.handleAction(place, value.i, value.k, input);
      if (!said.every((line) => line.private)) {
        // The question answered keeps its words, loses its buttons, and shows the answer.
        const answered = (body.message?.blocks ?? []).filter((block: KnownBlock) => block.type !== 'actions');
        await respond({
          replace_original: true,
          text: body.message?.text ?? 'Answered',
          blocks: [...answered, context(`→ ${answerText(input)}`)],
        });
      }
      await say(kit, place, said);
    });
  }

  app.action(UPDATE_ACTIONS.convoEdit, async ({ ack, body, client }) => {
    await ack();
    const value = parseValue(ConversationButtonSchema, body.actions[0]?.value);
    if (!value?.k) return;
    const place = { channel: value.c, thread: value.t, userId: body.user.id };
    const draft = await kit.conversationFlow.draftOf(place, value.i);
    if (!draft) {
      await say(kit, place, [
        {
          prompt: {
            kind: 'problem',
            text: 'That conversation has ended. Reply in the thread, or message me, to start a new update.',
          },
          private: true,
        },
      ]);
      return;
    }
    const reply = await openUpdateForm(kit, client, {
      triggerId: body.trigger_id,
      userId: body.user.id,
      key: value.k,
      // The conversation was started by this person typing there (draftOf found it as theirs).
      typedIn: place.channel.startsWith('D') ? undefined : place.channel,
      mode: 'conversation',
      convo: value,
      prefill: draft,
    });
    if (reply) await say(kit, place, [{ prompt: { kind: 'problem', text: reply.text }, private: true }]);
  });
}

function answerText(input: ConversationInput): string {
  switch (input.kind) {
    case 'status':
      return UPDATE_STATUS_LABELS[input.status];
    case 'choose':
      return input.ref;
    case 'save':
      return 'Save';
    case 'cancel':
      return 'Cancel';
    case 'text':
      return input.text;
  }
}
