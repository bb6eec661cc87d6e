import { z } from 'zod';
import { DeadlineSchema } from './deadline';
import { PlanYearSchema } from './plan-year';

/**
 * A direction's reference as its paper prints it: "5.1" (Midlothian), "D15c" (East Lothian).
 * Refs are unique within one IJB and plan year, compared without regard to case.
 */
export const DirectionRefSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{0,3}\d{1,3}[A-Za-z]?(?:\.\d{1,3}[A-Za-z]?){0,3}$/, 'A ref looks like 5.1 or D15c');
export type DirectionRef = z.infer<typeof DirectionRefSchema>;

export function refKey(ref: DirectionRef): string {
  return ref.trim().toLowerCase();
}

/** Orders refs as people read them: 1.2 before 1.10, D9 before D10a. */
export function compareRefs(a: DirectionRef, b: DirectionRef): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

export const IjbIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{2,40}$/, 'An IJB id is lower-case words joined by hyphens, like east-lothian');
export type IjbId = z.infer<typeof IjbIdSchema>;

/** Directions are issued to the IJB's two partners: its Health Board and its Council. */
export const RecipientSchema = z.enum(['health-board', 'council']);
export type Recipient = z.infer<typeof RecipientSchema>;

/** Where a direction stands. A direction with no update yet is 'not-reported', not 'not-started'. */
export const DirectionStatusSchema = z.enum([
  'not-reported',
  'not-started',
  'on-track',
  'at-risk',
  'off-track',
  'achieved',
  'retired',
]);
export type DirectionStatus = z.infer<typeof DirectionStatusSchema>;

export const STATUS_LABELS: Record<DirectionStatus, string> = {
  'not-reported': 'Not yet reported',
  'not-started': 'Not started',
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  achieved: 'Achieved',
  retired: 'Retired',
};

/** Closed directions are no longer chased: they are not due and not overdue. */
export function isOpen(status: DirectionStatus): boolean {
  return status !== 'achieved' && status !== 'retired';
}

/**
 * A theme groups directions under one of the nine National Health and Wellbeing Outcomes
 * (Midlothian) or a local heading (East Lothian's service areas).
 */
export const ThemeSchema = z.object({
  name: z.string().min(1).max(200),
  outcome: z.string().max(1000).optional(),
});
export type Theme = z.infer<typeof ThemeSchema>;

/** The latest progress update, kept on the direction so a lookup is one read. */
export const UpdateSummarySchema = z.object({
  at: z.string(),
  by: z.string(),
  /** The direction's status once this update was made (a proposal does not change it). */
  status: DirectionStatusSchema,
  text: z.string(),
  /** The update's id, so undo and edit know whether they touch the latest one. */
  id: z.string().optional(),
  /** "Achieved" or "Retire" proposed, awaiting an IJB admin's sign-off (or decided). */
  proposal: z.enum(['achieved', 'retired']).optional(),
  signOff: z.enum(['pending', 'approved', 'sent-back']).optional(),
  /** Kept so the update form can be prefilled from one read. */
  evidence: z.array(z.string()).optional(),
  nextSteps: z.string().optional(),
  expectedDate: z.string().optional(),
});
export type UpdateSummary = z.infer<typeof UpdateSummarySchema>;

export const DirectionSchema = z.object({
  ijbId: IjbIdSchema,
  planYear: PlanYearSchema,
  ref: DirectionRefSchema,
  theme: ThemeSchema,
  title: z.string().max(300).optional(),
  /** The full text as issued, sub-bullets as lines starting "• ". */
  text: z.string().min(1).max(20_000),
  issuedTo: z.array(RecipientSchema).min(1),
  deadlines: z.array(DeadlineSchema),
  status: DirectionStatusSchema,
  leads: z.array(z.string()).default([]),
  channel: z.string().optional(),
  latestUpdate: UpdateSummarySchema.optional(),
  /**
   * The history event ("<at>#<id>") that set `status`: an update, or an admin's sign-off.
   * A newer event may change the status; an older one landing late may not.
   */
  statusEvent: z.string().optional(),
  /** Optimistic-lock counter: every edit writes version + 1 on condition of the version it read. */
  version: z.number().int().min(1),
});
export type Direction = z.infer<typeof DirectionSchema>;

/** What a paper gives us for a direction, before the register adds its own state. */
export const IssuedDirectionSchema = DirectionSchema.pick({
  ref: true,
  theme: true,
  title: true,
  text: true,
  issuedTo: true,
  deadlines: true,
});
export type IssuedDirection = z.infer<typeof IssuedDirectionSchema>;
