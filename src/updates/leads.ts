import { compareRefs, type Direction, DirectionRefSchema } from '../domain/direction';
import type { Ijb } from '../domain/ijb';
import type { PlanYear } from '../domain/plan-year';
import type { LookupService, ShowResult } from '../lookup/lookup-service';
import { type DirectionView, type Scope, viewOf } from '../lookup/views';
import type { LeadStore } from '../store/lead-store';
import type { RegisterStore } from '../store/register-store';
import { resolveLeadBodies, splitBodies } from './assign-bodies';
import type { Permissions } from './permissions';
import { mentionedChannels, mentionedUsers, plainText, unresolvedNames } from './slack-text';
import type { UpdateService } from './update-service';

export const ASSIGN_EXAMPLE = '/direction assign 5.1 @lead @second-lead #team-channel';
export const ASSIGN_BODY_EXAMPLE =
  '/direction assign 5.1 @lead for NHS Lothian @other-lead for Midlothian Council';
const MAX_LEADS = 5;

export type AssignRequest =
  | { kind: 'assign'; ref: string; leads?: string[]; channel?: string; bodies?: Record<string, string> }
  | { kind: 'invalid'; problem: string };

/** `5.1 @lead [@lead2] #channel`: leads replace the leads, a channel replaces the channel; at least one. */
export function parseAssign(text: string): AssignRequest {
  const [first = '', ...rest] = text.trim().split(/\s+/);
  const ref = DirectionRefSchema.safeParse(first);
  if (!ref.success || !/\d/.test(first))
    return { kind: 'invalid', problem: 'Start with the direction’s ref, then its leads and team channel.' };
  const split = splitBodies(rest.join(' '));
  const tail = split.rest;
  const leads = mentionedUsers(tail);
  const channels = mentionedChannels(tail);
  const loose = unresolvedNames(tail).filter((name) => !/^[@#][UWCG][A-Z0-9]{6,}$/.test(name));
  if (loose.length > 0) {
    return {
      kind: 'invalid',
      problem: `I cannot tell who or which channel ${loose.map((name) => `“${name}”`).join(', ')} is: pick people and channels from Slack's suggestions as you type, so the command carries them.`,
    };
  }
  if (leads.length === 0 && channels.length === 0)
    return {
      kind: 'invalid',
      problem: `Name the lead(s) with @ and/or the team channel with # after ${ref.data}.`,
    };
  if (channels.length > 1)
    return { kind: 'invalid', problem: 'A direction has one team channel: name just one.' };
  if (leads.length > MAX_LEADS)
    return { kind: 'invalid', problem: `Name at most ${MAX_LEADS} leads (you named ${leads.length}).` };
  const leftover = plainText(tail.replace(/<[@#][^>]*>/g, '').replace(/\b[UWCG][A-Z0-9]{6,}\b/g, ''))
    .replace(/[@#\s,]+/g, ' ')
    .trim();
  if (leftover && !/^(and|&)$/i.test(leftover))
    return {
      kind: 'invalid',
      problem: `I do not know what “${leftover}” means here: only @people and one #channel.`,
    };
  return {
    kind: 'assign',
    ref: ref.data,
    ...(leads.length > 0 ? { leads } : {}),
    ...(channels[0] ? { channel: channels[0] } : {}),
    ...(Object.keys(split.bodies).length > 0 ? { bodies: split.bodies } : {}),
  };
}

export type AssignResult =
  | { kind: 'invalid'; problem: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'missing'; result: Extract<ShowResult, { kind: 'missing' }> }
  | {
      kind: 'assigned';
      before: Direction;
      after: Direction;
      /** Leads of a direction issued to both bodies whose body is not known yet: the reply asks. */
      unknownBodies: string[];
      ijb: Ijb;
    };

export interface LeadershipDeps {
  store: RegisterStore;
  leads: LeadStore;
  lookup: LookupService;
  permissions: Permissions;
  service: UpdateService;
}

/** Who leads what: assigning leads and team channels (IJB admins), and "what do I lead". */
export function createLeadership({ store, leads, lookup, permissions, service }: LeadershipDeps) {
  /** Sets one direction’s leads and/or team channel, its mentions already resolved (Slack: parseAssign; Teams: mention entities to aad: ids). */
  const assignResolved = async (
    userId: string,
    request: Extract<AssignRequest, { kind: 'assign' }>,
    planYear?: PlanYear,
  ): Promise<AssignResult> => {
    if (request.leads && request.leads.length > MAX_LEADS)
      return {
        kind: 'invalid',
        problem: `Name at most ${MAX_LEADS} leads (you named ${request.leads.length}).`,
      };
    const scoped = await lookup.scope(planYear ? { planYear } : {});
    if (!scoped.ok) return { kind: 'invalid', problem: scoped.problem };
    if (!(await permissions.isAdmin(scoped.scope.ijb.id, userId))) {
      return {
        kind: 'refused',
        reason: await permissions.adminOnly(scoped.scope.ijb.id, 'assign leads and team channels'),
      };
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      const found = await lookup.show(scoped.scope, request.ref);
      if (found.kind === 'missing') return { kind: 'missing', result: found };
      const before = found.view.direction;
      const nextLeads = request.leads ?? before.leads;
      const channel = request.channel ?? before.channel;
      const bodies = resolveLeadBodies(scoped.scope.ijb, before, nextLeads, request.bodies ?? {});
      if (!bodies.ok) return { kind: 'invalid', problem: bodies.problem };
      const { leadBodies } = bodies;
      if (await leads.assign(before, nextLeads, channel, leadBodies)) {
        const { leadBodies: _old, ...rest } = before;
        const after = {
          ...rest,
          leads: nextLeads,
          version: before.version + 1,
          ...(channel ? { channel } : {}),
          ...(leadBodies ? { leadBodies } : {}),
        };
        if (channel && channel !== before.channel) {
          await service.publish({
            ijbId: before.ijbId,
            planYear: before.planYear,
            ref: before.ref,
            event: 'assigned',
            by: userId,
          });
        }
        return { kind: 'assigned', before, after, unknownBodies: bodies.unknown, ijb: scoped.scope.ijb };
      }
    }
    throw new Error(`${request.ref} kept changing while assigning it`);
  };
  return {
    async assign(userId: string, text: string, planYear?: PlanYear): Promise<AssignResult> {
      const request = parseAssign(text);
      if (request.kind === 'invalid') return request;
      return assignResolved(userId, request, planYear);
    },

    assignResolved,

    async mine(
      userId: string,
      planYear?: PlanYear,
    ): Promise<{ ok: true; scope: Scope; views: DirectionView[] } | { ok: false; problem: string }> {
      const scoped = await lookup.scope(planYear ? { planYear } : {});
      if (!scoped.ok) return scoped;
      const { scope } = scoped;
      const keys = (await leads.ledBy(userId)).filter(
        (key) => key.ijbId === scope.ijb.id && key.planYear === scope.planYear,
      );
      const directions = await store.getDirections(
        scope.ijb.id,
        scope.planYear,
        keys.map((key) => key.ref),
      );
      const views = directions
        .filter((direction) => direction.leads.includes(userId))
        .map((direction) => viewOf(direction, scope))
        .sort(
          (a, b) => soonest(a).localeCompare(soonest(b)) || compareRefs(a.direction.ref, b.direction.ref),
        );
      return { ok: true, scope, views };
    },
  };
}

function soonest(view: DirectionView): string {
  return view.deadlines.map((deadline) => deadline.dueDate ?? '9999').sort()[0] ?? '9999';
}

export type Leadership = ReturnType<typeof createLeadership>;
