import * as z from 'zod';
import { DirectionLinkSchema, DirectionRefSchema, LifecycleSchema } from './direction';
import { PlanYearSchema } from './plan-year';

/**
 * One line of a board's outcomes table ("D10i – Replaced with related Direction D10j"): what
 * became of a direction of an earlier year. Kept as its own item, so it holds whether or not
 * that year's paper was ever imported, and applied to the direction when it is.
 */
export const DirectionOutcomeSchema = z.object({
  planYear: PlanYearSchema,
  ref: DirectionRefSchema,
  /** The table's heading for it: "Primary Care". */
  heading: z.string().max(300).optional(),
  lifecycle: LifecycleSchema,
  supersededBy: z.array(DirectionLinkSchema).default([]),
});
export type DirectionOutcome = z.infer<typeof DirectionOutcomeSchema>;
