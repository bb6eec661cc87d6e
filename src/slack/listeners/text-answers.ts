import { randomUUID } from 'node:crypto';
import type { Logger, RespondFn, webApi } from '@slack/bolt';
import type { LookupService } from '../../lookup/lookup-service';
import { parseIntent } from '../../understanding/parse';
import type { SlackCapability, Subcommand, TypedMessage } from '../capability';
import type { Reply } from '../renderers/blocks';
import { renderProblem } from '../renderers/lists';
import type { SlackRouter } from '../router';
import { answerIntent } from './answer-intent';

export interface TextAnswerDeps {
  lookup: LookupService;
  subcommands: readonly Subcommand[];
  capabilities: readonly SlackCapability[];
}

const NOTHING_TO_CANCEL = /^(cancel|stop|quit|never ?mind|forget it)[.!]?$/i;

/**
 * What is typed where there is no slash: the bot's Messages tab answers like /direction
 * (unless a capability takes the message into a conversation), and `@IJB Directions 5.1` in a
 * channel answers in the message's thread, for the channel to see. Both go through the one
 * parser and answerIntent, as the slash command does.
 */
export function registerTextAnswers(router: SlackRouter, deps: TextAnswerDeps): void {
  const byName = new Map(
    deps.subcommands.flatMap((subcommand) => subcommand.names.map((name) => [name, subcommand] as const)),
  );
  const commands = [...byName.keys()];

  const answer = async (
    text: string,
    where: { channel: string; userId: string; teamId: string; threadTs?: string | undefined },
    client: webApi.WebClient,
    logger: Logger,
  ): Promise<void> => {
    const post = (reply: Reply) =>
      client.chat.postMessage({
        channel: where.channel,
        text: reply.text,
        blocks: reply.blocks,
        ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
      });
    // A sub-command answering late (by response_url in a slash command) posts here instead.
    const respond = (async (message: string | { text?: string; blocks?: unknown[] }) => {
      const body = typeof message === 'string' ? { text: message } : message;
      return post({
        text: body.text ?? '',
        blocks: (body.blocks ?? []) as Reply['blocks'],
        visibility: 'channel',
      });
    }) as unknown as RespondFn;
    let reply: Reply | undefined;
    try {
      reply = await answerIntent(parseIntent(text, { commands }), {
        lookup: deps.lookup,
        byName,
        homeIjbId: deps.lookup.defaultIjbId,
        request: {
          userId: where.userId,
          teamId: where.teamId,
          channelId: where.channel,
          // No trigger_id outside a slash command or a click: a form cannot open from here.
          triggerId: '',
          responseUrl: '',
        },
        tools: { client, respond, logger },
      });
    } catch (error) {
      const reference = randomUUID().slice(0, 8);
      logger.error(`typed answer failed (ref ${reference}): ${String((error as Error)?.stack ?? error)}`);
      reply = renderProblem(
        `Sorry, that did not work just now (reference ${reference}). Nothing was changed; please try again in a minute.`,
      );
    }
    if (reply) await post(reply);
  };

  router.event('message', async ({ event, client, logger, context, body }) => {
    // Only what a person typed: no edits, deletions, bot posts, joins (a subtype) or files (papers to import).
    if (event.subtype !== undefined || !('user' in event) || event.bot_id || typeof event.text !== 'string')
      return;
    if ((event.files?.length ?? 0) > 0 || context.retryNum) return;
    const message: TypedMessage = {
      channel: event.channel,
      channelType: event.channel_type,
      ts: event.ts,
      threadTs: event.thread_ts,
      userId: event.user,
      text: event.text,
    };
    for (const capability of deps.capabilities) if (await capability.converse?.(message)) return;
    if (event.channel_type !== 'im') return;
    if (NOTHING_TO_CANCEL.test(event.text.trim())) {
      await client.chat.postMessage({
        channel: event.channel,
        text: 'Nothing is in progress, so there is nothing to cancel. Type help to see what I can do.',
      });
      return;
    }
    const teamId = (body as { team_id?: string }).team_id ?? '';
    await answer(event.text, { channel: event.channel, userId: event.user, teamId }, client, logger);
  });

  router.event('app_mention', async ({ event, client, logger, body }) => {
    if (!event.user || event.bot_id) return;
    // "<@U0BOT> 5.1": the mention of the bot is not part of what was asked.
    const text = event.text.replace(/<@[A-Z0-9]+(\|[^>]*)?>/, '').trim();
    const threadTs = event.thread_ts ?? event.ts;
    const teamId = (body as { team_id?: string }).team_id ?? '';
    const where = { channel: event.channel, userId: event.user, teamId, threadTs };
    const intent = parseIntent(text, { commands });
    if (intent.kind === 'update') {
      await client.chat.postMessage({
        channel: event.channel,
        thread_ts: threadTs,
        text: `To report progress, type \`/direction update ${intent.ref ?? '5.1'}\`, or message me \`update ${intent.ref ?? '5.1'}\` in my Messages tab.`,
      });
      return;
    }
    await answer(text, where, client, logger);
  });
}
