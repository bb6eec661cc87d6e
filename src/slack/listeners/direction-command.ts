import { randomUUID } from 'node:crypto';
import type { App } from '@slack/bolt';
import type { LookupService } from '../../lookup/lookup-service';
import { parseIntent } from '../../understanding/parse';
import type { Subcommand } from '../capability';
import { renderProblem } from '../renderers/lists';
import { toSlackMessage } from '../reply';
import { answerIntent } from './answer-intent';

export interface CommandDeps {
  lookup: LookupService;
  /** How long the answer may take before we ack with "looking…" and send it by response_url instead. */
  ackBudgetMs: number;
  /** Sub-commands that capabilities add (update, history, subscribe…). */
  subcommands: readonly Subcommand[];
}

export function registerDirectionCommand(app: App, { lookup, ackBudgetMs, subcommands }: CommandDeps): void {
  const byName = new Map(
    subcommands.flatMap((subcommand) => subcommand.names.map((name) => [name, subcommand] as const)),
  );
  const commands = [...byName.keys()];

  // Matches /direction and variants such as /direction-dev, so a test app can live beside the real one.
  app.command(/^\/direction(-[a-z0-9]+)?$/, async ({ command, ack, respond, logger, client }) => {
    const intent = parseIntent(command.text ?? '', { commands });
    const work = answerIntent(intent, {
      lookup,
      byName,
      homeIjbId: lookup.defaultIjbId,
      request: {
        userId: command.user_id,
        teamId: command.team_id,
        channelId: command.channel_id,
        triggerId: command.trigger_id,
        responseUrl: command.response_url,
      },
      tools: { client, respond, logger },
    });
    const answer = work.catch((error: unknown) => {
      const reference = randomUUID().slice(0, 8);
      logger.error(
        `direction command failed (ref ${reference}): ${String((error as Error)?.stack ?? error)}`,
      );
      return renderProblem(
        `Sorry, that did not work just now (reference ${reference}). Nothing was changed; please try again in a minute.`,
      );
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), ackBudgetMs);
    });
    const reply = await Promise.race([answer, late]);
    clearTimeout(timer);
    if (reply !== 'late') {
      await ack(reply ? toSlackMessage(reply) : undefined);
      return;
    }
    // Slack gives 3 s to acknowledge (https://docs.slack.dev/interactivity/implementing-slash-commands):
    // when the work is slow, acknowledge now and deliver the answer through response_url.
    await ack({ response_type: 'ephemeral', text: ':hourglass_flowing_sand: Working on it…' });
    const lateReply = await answer;
    if (lateReply) await respond(toSlackMessage(lateReply));
  });
}
