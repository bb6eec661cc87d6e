import type { webApi } from '@slack/bolt';
import type { AdminDirectory } from '../../access/admins';
import type { Direction } from '../../domain/direction';
import { type ProgressUpdate, proposalOf } from '../../domain/progress-update';
import type { LookupService } from '../../lookup/lookup-service';
import { viewOf } from '../../lookup/views';
import type { RegisterStore } from '../../store/register-store';
import type { StatusCard, StatusCardStore } from '../../store/status-card-store';
import type { ThreadAnchorStore } from '../../store/thread-anchors';
import type { UpdateStore } from '../../store/update-store';
import { postOnce } from '../../work/post-once';
import type { PersonNote, PersonNotifier } from '../person-notes';
import { PublishJobSchema } from '../publish-job';
import { withUpdate } from '../summary';
import { keyOf, type UpdateService } from '../update-service';
import type { Message } from './render/conversation';
import {
  renderDecided,
  renderNeedsSecondAdmin,
  renderNoAdmins,
  renderSignOffRequest,
} from './render/sign-off';
import { renderDecisionEntry, renderStatusCard, renderThreadEntry } from './render/status-card';

export interface PublisherDeps {
  slack: webApi.WebClient;
  store: RegisterStore;
  updates: UpdateStore;
  cards: StatusCardStore;
  admins: AdminDirectory;
  threadAnchors: ThreadAnchorStore;
  lookup: LookupService;
  service: UpdateService;
  clock: () => Date;
  log: (message: string, error?: unknown) => void;
  /** How long a claim to post a card holds before another job may take over. */
  claimStaleMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** People Slack cannot reach (Teams users): told on their own surface. */
  people?: PersonNotifier | undefined;
}

/**
 * Work done after the ack, as a job (in-process locally, the worker Lambda on AWS): the living
 * status card, the update as a reply in its thread, sign-off requests and decisions. Jobs may
 * run twice (at-least-once delivery), so each post that must happen once is claimed first.
 */
