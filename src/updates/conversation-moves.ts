import { randomUUID } from 'node:crypto';
import {
  CONVERSATION_TTL_MS,
  type ConversationPlace,
  type ConversationState,
} from '../domain/conversation-state';
import { londonDay } from '../domain/local-date';
import type { DirectionKey } from '../domain/progress-update';
import type { LookupService } from '../lookup/lookup-service';
import type { ConversationStore } from '../store/conversation-store';
import type { LeadStore } from '../store/lead-store';
import type { RegisterStore } from '../store/register-store';
import type { ThreadAnchorStore } from '../store/thread-anchors';
import type { UpdateStore } from '../store/update-store';
import { advanceTo, type Move, type Prompt, promptFor, takeInput } from './conversation';
import type { Permissions } from './permissions';
import { readStatus } from './status-words';
import { validateUpdate } from './update-input';
import { keyOf, type UpdateService } from './update-service';

/** A message a person sent where a conversation may happen: a DM with the bot, or a thread. */
export interface IncomingMessage {
  channel: string;
  /** 'im' for a DM with the bot; 'channel' or 'group' for a (private) channel. */
  channelType: string;
  ts: string;
  threadTs?: string | undefined;
  userId: string;
  text: string;
}

/** What to say, and whether only the person should see it (in a channel thread). */
export interface Said {
  prompt: Prompt;
  private: boolean;
}

export interface ConversationDeps {
  conversations: ConversationStore;
  threadAnchors: ThreadAnchorStore;
  store: RegisterStore;
  updates: UpdateStore;
  leads: LeadStore;
  lookup: LookupService;
  permissions: Permissions;
  service: UpdateService;
  clock: () => Date;
}

/** The place a message belongs to, or undefined when it is not one the bot converses in. */
export function placeOf(message: IncomingMessage): ConversationPlace | undefined {
  if (message.channelType === 'im')
    return { channel: message.channel, thread: message.threadTs ?? 'dm', userId: message.userId };
  if (
    (message.channelType === 'channel' || message.channelType === 'group') &&
    message.threadTs &&
    message.threadTs !== message.ts
  ) {
    return { channel: message.channel, thread: message.threadTs, userId: message.userId };
  }
  return undefined;
}

/**
 * The moves of a conversation that need the register: starting one (from a DM or a thread's
 * anchor), finding the direction it is about and checking who may update it, and saving.
 */
export function createConversationMoves(deps: ConversationDeps) {
  const { clock } = deps;
  const today = () => londonDay(clock());

  const fresh = (
    place: ConversationPlace,
    lastTs: string,
    inChannel: boolean,
    version: number,
  ): ConversationState => {
    const now = clock();
    return {
      ...place,
      id: randomUUID(),
      step: 'choose',
      choices: [],
      draft: {},
      inChannel,
      lastTs,
      updatedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + CONVERSATION_TTL_MS).toISOString(),
      version,
    };
  };

  /** Finds the direction a conversation is about, checks the person may update it, and asks the next question. */
  const resolve = async (state: ConversationState, ref: string, rest: string): Promise<Move> => {
    const choice = state.choices.find((key) => key.ref.toLowerCase() === ref.toLowerCase());
    const scoped = await deps.lookup.scope(choice ?? state.choices[0] ?? {});
    if (!scoped.ok) return { kind: 'end', prompt: { kind: 'problem', text: scoped.problem } };
    const { ijb, planYear } = scoped.scope;
    const direction = await deps.store.getDirection(ijb.id, choice?.planYear ?? planYear, ref);
    if (!direction) {
      return {
        kind: 'continue',
        state,
        prompt: promptFor(
          state,
          `There is no ${ref} in ${ijb.shortName} ${planYear}. Which direction is this about?`,
        ),
      };
    }
    const right = await deps.permissions.mayUpdate(
      direction,
      state.userId,
      state.inChannel ? state.channel : undefined,
    );
    if (!right.ok) return { kind: 'end', prompt: { kind: 'problem', text: right.reason } };
    let next: ConversationState = {
      ...state,
      direction: keyOf(direction),
      ...(direction.latestUpdate ? { previous: direction.latestUpdate } : {}),
    };
    const reading = rest ? readStatus(rest) : undefined;
    if (reading)
      next = { ...next, draft: { status: reading.status, ...(reading.rest ? { text: reading.rest } : {}) } };
    else if (rest.split(/\s+/).filter(Boolean).length >= 3) next = { ...next, draft: { text: rest } };
    // In a channel thread the first question also asks whether this is an update at all.
    return advanceTo(next, today(), state.inChannel);
  };

  const save = async (state: ConversationState, move: Extract<Move, { kind: 'save' }>): Promise<Move> => {
    const key = state.direction as DirectionKey;
    const checked = validateUpdate(move.raw, today());
    if (!checked.ok)
      return {
        kind: 'continue',
        state,
        prompt: promptFor(state, Object.values(checked.problems).join('. ')),
      };
    const direction = await deps.store.getDirection(key.ijbId, key.planYear, key.ref);
    if (!direction)
      return {
        kind: 'end',
        prompt: { kind: 'problem', text: `${key.ref} is no longer in the register.`, draft: state.draft },
      };
    const result = await deps.service.save({
      direction,
      userId: state.userId,
      content: checked.content,
      via: 'conversation',
      idempotencyKey: `convo:${state.id}`,
      ...(state.inChannel ? { fromChannel: state.channel } : {}),
    });
    if (result.kind === 'saved') {
      return {
        kind: 'end',
        prompt: {
          kind: 'saved',
          update: result.update,
          previous: result.previous,
          duplicate: result.duplicate,
        },
      };
    }
    if (result.kind === 'refused')
      return { kind: 'end', prompt: { kind: 'problem', text: result.reason, draft: state.draft } };
    return {
      kind: 'continue',
      state,
      prompt: promptFor(
        state,
        `Not saved: ${result.reason}. Your update is kept here: press Save to try again.`,
      ),
    };
  };

  const settle = async (move: Move): Promise<Move> => {
    if (move.kind === 'resolve') return resolve(move.state, move.ref, move.rest);
    if (move.kind === 'save') return save(move.state, move);
    return move;
  };

  const startOf = async (state: ConversationState, message: IncomingMessage): Promise<Move | undefined> => {
    if (state.inChannel) {
      const anchor = await deps.threadAnchors.get(message.channel, message.threadTs ?? '');
      if (!anchor) return undefined;
      const withChoices = { ...state, choices: anchor.directions };
      if (anchor.directions.length === 1 && anchor.directions[0]) {
        return { kind: 'resolve', state: withChoices, ref: anchor.directions[0].ref, rest: message.text };
      }
      const named = /^\s*(\S+)\s*([\s\S]*)$/.exec(message.text);
      const hit = anchor.directions.find((key) => key.ref.toLowerCase() === named?.[1]?.toLowerCase());
      if (hit) return { kind: 'resolve', state: withChoices, ref: hit.ref, rest: named?.[2] ?? '' };
      return { kind: 'continue', state: withChoices, prompt: promptFor(withChoices) };
    }
    const move = takeInput(state, { kind: 'text', text: message.text }, today());
    if (move.kind === 'resolve') return move;
    const scoped = await deps.lookup.scope({});
    const led = scoped.ok
      ? (await deps.leads.ledBy(state.userId)).filter(
          (key) => key.ijbId === scoped.scope.ijb.id && key.planYear === scoped.scope.planYear,
        )
      : [];
    const withChoices = { ...state, choices: led.slice(0, 5) };
    return { kind: 'continue', state: withChoices, prompt: promptFor(withChoices) };
  };

  return { fresh, settle, startOf };
}
