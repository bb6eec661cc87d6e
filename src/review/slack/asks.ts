import * as z from 'zod';
import type { Direction } from '../../domain/direction';
import { formatDay, londonDay } from '../../domain/local-date';
import { UpdateStatusSchema } from '../../domain/progress-update';
import type { ReviewRound } from '../../domain/review-round';
import { ACTIONS, buttonValue } from '../../slack/action-ids';
import type { CapabilityDeps as ProductDeps } from '../../slack/capability';
import { actions, button, context, escapeMrkdwn, type Reply, sections } from '../../slack/renderers/blocks';
import type { SlackRouter } from '../../slack/router';
import { buildUpdatesKit } from '../../updates/slack/kit';

export const REVIEW_ASK_JOB = 'review.ask';
export const REVIEW_ACTIONS = { noChange: 'review.no-change' } as const;

export const AskJobSchema = z.object({ ijbId: z.string(), roundId: z.string() });
const NoChangeSchema = z.object({
  ijbId: z.string(),
  planYear: z.string(),
  ref: z.string(),
  roundId: z.string(),
});

/** The ask for one direction: what the round wants, the last update, [No change] and [Update]. */
export function renderAsk(round: ReviewRound, direction: Direction): Reply {
  const last = direction.latestUpdate;
  const lastText = last
    ? `Your last update (${formatDay(londonDay(new Date(last.at)))}): ${escapeMrkdwn(last.text)}`
    : 'There is no update yet.';
  const key = { ijbId: direction.ijbId, planYear: direction.planYear, ref: direction.ref };
  const buttons = [button('Update', ACTIONS.update, buttonValue(key), 'primary')];
  if (last && UpdateStatusSchema.safeParse(last.status).success)
    buttons.unshift(
      button('No change', REVIEW_ACTIONS.noChange, JSON.stringify({ ...key, roundId: round.id })),
    );
  const text = `${round.name}: your update on ${direction.ref} is asked for by ${formatDay(round.closes)}.`;
  return {
    text,
    blocks: [
      ...sections(
        `*${escapeMrkdwn(text)}*\n${escapeMrkdwn(direction.title ?? direction.text.slice(0, 200))}`,
      ),
      ...sections(lastText),
      actions(`review-ask-${direction.ref}`, buttons),
      context('The board paper is made from the updates in the register when the round closes.'),
    ],
    visibility: 'channel',
  };
}

/**
 * Asks every lead of the round's directions by DM (and a direction's team channel when it has
 * no lead). [No change] saves an update with the last status through the update service: the
 * one way updates are saved.
 */
export function createAsks(
  deps: ProductDeps,
  round: (ijbId: string, roundId: string) => Promise<ReviewRound | undefined>,
) {
  const kit = buildUpdatesKit(deps);

  const ask = async (payload: unknown) => {
    const job = AskJobSchema.parse(payload);
    const found = await round(job.ijbId, job.roundId);
    if (found?.state !== 'open') return;
    const directions = await deps.store.getDirections(found.ijbId, found.planYear, found.refs);
    for (const direction of directions) {
      const to = direction.leads.length ? direction.leads : direction.channel ? [direction.channel] : [];
      const reply = renderAsk(found, direction);
      for (const channel of to) {
        // A Teams user (aad:) is asked in their personal chat with the bot.
        if (deps.people?.reaches(channel)) {
          const note = { ijbId: found.ijbId, planYear: found.planYear, ref: direction.ref };
          await deps.people.notify(channel, {
            kind: 'review-ask',
            ...note,
            roundTitle: found.name,
            text: reply.text,
          });
          continue;
        }
        await deps.slack.chat
          .postMessage({ channel, text: reply.text, blocks: reply.blocks })
          .catch((error: unknown) =>
            deps.log?.(`review ask for ${direction.ref} to ${channel} failed`, error),
          );
      }
    }
  };

  const register = (app: SlackRouter) => {
    app.action(REVIEW_ACTIONS.noChange, async ({ ack, body, respond }) => {
      await ack();
      const raw = 'actions' in body ? (body.actions[0] as { value?: string } | undefined)?.value : undefined;
      const value = NoChangeSchema.safeParse(raw ? JSON.parse(raw) : undefined);
      const say = (text: string) => respond({ text, replace_original: false, response_type: 'ephemeral' });
      if (!value.success) return void (await say('That button is out of date.'));
      const direction = await deps.store.getDirection(value.data.ijbId, value.data.planYear, value.data.ref);
      const last = direction?.latestUpdate;
      const status = UpdateStatusSchema.safeParse(last?.status);
      if (!direction || !last || !status.success) return void (await say('There is no update to repeat.'));
      const since = formatDay(londonDay(new Date(last.at)));
      const result = await kit.service.save({
        direction,
        userId: body.user.id,
        content: {
          status: status.data,
          text: `No change since ${since}: ${last.text}`,
          evidence: last.evidence ?? [],
        },
        via: 'conversation',
        // One "no change" per person, direction and round, however often it is pressed.
        idempotencyKey: `review#${value.data.roundId}#${direction.ref}#${body.user.id}`,
      });
      await say(
        result.kind !== 'saved'
          ? `Not saved: ${result.reason}`
          : result.duplicate
            ? `Already saved: no change on ${direction.ref} for this round.`
            : `Saved for ${direction.ref}: no change since ${since}.`,
      );
    });
  };

  return { ask, register };
}
