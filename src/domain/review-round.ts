import * as z from 'zod';
import {
  BodyStandingsSchema,
  DirectionRefSchema,
  DirectionStatusSchema,
  IjbIdSchema,
  UpdateSummarySchema,
} from './direction';
import { LocalDateSchema } from './local-date';
import { PlanYearSchema } from './plan-year';

/** "2023-24 mid-year" → "2023-24-mid-year": a round's id within its IJB. */
export function roundIdOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Something done to a round after it opened, with who and why (extend, reopen, close). */
export const RoundEventSchema = z.object({
  kind: z.enum(['extended', 'reopened', 'closed']),
  at: z.string(),
  by: z.string(),
  why: z.string().max(500).optional(),
  closes: LocalDateSchema.optional(),
});
export type RoundEvent = z.infer<typeof RoundEventSchema>;

/**
 * The twice-yearly review: every lead of the round's directions is asked for an update by
 * `closes`; at the close the register is snapshotted. One round is open per IJB at a time.
 */
export const ReviewRoundSchema = z.object({
  ijbId: IjbIdSchema,
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(100),
  planYear: PlanYearSchema,
  refs: z.array(DirectionRefSchema),
  openedAt: z.string(),
  openedBy: z.string(),
  closes: LocalDateSchema,
  state: z.enum(['open', 'closing', 'closed']),
  closedAt: z.string().optional(),
  events: z.array(RoundEventSchema).default([]),
});
export type ReviewRound = z.infer<typeof ReviewRoundSchema>;

/** A direction as it stood when its round closed. Written once, never updated. */
export const RoundSnapshotEntrySchema = z.object({
  ref: DirectionRefSchema,
  status: DirectionStatusSchema,
  latestUpdate: UpdateSummarySchema.optional(),
  leads: z.array(z.string()).default([]),
  /** Each partner's status as at the close, for a direction answered per body. */
  bodies: BodyStandingsSchema.optional(),
  /** True when every recipient body had reported while the round was open. */
  returned: z.boolean(),
  takenAt: z.string(),
});
export type RoundSnapshotEntry = z.infer<typeof RoundSnapshotEntrySchema>;
