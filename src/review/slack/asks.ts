import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { refKey } from '../../domain/direction';
import { formatDay, londonDay } from '../../domain/local-date';
import { UpdateStatusSchema } from '../../domain/progress-update';
import type { ReviewRound } from '../../domain/review-round';
import type { MessagePoster } from '../../nudges/slack/posting';
import type { CapabilityDeps as ProductDeps } from '../../slack/capability';
import { escapeMrkdwn } from '../../slack/renderers/blocks';
import type { SlackRouter } from '../../slack/router';
import type { NudgeRecordStore } from '../../store/nudge-records';
import type { RegisterStore } from '../../store/register-store';
import type { PersonNote, PersonNotifier } from '../../updates/person-notes';
import { buildUpdatesKit } from '../../updates/slack/kit';
import { isSlackRecipient } from '../chases';
import { REVIEW_ACTIONS, renderAsk } from './ask-blocks';
import { sendOnce } from './send-once';

export const REVIEW_ASK_JOB = 'review.ask';
export { REVIEW_ACTIONS, renderAsk };

export const AskJobSchema = z.object({ ijbId: z.string(), roundId: z.string() });
const NoChangeSchema = z.object({
  ijbId: z.string(),
  planYear: z.string(),
  ref: z.string(),
  roundId: z.string(),
});

export interface AskJobDeps {
  store: Pick<RegisterStore, 'getDirections'>;
  clock: () => Date;
  round: (ijbId: string, roundId: string) => Promise<ReviewRound | undefined>;
  records: NudgeRecordStore;
  poster: MessagePoster;
  /** Teams users (aad: ids), asked in their personal chat with the bot. */
  people?: PersonNotifier;
  log?: (event: Record<string, unknown>) => void;
}

/**
 * The ask job: every lead of the round's directions by DM (a direction's team channel when it
 * has no lead). Each recipient is asked once per direction, however often or however
 * concurrently the job runs: the slot is dated by the round's opening, so a retry after
 * midnight is still the same ask. A failed ask is left free for the job's retry.
 */
export function createAskJob(deps: AskJobDeps) {
  return async (payload: unknown): Promise<void> => {
    const job = AskJobSchema.parse(payload);
    const found = await deps.round(job.ijbId, job.roundId);
    if (found?.state !== 'open') return;
    const directions = await deps.store.getDirections(found.ijbId, found.planYear, found.refs);
    const day = londonDay(new Date(found.openedAt));
    const once = { ...deps, runId: randomUUID() };
    let failed = 0;
    for (const direction of directions) {
      const to = direction.leads.length ? direction.leads : direction.channel ? [direction.channel] : [];
      const reply = renderAsk(found, direction);
      for (const channel of to) {
        const teams = deps.people?.reaches(channel) ? deps.people : undefined;
        if (!teams && !isSlackRecipient(channel)) continue;
        const slot = `ask#${found.ijbId}#${found.id}#${channel}#${refKey(direction.ref)}`;
        // The same once-only slot whichever surface carries the ask.
        const poster = teams
          ? personPoster(teams, {
              kind: 'review-ask',
              ijbId: found.ijbId,
              planYear: found.planYear,
              ref: direction.ref,
              roundTitle: found.name,
              text: reply.text,
            })
          : deps.poster;
        const message = { channel, text: reply.text, blocks: reply.blocks };
        const outcome = await sendOnce({ ...once, poster }, day, slot, message);
        if (outcome === 'failed') failed++;
      }
    }
    if (failed) throw new Error(`${failed} review asks of "${found.name}" could not be posted`);
  };
}

/** A note to a Teams user, as a poster: not reaching them is a failed post, retried as one. */
function personPoster(people: PersonNotifier, note: PersonNote): MessagePoster {
  return {
    async post(message) {
      if (!(await people.notify(message.channel, note)))
        throw new Error(`${message.channel} has no personal chat with the bot in Teams`);
      return { ts: 'teams' };
    },
  };
}

/**
 * The asks in Slack: the job, and [No change], which saves an update with the last status
 * through the update service: the one way updates are saved.
 */
export function createAsks(
  deps: ProductDeps,
  round: (ijbId: string, roundId: string) => Promise<ReviewRound | undefined>,
  sending: { records: NudgeRecordStore; poster: MessagePoster },
) {
  const kit = buildUpdatesKit(deps);
  const ask = createAskJob({
    ...sending,
    store: deps.store,
    clock: deps.clock,
    round,
    ...(deps.people ? { people: deps.people } : {}),
    log: (event) => deps.log?.(String(event.event), event),
  });

  const register = (app: SlackRouter) => {
    app.action(REVIEW_ACTIONS.noChange, async ({ ack, body, respond }) => {
      await ack();
      const raw = 'actions' in body ? (body.actions[0] as { value?: string } | undefined)?.value : undefined;
      const value = NoChangeSchema.safeParse(raw ? JSON.parse(raw) : undefined);
      // Pressed in App Home there is no message to answer under: the answer comes by DM.
      const say = (text: string) =>
        'response_url' in body && body.response_url
          ? respond({ text, replace_original: false, response_type: 'ephemeral' })
          : deps.slack.chat.postMessage({ channel: body.user.id, text: escapeMrkdwn(text) });
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
