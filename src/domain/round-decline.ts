import * as z from 'zod';
import { DirectionRefSchema, IjbIdSchema } from './direction';

/**
 * A lead's "not mine" to a review round's ask: who refused which direction, and why. The
 * direction stays outstanding in the round ("declined by …") until someone returns it; the
 * IJB's admins are told so they can reassign it.
 */
export const RoundDeclineSchema = z.object({
  ijbId: IjbIdSchema,
  roundId: z.string().min(1).max(100),
  ref: DirectionRefSchema,
  by: z.string().min(1).max(100),
  reason: z.string().trim().min(1).max(500),
  at: z.string(),
});
export type RoundDecline = z.infer<typeof RoundDeclineSchema>;
