import {
  CONVERSATION_TTL_MS,
  type ConversationPlace,
  type ConversationState,
  isExpired,
} from '../domain/conversation-state';
import { londonDay } from '../domain/local-date';
import type { DirectionKey } from '../domain/progress-update';
import { parseIntent } from '../understanding/parse';
import { type ConversationInput, type Move, rawOf, takeInput } from './conversation';
import {
  type ConversationDeps,
  createConversationMoves,
  type IncomingMessage,
  placeOf,
  type Said,
} from './conversation-moves';
import type { RawUpdate } from './update-input';
import { updateIdFor } from './update-service';

export type { ConversationDeps, IncomingMessage, Said };
export { placeOf };

/** Something only the person should see, as one line of the conversation. */
function privately(text: string): Said[] {
  return [{ prompt: { kind: 'problem', text }, private: true }];
}

function expiredNote(existing: ConversationState): Said {
  return {
    prompt: {
      kind: 'expired',
      ...(existing.direction ? { ref: existing.direction.ref } : {}),
      draft: existing.draft,
    },
    private: true,
  };
}

/**
 * Progress by conversation: a DM with the bot, or a reply in the thread of a nudge or a status
 * card, step by step. State lives in DynamoDB between messages (and Lambda invocations).
 */
export function createConversations(deps: ConversationDeps) {
  const { conversations, clock } = deps;
  const today = () => londonDay(clock());
  const { fresh, settle, startOf } = createConversationMoves(deps);

  /** Applies a move: keeps the state (on condition of its version), or ends it. False on a conflicting write. */
  const apply = async (move: Move, place: ConversationPlace, said: Said[]): Promise<boolean> => {
    if (move.kind === 'end') {
      await conversations.end(place);
      said.push({ prompt: move.prompt, private: move.prompt.kind === 'problem' });
      return true;
    }
    if (move.kind !== 'continue') throw new Error(`unexpected move ${move.kind}`);
    const now = clock();
    const kept = {
      ...move.state,
      updatedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + CONVERSATION_TTL_MS).toISOString(),
    };
    if (!(await conversations.put(kept))) return false;
    said.push({ prompt: move.prompt, private: false });
    return true;
  };

  return {
    /** Ends a conversation finished elsewhere (its update saved from the form). */
    finish: (place: ConversationPlace) => conversations.end(place),

    /** The draft of a live conversation, to prefill the form its Edit button opens. */
    async draftOf(place: ConversationPlace, conversationId: string): Promise<RawUpdate | undefined> {
      const state = await conversations.get(place);
      if (!state || state.id !== conversationId || isExpired(state, clock())) return undefined;
      return rawOf(state);
    },

    /**
     * Takes a message into a conversation: one in progress, a reply in a nudge's or status card's
     * thread, or — in a DM — an update intent (`update 5.1`, `report 5.1 on track: …`). Anything
     * else typed in a DM is not a conversation (`taken: false`): it is answered like /direction.
     */
    async handleMessage(message: IncomingMessage): Promise<{ taken: boolean; said: Said[] }> {
      const place = placeOf(message);
      if (!place) return { taken: false, said: [] };
      const intent = message.channelType === 'im' ? parseIntent(message.text) : undefined;
      for (let attempt = 0; attempt < 3; attempt++) {
        const said: Said[] = [];
        const existing = await conversations.get(place);
        // Slack redelivered an event already taken in
        if (existing && existing.lastTs >= message.ts) return { taken: true, said: [] };
        const live = existing && !isExpired(existing, clock());
        if (!live && intent && intent.kind !== 'update') {
          if (!existing) return { taken: false, said };
          await conversations.end(place);
          return { taken: false, said: [expiredNote(existing)] };
        }
        let move: Move;
        if (existing && !isExpired(existing, clock())) {
          move = await settle(
            takeInput({ ...existing, lastTs: message.ts }, { kind: 'text', text: message.text }, today()),
          );
        } else {
          if (existing) said.push(expiredNote(existing));
          const inChannel = message.channelType !== 'im';
          const state = fresh(place, message.ts, inChannel, existing?.version ?? 0);
          const start =
            intent?.kind === 'update' && intent.ref
              ? { kind: 'resolve' as const, state, ref: intent.ref, rest: intent.text }
              : await startOf(state, message);
          if (!start) {
            if (existing) await conversations.end(place);
            return { taken: false, said };
          }
          move = await settle(start);
        }
        if (await apply(move, place, said)) return { taken: true, said };
      }
      return {
        taken: true,
        said: privately(
          'You sent several messages at once; I took the first. Check the question above and answer it again.',
        ),
      };
    },

    async handleAction(
      place: ConversationPlace,
      conversationId: string,
      key: DirectionKey | undefined,
      input: ConversationInput,
    ): Promise<Said[]> {
      const state = await conversations.get(place);
      if (!state || state.id !== conversationId) {
        if (
          input.kind === 'save' &&
          key &&
          (await deps.updates.get(key, updateIdFor(`convo:${conversationId}`)))
        ) {
          return privately(`That update to ${key.ref} is saved already.`);
        }
        return privately(
          'That conversation has ended. Reply in the thread, or message me, to start a new update.',
        );
      }
      if (isExpired(state, clock())) {
        await conversations.end(place);
        return [
          {
            prompt: {
              kind: 'expired',
              ...(state.direction ? { ref: state.direction.ref } : {}),
              draft: state.draft,
            },
            private: true,
          },
        ];
      }
      const said: Said[] = [];
      const move = await settle(takeInput(state, input, today()));
      if (!(await apply(move, place, said))) {
        return privately('That conversation moved on meanwhile: answer its latest question.');
      }
      return said;
    },
  };
}

export type Conversations = ReturnType<typeof createConversations>;
