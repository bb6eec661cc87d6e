import * as z from 'zod';
import { DeadlineSchema } from './deadline';
import { DirectionRefSchema } from './direction';

/**
 * A key action of the IJB's delivery plan, with its KPI and timeframe, linked to the
 * directions it delivers (East Lothian's Appendix 2). Its own item, with its own dates: a
 * direction with no deadline can still have milestones that fall due.
 */
export const MilestoneSchema = z.object({
  /** Stable across re-imports of the same plan: derived from what the milestone says. */
  id: z.string().regex(/^[a-z0-9]{12}$/),
  /** The change board or priority area the plan lists it under. */
  area: z.string().min(1).max(300),
  action: z.string().min(1).max(5000),
  kpi: z.string().max(5000).optional(),
  timeframe: z.object({
    /** As the plan wrote it: "Apr 2021 April 2020", "Ongoing", "TBD". */
    asWritten: z.string().max(500),
    deadlines: z.array(DeadlineSchema),
  }),
  directions: z.array(DirectionRefSchema),
  /** What the related-directions column named that is not a direction: "SDS Thematic Audit". */
  policyDrivers: z.string().max(2000).optional(),
  outcome: z.string().max(5000).optional(),
});
export type Milestone = z.infer<typeof MilestoneSchema>;
