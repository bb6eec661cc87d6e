import { londonDay } from '../../domain/local-date';
import { SnoozeSchema, snoozeUntil } from '../../domain/snooze';
import { DirectionButtonValueSchema } from '../../slack/action-ids';
import type { CapabilityDeps, SlackCapability, Subcommand } from '../../slack/capability';
import type { Block } from '../../slack/renderers/blocks';
import { renderProblem } from '../../slack/renderers/lists';
import { toSlackMessage } from '../../slack/reply';
import type { SlackRouter } from '../../slack/router';
import { createSnoozeStore } from '../../store/snooze-store';
import { createSubscriptionStore } from '../../store/subscription-store';
import { createChannelMembership } from '../../updates/slack/channel-membership';
import { SUBSCRIBE_EXAMPLE } from '../subscribe-command';
import { createSubscriptionService } from '../subscriptions-service';
import { NUDGE_ACTIONS } from './renderers/action-ids';
import { nudgeBlockId } from './renderers/digest';
import { markSnoozed, snoozeConfirmation } from './renderers/snoozed';
import { renderSubscriptionOutcome } from './renderers/subscriptions';

/**
 * Nudges in Slack: which channels hear about which directions (subscribe, unsubscribe,
 * subscriptions) and the digest's [Snooze a week] button. The digests themselves are posted
 * by the daily run (lambdas/nudge.ts, `npm run nudge`).
 */
export function createNudgesCapability(deps: CapabilityDeps): SlackCapability {
  const snoozes = createSnoozeStore(deps.db, deps.tableName);
  // A snooze quiets a channel's reminders: only someone in that channel may, asked of Slack,
  // never inferred from where the button was (a click can name any channel).
  const membership = createChannelMembership(deps.slack, { log: (message) => deps.log?.(message) });
  const service = createSubscriptionService({
    store: deps.store,
    subscriptions: createSubscriptionStore(deps.db, deps.tableName),
    snoozes,
    admins: deps.admins,
    clock: deps.clock,
    defaultIjbId: deps.defaultIjbId,
  });

  const subcommands: Subcommand[] = [
    {
      names: ['subscribe'],
      help: [[SUBSCRIBE_EXAMPLE, 'have this channel reminded before deadlines (anyone in the channel can)']],
      handle: async (request) => renderSubscriptionOutcome(await service.subscribe(request)),
    },
    {
      names: ['unsubscribe'],
      help: [
        ['/direction unsubscribe', 'stop this channel’s subscriptions (its own team directions still come)'],
      ],
      handle: async (request) => renderSubscriptionOutcome(await service.unsubscribe(request)),
    },
    {
      names: ['subscriptions'],
      help: [['/direction subscriptions', 'what this channel is reminded about, and what is snoozed here']],
      handle: async (request) => renderSubscriptionOutcome(await service.list(request)),
    },
  ];

  const register = (app: SlackRouter) => {
    // Ack first (Slack allows 3 s), then write the snooze and mark the digest in place.
    app.action(NUDGE_ACTIONS.snooze, async ({ ack, body, respond }) => {
      await ack();
      const value = DirectionButtonValueSchema.safeParse(safeJson(body.actions[0]?.value));
      const today = londonDay(deps.clock());
      const snooze = SnoozeSchema.safeParse({
        ...(value.success ? value.data : {}),
        channel: body.channel?.id,
        by: body.user.id,
        until: snoozeUntil(today),
        at: deps.clock().toISOString(),
      });
      if (!snooze.success) {
        await respond({
          ...toSlackMessage(
            renderProblem('That button is from a message I can no longer read. Nothing was snoozed.'),
          ),
          replace_original: false,
        });
        return;
      }
      const member = await membership.isMember(snooze.data.channel, snooze.data.by);
      if (member !== true) {
        const why =
          member === 'unknown'
            ? 'I could not check with Slack that you are in this channel. Try again in a minute.'
            : 'Only people in this channel can snooze its reminders.';
        await respond({
          ...toSlackMessage(renderProblem(`${why} Nothing was snoozed.`)),
          replace_original: false,
        });
        return;
      }
      await snoozes.put(snooze.data);
      const { ijbId, planYear, ref, until, by } = snooze.data;
      const original = body.message as { text?: string; blocks?: Block[] } | undefined;
      if (original?.blocks) {
        await respond({
          replace_original: true,
          text: original.text ?? snoozeConfirmation(ref, until),
          blocks: markSnoozed(original.blocks, nudgeBlockId(ijbId, planYear, ref), { by, until }),
        });
      } else {
        await respond({
          replace_original: false,
          response_type: 'ephemeral',
          text: snoozeConfirmation(ref, until),
        });
      }
    });
  };

  return { subcommands, register };
}

function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
}
