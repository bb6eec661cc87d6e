import * as z from 'zod';
import { IssuedDirectionSchema, refKey } from '../domain/direction';
import { IjbSchema } from '../domain/ijb';
import { MilestoneSchema } from '../domain/milestone';
import { DirectionOutcomeSchema } from '../domain/outcome';
import { PlanYearSchema } from '../domain/plan-year';

/**
 * A plan year's directions as a file: the shipped seed data, and the canonical form the
 * importer writes. Refs must be unique within the file, ignoring case.
 */
export const PlanYearFileSchema = z
  .object({
    ijb: IjbSchema.omit({ latestPlanYear: true }),
    planYear: PlanYearSchema,
    title: z.string().min(1),
    source: z.string().min(1),
    directions: z.array(IssuedDirectionSchema).min(1),
    /** What the paper's outcome tables say of earlier years' directions. */
    outcomes: z.array(DirectionOutcomeSchema).optional(),
    /** The delivery plan's key actions, as milestones of the directions they name. */
    milestones: z.array(MilestoneSchema).optional(),
  })
  .superRefine((file, context) => {
    const seen = new Map<string, number>();
    file.directions.forEach((direction, index) => {
      const earlier = seen.get(refKey(direction.ref));
      if (earlier !== undefined) {
        context.addIssue({
          code: 'custom',
          path: ['directions', index, 'ref'],
          message: `Ref ${direction.ref} appears twice (also direction ${earlier + 1})`,
        });
      }
      seen.set(refKey(direction.ref), index);
    });
  });
export type PlanYearFile = z.infer<typeof PlanYearFileSchema>;
