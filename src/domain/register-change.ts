import * as z from 'zod';
import { DeadlineSchema } from './deadline';
import { LocalDateSchema } from './local-date';
import { PlanYearSchema } from './plan-year';

/**
 * The board decision a mid-year change rests on: the meeting that made it and the paper or
 * minute that records it. A change to a binding direction without one is not a change.
 */
export const ChangeAuthoritySchema = z.object({
  /** The day of the board meeting that decided it. */
  decidedOn: LocalDateSchema,
  /** The paper or minute: "paper 5.3", "minute 7 of 18 August 2016". */
  reference: z.string().trim().min(1).max(200),
  link: z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .optional(),
});
export type ChangeAuthority = z.infer<typeof ChangeAuthoritySchema>;

/**
 * What an admin recorded: a direction added at a board meeting, one varied (new text or
 * deadline), revoked, or superseded by another. `supersedes` is the same supersession as the
 * successor records it.
 */
export const ChangeKindSchema = z.enum(['added', 'varied', 'revoked', 'superseded', 'supersedes']);
export type ChangeKind = z.infer<typeof ChangeKindSchema>;

/** The attributes a change set, which a later import of an earlier paper leaves as they are. */
export const ChangedFieldSchema = z.enum(['all', 'text', 'deadlines', 'lifecycle', 'supersedes']);
export type ChangedField = z.infer<typeof ChangedFieldSchema>;

/** A change as the direction carries it, so a card and an import need no other read. */
export const ChangeNoteSchema = z.object({
  id: z.string().min(1).max(100),
  kind: ChangeKindSchema,
  authority: ChangeAuthoritySchema,
  /** Who recorded it (a Slack user id, an API key's name) and when. */
  by: z.string().min(1).max(200),
  at: z.string(),
  fields: z.array(ChangedFieldSchema).min(1),
  /** superseded: the successor; supersedes: the direction it replaces (same plan year). */
  other: z.string().max(40).optional(),
  /** Where it was recorded: Slack or the API. */
  via: z.enum(['slack', 'api']),
});
export type ChangeNote = z.infer<typeof ChangeNoteSchema>;

/** The append-only record of one change: the note, and the direction's words before and after. */
export const RegisterChangeSchema = ChangeNoteSchema.extend({
  ijbId: z.string(),
  planYear: PlanYearSchema,
  ref: z.string().max(40),
  before: z.object({ text: z.string().max(20_000), deadlines: z.array(DeadlineSchema) }).optional(),
  after: z
    .object({ text: z.string().max(20_000).optional(), deadlines: z.array(DeadlineSchema).optional() })
    .optional(),
});
export type RegisterChange = z.infer<typeof RegisterChangeSchema>;

/** The fields the register's own changes hold against papers issued before them. */
export function fieldsHeld(notes: readonly ChangeNote[] | undefined): Set<ChangedField> {
  return new Set((notes ?? []).flatMap((note) => note.fields));
}
