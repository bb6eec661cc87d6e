import * as z from 'zod';
import { DeadlineSchema } from './deadline';
import { LocalDateSchema } from './local-date';
import { PlanYearSchema } from './plan-year';
import { ChangeNoteSchema } from './register-change';

/** Numbered and coded refs: "5.1" (Midlothian), "D15c" (East Lothian). */
const SHORT_REF = /^[A-Za-z]{0,3}\d{1,3}[A-Za-z]?(?:\.\d{1,3}[A-Za-z]?){0,3}$/;
/**
 * A statutory form's reference number as issued: "GCIJB-2025-07", "12/2025", "WL/IJB/2024/3":
 * letters and digits in up to six parts joined by - / . or _, with a digit somewhere.
 */
const FORM_REF = /^(?=[^\s]*\d)[A-Za-z0-9]{1,12}(?:[-/._][A-Za-z0-9]{1,12}){1,5}$/;

/**
 * A direction's reference as its paper prints it: "5.1" (Midlothian), "D15c" (East Lothian),
 * "GCIJB-2025-07" (a statutory form). Unique within one IJB and plan year, compared without
 * regard to case.
 */
/**
 * The longest ref worth reading: real ones are a few characters (5.1, D15c, 2.3.1a), a statutory
 * form's a few more (GCIJB-2025-07, 12/2025). Anything longer is refused before it reaches the
 * table, whose keys stop at 1 KB.
 */
export const MAX_REF_CHARS = 40;

export const DirectionRefSchema = z
  .string()
  .trim()
  .max(MAX_REF_CHARS, `A ref is at most ${MAX_REF_CHARS} characters, like 5.1, D15c or GCIJB-2025-07`)
  .refine((ref) => SHORT_REF.test(ref) || FORM_REF.test(ref), 'A ref looks like 5.1, D15c or GCIJB-2025-07');
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
  /** East Lothian gives each heading a budget line ("Budget: 17,922K"), in £ thousands. */
  budget: z.object({ thousands: z.number().nonnegative(), asWritten: z.string().min(1).max(100) }).optional(),
});
export type Theme = z.infer<typeof ThemeSchema>;

/** Where one body (partner) stands on a direction: the status its newest status event set. */
export const BodyStandingSchema = z.object({
  status: DirectionStatusSchema,
  /** "<at>#<id>" of the event that set it, so an older event landing late cannot undo a newer one. */
  event: z.string(),
  at: z.string(),
  /** The body's last update of any kind (a proposal too), for counting its return in a review. */
  lastUpdateAt: z.string().optional(),
});
export type BodyStanding = z.infer<typeof BodyStandingSchema>;

/** Each recipient body's standing, for a direction issued to more than one (src/domain/partners.ts). */
export const BodyStandingsSchema = z.partialRecord(RecipientSchema, BodyStandingSchema);
export type BodyStandings = z.infer<typeof BodyStandingsSchema>;

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
  /** The body it was made on behalf of; absent for an update for the whole direction. */
  body: RecipientSchema.optional(),
});
export type UpdateSummary = z.infer<typeof UpdateSummarySchema>;

/** A direction in another (or the same) plan year: "replaces D12b", "Replaced with related Direction D10j". */
export const DirectionLinkSchema = z.object({ planYear: PlanYearSchema, ref: DirectionRefSchema });
export type DirectionLink = z.infer<typeof DirectionLinkSchema>;

/** How the paper marks a direction against last year's: "(NEW Direction)", "(revised)", "(continuing)". */
export const MarkerSchema = z.enum(['new', 'revised', 'continuing', 'updated']);
export type Marker = z.infer<typeof MarkerSchema>;

/**
 * Where a direction stands in law, as the board's outcome tables say: it stays in force until
 * varied, revoked or superseded by a later one, retired as business as usual, or achieved.
 * Separate from `status`, which is the progress its lead reports.
 */
export const LifecycleStateSchema = z.enum([
  'in-force',
  'varied',
  'revoked',
  'superseded',
  'retired',
  'achieved',
]);
export type LifecycleState = z.infer<typeof LifecycleStateSchema>;