export function createPublisher(deps: PublisherDeps) {
  const { slack, store, updates, cards, clock, log } = deps;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  /**
   * Posts once (src/work/post-once.ts). `postId` names the post in its metadata, so a post whose
   * answer was lost is found in the channel, not repeated. A DM to a user id cannot be searched
   * without conversations.open, so it is tried once only: at most once, never twice.
   */
  const post = async (
    channel: string,
    message: Message,
    threadTs?: string,
    postId?: string,
  ): Promise<string | undefined> =>
    postOnce(
      slack,
      { channel, text: message.text, blocks: message.blocks, ...(threadTs ? { thread_ts: threadTs } : {}) },
      postId ?? `${channel}:${threadTs ?? ''}:${message.text}`,
      { attempts: postId && !/^[UW]/.test(channel) ? 2 : 1, now: clock },
    );

  /** A note to one person: Slack DMs them, unless another surface is theirs (an `aad:` id → Teams). */
  const tell = async (userId: string, note: PersonNote, message: Message, postId?: string) => {
    if (deps.people?.reaches(userId)) {
      if (!(await deps.people.notify(userId, note)))
        log(`could not tell ${userId} (${note.kind}): not reachable`);
      return;
    }
    // A Teams user where no Teams notifier is composed (the worker Lambda has no Teams secret yet): never Slack.
    if (userId.startsWith('aad:'))
      return log(`could not tell ${userId} (${note.kind}): Teams is not set up here`);
    await post(userId, message, undefined, postId);
  };

  const cardMessage = async (direction: Direction) => {
    const scoped = await deps.lookup.scope({ ijbId: direction.ijbId, planYear: direction.planYear });
    if (!scoped.ok) throw new Error(scoped.problem);
    return renderStatusCard(viewOf(direction, scoped.scope), scoped.scope.ijb.name);
  };

  /** The card in the direction's channel: posted by exactly one job, the others wait for its ts. */
  const ensureCard = async (
    direction: Direction,
    tellIfBlocked?: string,
  ): Promise<(StatusCard & { fresh?: boolean }) | undefined> => {
    const channel = direction.channel as string;
    const key = keyOf(direction);
    const existing = await cards.get(key);
    if (existing?.channel === channel && existing.ts) return existing;
    if (await cards.claim(key, channel, clock(), deps.claimStaleMs ?? 30_000)) {
      try {
        const ts = await post(
          channel,
          await cardMessage(direction),
          undefined,
          `card:${key.ijbId}:${key.planYear}:${key.ref}:${clock().getTime()}`,
        );
        if (!ts) throw new Error('chat.postMessage returned no ts');
        await cards.posted(key, channel, ts, direction.version);
        await deps.threadAnchors.put({
          channel,
          ts,
          kind: 'status-card',
          directions: [key],
          createdAt: clock().toISOString(),
        });
        return {
          channel,
          ts,
          claimedAt: clock().toISOString(),
          renderedVersion: direction.version,
          fresh: true,
        };
      } catch (error) {
        const code = (error as { data?: { error?: string } }).data?.error;
        log(
          `could not post the status card of ${direction.ref} in ${channel}${code ? `: ${code}` : ''}`,
          code ? undefined : error,
        );
        if (tellIfBlocked && (code === 'not_in_channel' || code === 'channel_not_found')) {
          await post(tellIfBlocked, {
            text: `I cannot post in that channel`,
            blocks: [
              {
                type: 'section',
                text: {
                  type: 'mrkdwn',
                  text: `:raising_hand: I could not post ${direction.ref}'s status card in <#${channel}> (${code}). Invite me there with \`/invite @directions\`, then post an update to bring the card.`,
                },
              },
            ],
          }).catch(() => undefined);
        }
        return undefined;
      }
    }
    for (let waited = 0; waited < 5_000; waited += 100) {
      await sleep(100);
      const card = await cards.get(key);
      if (card?.channel === channel && card.ts) return card;
    }
    log(`gave up waiting for ${direction.ref}'s status card to be posted`);
    return undefined;
  };

  const refreshCard = async (direction: Direction, card: StatusCard & { fresh?: boolean }) => {
    if (card.fresh || (card.renderedVersion ?? 0) >= direction.version) return;
    if (!(await cards.claimRender(keyOf(direction), direction.version))) return;
    await slack.chat.update({
      channel: card.channel,
      ts: card.ts as string,
      ...(await cardMessage(direction)),
    });
  };

  const requestSignOff = async (update: ProgressUpdate) => {
    if (!(await updates.claim(update, update.id, 'signOffRequestedAt', clock().toISOString()))) return;
    const all = await deps.admins.list(update.ijbId);
    // Four eyes: the proposer is never asked to sign off their own proposal.
    const admins = all.filter((admin) => admin !== update.by);
    if (admins.length === 0) {
      await tell(
        update.by,
        { kind: all.length === 0 ? 'no-admins' : 'needs-second-admin', update },
        all.length === 0 ? renderNoAdmins(update) : renderNeedsSecondAdmin(update),
      );
      return;
    }
    for (const admin of admins) {
      await tell(
        admin,
        { kind: 'sign-off-request', update },
        renderSignOffRequest(update),
        `sign-off:${update.id}:${admin}`,
      ).catch((error: unknown) => log(`could not ask ${admin} to sign off ${update.ref}`, error));
    }
  };

  return {
    async handle(payload: unknown): Promise<void> {
      const job = PublishJobSchema.parse(payload);
      const key = { ijbId: job.ijbId, planYear: job.planYear, ref: job.ref };
      let direction = await store.getDirection(key.ijbId, key.planYear, key.ref);
      const update = job.id ? await updates.get(key, job.id) : undefined;
      if (!direction) return;
      // Heals a summary the request could not write (it said "saved" once the update was stored).
      if (job.event === 'saved' && update && withUpdate(direction, update)) {
        await deps.service.reflect(direction, update);
        direction = (await store.getDirection(key.ijbId, key.planYear, key.ref)) ?? direction;
      }
      // A Teams team channel (19:…) gets its digest there, not a Slack status card.
      const slackChannel =
        direction.channel && /^[CG]/.test(direction.channel) ? direction.channel : undefined;
      const card = slackChannel ? await ensureCard(direction, job.by ?? update?.by) : undefined;
      if (card) await refreshCard(direction, card);

      if (update && card?.ts) {
        const once =
          job.event !== 'saved' ||
          (await updates.claim(key, update.id, 'announcedAt', clock().toISOString()));
        if (once) {
          const message =
            job.event === 'decided' && update.signOff?.by
              ? renderDecisionEntry(decisionOf(update))
              : renderThreadEntry(job.event === 'assigned' ? 'saved' : job.event, update);
          await post(card.channel, message, card.ts, `thread:${update.id}:${job.event}`);
        }
      }
      if (
        update &&
        (job.event === 'saved' || job.event === 'edited') &&
        proposalOf(update.status) &&
        update.signOff?.state === 'pending' &&
        !update.withdrawn
      ) {
        await requestSignOff(update);
      }
      if (update && job.event === 'decided' && update.signOff?.by) {
        await tell(
          update.by,
          { kind: 'decided', decision: decisionOf(update) },
          renderDecided(decisionOf(update)),
        );
      }
    },
  };
}

function decisionOf(update: ProgressUpdate) {
  const signOff = update.signOff ?? { state: 'approved' as const };
  return {
    updateId: update.id,
    ijbId: update.ijbId,
    planYear: update.planYear,
    ref: update.ref,
    at: signOff.at ?? update.at,
    by: signOff.by ?? '',
    proposal: proposalOf(update.status) ?? 'achieved',
    outcome: signOff.state === 'sent-back' ? ('sent-back' as const) : ('approved' as const),
    proposedBy: update.by,
    ...(signOff.reason ? { reason: signOff.reason } : {}),
  };
}

export type Publisher = ReturnType<typeof createPublisher>;
