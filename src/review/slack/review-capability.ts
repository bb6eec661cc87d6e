import { formatDay } from '../../domain/local-date';
import { slackPoster } from '../../nudges/slack/slack-poster';
import type { CapabilityDeps as ProductDeps, SlackCapability, Subcommand } from '../../slack/capability';
import { context, escapeMrkdwn, type Reply, sections } from '../../slack/renderers/blocks';
import type { SlackRouter } from '../../slack/router';
import { createNudgeRecordStore } from '../../store/nudge-records';
import { createReviewStore } from '../../store/review-store';
import { createRoundDeclineStore } from '../../store/round-decline-store';
import { owedReturns } from '../chases';
import { parseReviewCommand } from '../review-command';
import { createReviewService } from '../review-service';
import { createAsks, REVIEW_ASK_JOB } from './asks';
import { registerChaseButton } from './chase-button';
import { declineByMessage, registerDeclines } from './declines';
import { renderStatus } from './status-blocks';

/**
 * `/direction review open|status|close|extend|reopen|list`: the twice-yearly review, for IJB
 * admins. Returns are ordinary updates; the paper of a closed round is `npm run report -- --round`.
 */
export function createReviewCapability(deps: ProductDeps): SlackCapability {
  const reviews = createReviewStore(deps.db, deps.tableName);
  const review = createReviewService({
    store: deps.store,
    reviews,
    admins: deps.admins,
    clock: deps.clock,
  });
  const ijbId = deps.defaultIjbId;
  const declines = createRoundDeclineStore(deps.db, deps.tableName);
  const sending = {
    records: createNudgeRecordStore(deps.db, deps.tableName),
    poster: slackPoster(deps.slack),
  };
  const asks = createAsks(deps, (ijb, roundId) => reviews.get(ijb, roundId), sending);
  const register = (app: SlackRouter) => {
    asks.register(app);
    registerDeclines(app, deps, { reviews, declines });
    registerChaseButton(app, deps, { reviews, declines, ...sending });
  };

  const subcommand: Subcommand = {
    names: ['review'],
    help: [
      ['/direction review open "2023-24 mid-year" closes 15 Dec 2023', 'admins: open the review round'],
      ['/direction review status', 'who has returned an update for the round, who has not'],
      ['/direction review close', 'admins: lock the round’s figures for the board paper'],
    ],
    async handle(request) {
      const command = parseReviewCommand(request.text);
      const who = { ijbId, userId: request.userId };
      switch (command.kind) {
        case 'invalid':
          return note(command.problem, `Try: ${command.example}`);
        case 'open': {
          const result = await review.open({
            ...who,
            name: command.name,
            closes: command.closes,
            refs: command.refs,
          });
          if (result.kind === 'refused') return note(result.reason);
          await deps.queue.enqueue({ kind: REVIEW_ASK_JOB, payload: { ijbId, roundId: result.round.id } });
          return note(
            `Opened "${result.round.name}" over ${result.round.refs.length} directions of ${result.round.planYear}, closing ${formatDay(result.round.closes)}.`,
            'I am asking each lead by direct message now. /direction review status shows who has returned.',
          );
        }
        case 'status': {
          const status = await review.status(ijbId);
          if (!status)
            return note('No review round is open.', 'Admins open one with /direction review open.');
          const [directions, declined] = await Promise.all([
            deps.store.getDirections(ijbId, status.round.planYear, status.round.refs),
            declines.list(ijbId, status.round.id),
          ]);
          return renderStatus(status, owedReturns(status.round, directions, declined), declined);
        }
        case 'close': {
          const result = await review.close(who);
          if (result.kind === 'refused') return note(result.reason);
          return note(
            `Closed "${result.round.name}": ${result.entries} directions locked as they stand.`,
            `The board paper: npm run report -- --ijb ${ijbId} --year ${result.round.planYear} --round "${result.round.name}"`,
          );
        }
        case 'extend': {
          const result = await review.extend({
            ...who,
            closes: command.closes,
            ...(command.why ? { why: command.why } : {}),
          });
          return result.kind === 'refused'
            ? note(result.reason)
            : note(`"${result.round.name}" now closes ${formatDay(result.round.closes)}.`);
        }
        case 'reopen': {
          const result = await review.reopen({ ...who, name: command.name, why: command.why });
          return result.kind === 'refused'
            ? note(result.reason)
            : note(`Reopened "${result.round.name}" (${command.why}).`);
        }
        case 'list': {
          const rounds = await review.list(ijbId);
          if (rounds.length === 0) return note('No review rounds yet.');
          return note(
            rounds
              .map(
                (round) =>
                  `• ${round.name} (${round.planYear}) — ${round.state}, closes ${formatDay(round.closes)}`,
              )
              .join('\n'),
          );
        }
      }
    },
  };
  return {
    subcommands: [subcommand],
    register,
    converse: declineByMessage(deps, { reviews, declines }),
    jobs: { [REVIEW_ASK_JOB]: asks.ask },
  };
}

function note(text: string, hint?: string): Reply {
  // Lead mentions (<@U…>) are kept: everything else is escaped.
  const safe = escapeMrkdwn(text).replace(/&lt;@(U[A-Z0-9]+)&gt;/g, '<@$1>');
  return {
    text,
    blocks: [...sections(safe), ...(hint ? [context(escapeMrkdwn(hint))] : [])],
    visibility: 'private',
  };
}