export const LifecycleSchema = z.object({
  state: LifecycleStateSchema,
  /** The outcome as the table wrote it: "Replaced with related Direction D10j". */
  outcome: z.string().max(500).optional(),
  /** The paper whose outcome table said so. */
  decidedIn: z.object({ planYear: PlanYearSchema, source: z.string().max(500) }).optional(),
});
export type Lifecycle = z.infer<typeof LifecycleSchema>;

/** A direction that is no longer in force is not chased: no nudges, not due, not overdue. */
export function isInForce(lifecycle: Lifecycle | undefined): boolean {
  return !lifecycle || lifecycle.state === 'in-force' || lifecycle.state === 'varied';
}

/** A date as a statutory form wrote it, and the day it means when it names one. */
export const WrittenDateSchema = z.object({
  asWritten: z.string().min(1).max(200),
  date: LocalDateSchema.optional(),
});
export type WrittenDate = z.infer<typeof WrittenDateSchema>;

/** An amount of money as written ("£1,250,000", "£1.2m"), in pounds when it can be read. */
export const MoneySchema = z.object({
  asWritten: z.string().min(1).max(2000),
  pounds: z.number().nonnegative().optional(),
});

/**
 * What the statutory direction form (the Scottish Government's 2020 guidance, Annex) adds to a
 * direction: its dates, its budget with the split between the partners, and the earlier
 * directions it supersedes, amends or cancels — linked when they are in the register, kept as
 * references when not.
 */
export const DirectionFormSchema = z.object({
  issued: WrittenDateSchema.optional(),
  effective: WrittenDateSchema.optional(),
  review: WrittenDateSchema.optional(),
  budget: MoneySchema.extend({
    split: z
      .array(MoneySchema.extend({ to: z.string().min(1).max(200), recipient: RecipientSchema.optional() }))
      .max(10)
      .optional(),
  }).optional(),
  previous: z
    .array(
      z.object({
        action: z.enum(['supersedes', 'amends', 'cancels']),
        ref: DirectionRefSchema,
        /** The year it was found in the register; absent when it is only a reference. */
        planYear: PlanYearSchema.optional(),
      }),
    )
    .max(50)
    .optional(),
  /** The form's fields it did not fill, by their statutory names. */
  missing: z.array(z.string().max(100)).max(12).optional(),
});
export type DirectionForm = z.infer<typeof DirectionFormSchema>;

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
  /** The body each lead answers for, set at assign (a direction issued to both partners). */
  leadBodies: z.partialRecord(z.string(), RecipientSchema).optional(),
  channel: z.string().optional(),
  latestUpdate: UpdateSummarySchema.optional(),
  /**
   * The history event ("<at>#<id>") that set `status`: an update, or an admin's sign-off.
   * A newer event may change the status; an older one landing late may not.
   */
  statusEvent: z.string().optional(),
  /** Each body's status once any update was made on behalf of a body; `status` is then the worst. */
  bodies: BodyStandingsSchema.optional(),
  /** Optimistic-lock counter: every edit writes version + 1 on condition of the version it read. */
  version: z.number().int().min(1),
  /** East Lothian's columns: related delegated functions, a link, the oversight body and how it reports. */
  functions: z.array(z.string().min(1).max(500)).optional(),
  link: z.string().max(1000).optional(),
  oversight: z.string().max(5000).optional(),
  marker: MarkerSchema.optional(),
  supersedes: z.array(DirectionLinkSchema).optional(),
  supersededBy: z.array(DirectionLinkSchema).optional(),
  lifecycle: LifecycleSchema.optional(),
  /** Read from a statutory direction form. */
  form: DirectionFormSchema.optional(),
  /** Set when a later import of the same year's paper no longer has it: flagged, never deleted. */
  notInPaper: z.object({ since: z.string(), source: z.string().max(500) }).optional(),
  /** Which text of the paper this is: 1 as first loaded, + 1 each time a revised paper changed it. */
  paperRevision: z.number().int().min(1).optional(),
  /** Changes the board made mid-year, recorded by an admin (Slack, API), oldest first. */
  registerChanges: z.array(ChangeNoteSchema).max(50).optional(),
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
  functions: true,
  link: true,
  oversight: true,
  marker: true,
  supersedes: true,
  form: true,
});
export type IssuedDirection = z.infer<typeof IssuedDirectionSchema>;
