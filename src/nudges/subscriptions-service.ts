import type { AdminDirectory } from '../access/admins';
import { compareRefs, refKey } from '../domain/direction';
import { type Ijb, nudgePolicyOf } from '../domain/ijb';
import { londonDay } from '../domain/local-date';
import type { PlanYear } from '../domain/plan-year';
import type { Snooze } from '../domain/snooze';
import { filterKey, type Subscription, type SubscriptionFilter } from '../domain/subscription';
import { nearestRefs } from '../lookup/nearest-refs';
import type { RegisterStore } from '../store/register-store';
import type { SnoozeStore } from '../store/snooze-store';
import type { SubscriptionStore } from '../store/subscription-store';
import { parseSubscribeText } from './subscribe-command';
import { type Resolved, resolveRecipient, resolveTheme } from './subscription-targets';

export interface SubscriptionRequest {
  text: string;
  channelId: string;
  userId: string;
  planYear?: PlanYear;
}

/** What a channel hears about, and why. */
export interface ChannelFollowing {
  ijb: Ijb;
  planYear: PlanYear;
  channel: string;
  /** Directions whose team channel this is: they always come here. */
  teamRefs: string[];
  subscriptions: Subscription[];
  /** The IJB's settings name this channel for escalations. */
  escalationBySetting: boolean;
  snoozes: Snooze[];
}

export type SubscriptionOutcome =
  | { kind: 'problem'; problem: string; example?: string }
  | { kind: 'usage'; verb: 'subscribe' | 'unsubscribe'; following: ChannelFollowing }
  | {
      kind: 'subscribed';
      filters: SubscriptionFilter[];
      existed: boolean;
      following: ChannelFollowing;
      by: string;
    }
  | {
      kind: 'unsubscribed';
      removed: Subscription[];
      keptEscalations: boolean;
      following: ChannelFollowing;
      by: string;
    }
  | { kind: 'following'; following: ChannelFollowing };

export interface SubscriptionDeps {
  store: RegisterStore;
  subscriptions: SubscriptionStore;
  snoozes: SnoozeStore;
  admins: AdminDirectory;
  clock: () => Date;
  defaultIjbId: string;
}

/**
 * Subscribing a channel to reminders. Open to anyone in the channel, as joining a channel is:
 * the confirmation is posted in the channel so everyone sees who did it and how to undo it.
 * Escalations are the exception: only an IJB admin may send them somewhere.
 */
