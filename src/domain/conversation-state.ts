import * as z from 'zod';
import { UpdateSummarySchema } from './direction';
import { UpdateStatusSchema } from './progress-update';

/** A conversation is forgotten after a day of silence; the person is told when they come back. */
export const CONVERSATION_TTL_MS = 24 * 60 * 60_000;

const DirectionKeySchema = z.object({ ijbId: z.string(), planYear: z.string(), ref: z.string() });

export const ConversationStepSchema = z.enum(['choose', 'status', 'text', 'evidence', 'confirm']);
export type ConversationStep = z.infer<typeof ConversationStepSchema>;

/** Where a conversation happens: a DM or a thread, and whose it is. */
export const ConversationPlaceSchema = z.object({
  channel: z.string().min(1),
  /** The thread's ts, or 'dm' for the top level of a direct message. */
  thread: z.string().min(1),
  userId: z.string().min(1),
});
export type ConversationPlace = z.infer<typeof ConversationPlaceSchema>;

/**
 * A step-by-step update in progress, kept in DynamoDB so it survives between Lambda
 * invocations. `version` guards against two messages landing at once; `lastTs` makes a
 * redelivered Slack event a no-op.
 */
export const ConversationStateSchema = ConversationPlaceSchema.extend({
  id: z.string().min(1),
  step: ConversationStepSchema,
  choices: z.array(DirectionKeySchema).default([]),
  direction: DirectionKeySchema.optional(),
  previous: UpdateSummarySchema.optional(),
  draft: z.object({
    status: UpdateStatusSchema.optional(),
    text: z.string().optional(),
    evidence: z.string().optional(),
  }),
  /** Where the request came from proves channel membership the same way a command does. */
  inChannel: z.boolean().default(false),
  lastTs: z.string().default(''),
  updatedAt: z.string(),
  expiresAt: z.string(),
  version: z.number().int().min(0),
});
export type ConversationState = z.infer<typeof ConversationStateSchema>;

export function isExpired(state: Pick<ConversationState, 'expiresAt'>, now: Date): boolean {
  return state.expiresAt <= now.toISOString();
}
