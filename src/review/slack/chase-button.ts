import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { londonDay } from '../../domain/local-date';
import type { MessagePoster } from '../../nudges/slack/posting';
import type { CapabilityDeps as ProductDeps } from '../../slack/capability';
import type { SlackRouter } from '../../slack/router';
import type { NudgeRecordStore } from '../../store/nudge-records';
import type { ReviewStore } from '../../store/review-store';
import type { RoundDeclineStore } from '../../store/round-decline-store';
import { owedReturns } from '../chases';
import { REVIEW_ACTIONS } from './ask-blocks';
import { chaseOne } from './chase-run';

const ChaseValueSchema = z.object({ ijbId: z.string(), roundId: z.string(), recipient: z.string().min(1) });

/**
 * [Chase] in review status: DMs the recipient now what they owe the round. Admins of the round's
 * IJB only, checked from the request (the IJB in the button, not the channel it was pressed in);
 * the same one-a-day slot as the daily chases, so a person is never chased twice in a day.
 */
export function registerChaseButton(
  app: SlackRouter,
  deps: ProductDeps,
  stores: {
    reviews: ReviewStore;
    declines: RoundDeclineStore;
    records: NudgeRecordStore;
    poster: MessagePoster;
  },
): void {
  app.action(REVIEW_ACTIONS.chase, async ({ ack, body, respond }) => {
    await ack();
    const say = (text: string) => respond({ text, replace_original: false, response_type: 'ephemeral' });
    const raw = 'actions' in body ? (body.actions[0] as { value?: string } | undefined)?.value : undefined;
    let value: z.infer<typeof ChaseValueSchema> | undefined;
    try {
      value = ChaseValueSchema.safeParse(JSON.parse(raw ?? '')).data;
    } catch {}
    if (!value) return void (await say('That button is out of date: run /direction review status again.'));
    if (!(await deps.admins.isAdmin(value.ijbId, body.user.id)))
      return void (await say('Only IJB admins chase returns.'));
    const round = await stores.reviews.get(value.ijbId, value.roundId);
    if (round?.state !== 'open') return void (await say('That round is not open any more.'));
    const [directions, declines] = await Promise.all([
      deps.store.getDirections(round.ijbId, round.planYear, round.refs),
      stores.declines.list(round.ijbId, round.id),
    ]);
    const owed = owedReturns(round, directions, declines).get(value.recipient) ?? [];
    const name = /^[CG]/.test(value.recipient) ? `<#${value.recipient}>` : `<@${value.recipient}>`;
    if (owed.length === 0) return void (await say(`${name} owes nothing for "${round.name}" now.`));
    const refs = owed.map((item) => item.direction.ref).join(', ');
    const outcome = await chaseOne(
      { records: stores.records, poster: stores.poster, clock: deps.clock, runId: randomUUID() },
      londonDay(deps.clock()),
      value.recipient,
      owed,
    );
    await say(
      outcome === 'posted'
        ? `Chased ${name} about ${refs}.`
        : outcome === 'already-sent'
          ? `${name} has been chased today already (one chase a day): not sent again.`
          : `Could not send the chase to ${name}; try again later.`,
    );
  });
}