export function createSubscriptionService(deps: SubscriptionDeps) {
  /** Runs `work` on the workspace's IJB and plan year, or says none is loaded. */
  const inScope = async (
    request: SubscriptionRequest,
    work: (ijb: Ijb, planYear: PlanYear) => Promise<SubscriptionOutcome>,
  ): Promise<SubscriptionOutcome> => {
    const ijb = await deps.store.getIjb(deps.defaultIjbId);
    const planYear = request.planYear ?? ijb?.latestPlanYear;
    if (!ijb || !planYear)
      return { kind: 'problem', problem: `No directions are loaded for ${deps.defaultIjbId} yet.` };
    if (ijb.importingYears?.includes(planYear))
      return {
        kind: 'problem',
        problem: `${ijb.shortName}’s ${planYear} directions are being imported right now. Try again in a minute.`,
      };
    return work(ijb, planYear);
  };

  const following = async (ijb: Ijb, planYear: PlanYear, channel: string): Promise<ChannelFollowing> => {
    const [directions, subscriptions, snoozes] = await Promise.all([
      deps.store.listDirections(ijb.id, planYear),
      deps.subscriptions.listForChannel(ijb.id, channel),
      deps.snoozes.listActive(ijb.id, planYear, londonDay(deps.clock())),
    ]);
    return {
      ijb,
      planYear,
      channel,
      teamRefs: directions
        .filter((d) => d.channel === channel)
        .map((d) => d.ref)
        .sort(compareRefs),
      subscriptions,
      escalationBySetting: nudgePolicyOf(ijb).escalationChannel === channel,
      snoozes: snoozes.filter((snooze) => snooze.channel === channel),
    };
  };

  const resolve = async (
    ijb: Ijb,
    planYear: PlanYear,
    text: string,
    verb: 'subscribe' | 'unsubscribe',
  ): Promise<Resolved> => {
    const request = parseSubscribeText(text, verb);
    switch (request.kind) {
      case 'usage':
        return request;
      case 'invalid':
        return { kind: 'problem', problem: request.problem, example: request.example };
      case 'all':
      case 'escalations':
        return { kind: 'filters', filters: [{ kind: request.kind }] };
      case 'to':
        return resolveRecipient(ijb, request.words, verb);
      case 'theme': {
        const directions = await deps.store.listDirections(ijb.id, planYear);
        return resolveTheme([...new Set(directions.map((d) => d.theme.name))], request.words, verb);
      }
      case 'refs': {
        const found = await deps.store.getDirections(ijb.id, planYear, request.refs);
        const known = new Set(found.map((d) => refKey(d.ref)));
        const missing = request.refs.filter((ref) => !known.has(refKey(ref)));
        if (missing.length === 0) {
          return {
            kind: 'filters',
            filters: found.map((d) => ({ kind: 'direction', planYear, ref: d.ref })),
          };
        }
        const all = (await deps.store.listDirections(ijb.id, planYear)).map((d) => d.ref);
        const guesses = [...new Set(missing.flatMap((ref) => nearestRefs(ref, all).slice(0, 2)))];
        return {
          kind: 'problem',
          problem: `No ${missing.join(', ')} in ${ijb.shortName} ${planYear}, so nothing was changed.${guesses.length > 0 ? ` Did you mean ${guesses.join(' or ')}?` : ''}`,
          example: `/direction ${verb} ${found.map((d) => d.ref).join(' ') || guesses[0] || '5.1'}`,
        };
      }
    }
  };

  return {
    subscribe: (request: SubscriptionRequest) =>
      inScope(request, async (ijb, planYear) => {
        const resolved = await resolve(ijb, planYear, request.text, 'subscribe');
        if (resolved.kind === 'usage') {
          return {
            kind: 'usage',
            verb: 'subscribe',
            following: await following(ijb, planYear, request.channelId),
          };
        }
        if (resolved.kind === 'problem') return resolved;
        const { filters } = resolved;
        if (
          filters.some((f) => f.kind === 'escalations') &&
          !(await deps.admins.isAdmin(ijb.id, request.userId))
        ) {
          return {
            kind: 'problem',
            problem: `Only an admin of ${ijb.shortName} IJB can send escalations to a channel. Ask one to run this here.`,
          };
        }
        const at = deps.clock().toISOString();
        let existed = true;
        for (const filter of filters) {
          const added = await deps.subscriptions.add({
            ijbId: ijb.id,
            channel: request.channelId,
            filter,
            by: request.userId,
            at,
          });
          existed &&= added === 'existed';
        }
        return {
          kind: 'subscribed',
          filters,
          existed,
          following: await following(ijb, planYear, request.channelId),
          by: request.userId,
        };
      }),

    unsubscribe: (request: SubscriptionRequest) =>
      inScope(request, async (ijb, planYear) => {
        const everything = request.text.trim() === '' || /^(all|everything)$/i.test(request.text.trim());
        let only: string[] | undefined;
        if (!everything) {
          const resolved = await resolve(ijb, planYear, request.text, 'unsubscribe');
          if (resolved.kind === 'problem') return resolved;
          if (resolved.kind === 'usage') {
            return {
              kind: 'usage',
              verb: 'unsubscribe',
              following: await following(ijb, planYear, request.channelId),
            };
          }
          only = resolved.filters.map(filterKey);
        }
        const isAdmin = await deps.admins.isAdmin(ijb.id, request.userId);
        if (only?.includes('escalations') && !isAdmin) {
          return {
            kind: 'problem',
            problem: `Only an admin of ${ijb.shortName} IJB can stop escalations here.`,
          };
        }
        const current = await deps.subscriptions.listForChannel(ijb.id, request.channelId);
        const keys = (only ?? current.map((s) => filterKey(s.filter))).filter(
          (key) => isAdmin || key !== 'escalations',
        );
        const removed = await deps.subscriptions.remove(ijb.id, request.channelId, keys);
        return {
          kind: 'unsubscribed',
          removed,
          keptEscalations: !isAdmin && current.some((s) => s.filter.kind === 'escalations') && !only,
          following: await following(ijb, planYear, request.channelId),
          by: request.userId,
        };
      }),

    list: (request: SubscriptionRequest) =>
      inScope(request, async (ijb, planYear) => ({
        kind: 'following',
        following: await following(ijb, planYear, request.channelId),
      })),
  };
}

export type SubscriptionService = ReturnType<typeof createSubscriptionService>;
