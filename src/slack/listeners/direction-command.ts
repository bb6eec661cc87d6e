import { randomUUID } from 'node:crypto';
import type { App } from '@slack/bolt';
import { MONTH_NAMES } from '../../domain/local-date';
import { type DirectionCommand, parseDirectionCommand, splitSubcommand } from '../../lookup/command';
import type { LookupService } from '../../lookup/lookup-service';
import type { Subcommand } from '../capability';
import type { Reply } from '../renderers/blocks';
import { renderDirectionCard } from '../renderers/direction-card';
import { renderHelp } from '../renderers/help';
import {
  renderDirectionList,
  renderDue,
  renderMissing,
  renderProblem,
  renderSearchResults,
} from '../renderers/lists';
import { toSlackMessage } from '../reply';

export interface CommandDeps {
  lookup: LookupService;
  /** How long the answer may take before we ack with "looking…" and send it by response_url instead. */
  ackBudgetMs: number;
  /** Sub-commands that capabilities add (update, history, subscribe…). */
  subcommands: readonly Subcommand[];
}

/** Answers `/direction …` from the register. Pure of Slack: text in, reply out. */
export async function answerDirectionCommand(
  command: DirectionCommand,
  request: { teamId?: string; ijbId?: string },
  lookup: LookupService,
  subcommands: readonly Subcommand[] = [],
): Promise<Reply> {
  const extraHelp = subcommands.flatMap((subcommand) => subcommand.help);
  switch (command.kind) {
    case 'help':
      return renderHelp(extraHelp);
    case 'not-yet':
      return renderHelp(extraHelp, command.feature);
    case 'invalid':
      return renderProblem(command.problem, command.example);
  }
  const scoped = await lookup.scope({
    ...request,
    ...('planYear' in command ? { planYear: command.planYear } : {}),
  });
  if (!scoped.ok) return renderProblem(scoped.problem, '/direction help');
  const { scope } = scoped;
  switch (command.kind) {
    case 'show': {
      const result = await lookup.show(scope, command.ref);
      return result.kind === 'found'
        ? renderDirectionCard(scope, result.view, command.share ? 'channel' : 'private')
        : renderMissing(scope, command.ref, result.suggestions, result.inOtherYears);
    }
    case 'search':
      return renderSearchResults(scope, command.words, await lookup.search(scope, command.words));
    case 'list':
      return renderDirectionList(scope, await lookup.list(scope));
    case 'due': {
      const result = await lookup.due(scope, command.window);
      const heading =
        command.window.kind === 'days'
          ? `Due in the next ${command.window.days} days`
          : `Due ${monthHeading(result.from)}`;
      return renderDue(
        result,
        heading,
        `Nothing falls due ${heading.slice(4)} in ${scope.ijb.shortName} ${scope.planYear}.`,
      );
    }
    case 'overdue':
      return renderDue(
        await lookup.overdue(scope),
        'Overdue',
        `Nothing is overdue in ${scope.ijb.shortName} ${scope.planYear}.`,
      );
  }
}

function monthHeading(from: string | undefined): string {
  return from ? `in ${MONTH_NAMES[Number(from.slice(5, 7)) - 1]} ${from.slice(0, 4)}` : '';
}

export function registerDirectionCommand(app: App, { lookup, ackBudgetMs, subcommands }: CommandDeps): void {
  const byName = new Map(
    subcommands.flatMap((subcommand) => subcommand.names.map((name) => [name, subcommand])),
  );

  /**
   * Lookups may name another IJB first — `/direction east-lothian 2019-20 D15c` — when the
   * register holds several. Sub-commands act on the workspace's own IJB.
   */
  const answerLookup = async (text: string, teamId: string): Promise<Reply> => {
    const { word, rest } = splitSubcommand(text);
    const other = word && (await lookup.isIjb(word)) ? word : undefined;
    if (!other) return answerDirectionCommand(parseDirectionCommand(text), { teamId }, lookup, subcommands);
    const next = splitSubcommand(rest).word;
    if (byName.has(next)) {
      return renderProblem(
        `\`/direction ${next}\` works on this workspace's own IJB; for ${other}, look things up only.`,
        `/direction ${other} ${rest.replace(next, '').trim() || 'list'}`,
      );
    }
    return answerDirectionCommand(parseDirectionCommand(rest), { teamId, ijbId: other }, lookup, subcommands);
  };

  // Matches /direction and variants such as /direction-dev, so a test app can live beside the real one.
  app.command(/^\/direction(-[a-z0-9]+)?$/, async ({ command, ack, respond, logger, client }) => {
    const text = command.text ?? '';
    const { word, rest, planYear } = splitSubcommand(text);
    const subcommand = byName.get(word);
    const work: Promise<Reply | undefined> = subcommand
      ? subcommand.handle(
          {
            text: rest,
            ...(planYear ? { planYear } : {}),
            userId: command.user_id,
            teamId: command.team_id,
            channelId: command.channel_id,
            triggerId: command.trigger_id,
            responseUrl: command.response_url,
          },
          { client, respond, logger },
        )
      : answerLookup(text, command.team_id);
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
