import * as z from 'zod';
import {
  type DirectionStatus,
  DirectionStatusSchema,
  RecipientSchema,
  STATUS_LABELS,
  type UpdateSummary,
} from './direction';
import { LocalDateSchema } from './local-date';

/**
 * What a lead may report: any status but "not reported". "Achieved" and "Retired" are
 * proposals until an IJB admin signs them off.
 */
export const UpdateStatusSchema = DirectionStatusSchema.exclude(['not-reported']);
export type UpdateStatus = z.infer<typeof UpdateStatusSchema>;

/** As the form offers them: retiring is proposed, not declared. */
export const UPDATE_STATUS_LABELS = Object.fromEntries(
  UpdateStatusSchema.options.map((status) => [
    status,
    status === 'retired' ? 'Propose retire' : STATUS_LABELS[status],
  ]),
) as Record<UpdateStatus, string>;

export type Proposal = 'achieved' | 'retired';

export function proposalOf(status: UpdateStatus): Proposal | undefined {
  return status === 'achieved' || status === 'retired' ? status : undefined;
}

/** How an update reached us: the form, one line after /direction update, a chat with the bot, or the HTTP API. */
export const UpdateViaSchema = z.enum(['form', 'line', 'conversation', 'api']);
export type UpdateVia = z.infer<typeof UpdateViaSchema>;

export const SignOffSchema = z.object({
  state: z.enum(['pending', 'approved', 'sent-back']),
  by: z.string().optional(),
  at: z.string().optional(),
  reason: z.string().optional(),
});
export type SignOff = z.infer<typeof SignOffSchema>;

/** What a person wrote: the part of an update that an edit may change. */
export const UpdateContentSchema = z.object({
  status: UpdateStatusSchema,
  text: z.string(),
  evidence: z.array(z.string()).default([]),
  expectedDate: LocalDateSchema.optional(),
  nextSteps: z.string().optional(),
});
export type UpdateContent = z.infer<typeof UpdateContentSchema>;

/**
 * A progress update on a direction: who reported what, when, and how. Append-only: an edit
 * within 15 minutes keeps the earlier wording as a revision; an undo marks it withdrawn.
 */
export const ProgressUpdateSchema = UpdateContentSchema.extend({
  id: z.string().min(1),
  ijbId: z.string(),
  planYear: z.string(),
  ref: z.string(),
  at: z.string(),
  by: z.string(),
  via: UpdateViaSchema,
  revision: z.number().int().min(1),
  editedAt: z.string().optional(),
  /** What identified the last edit's request, so a re-submitted edit is not a second revision. */
  editKey: z.string().optional(),
  withdrawn: z.object({ at: z.string(), by: z.string() }).optional(),
  signOff: SignOffSchema.optional(),
  /** The partner it was made on behalf of; absent (older updates) means the whole direction. */
  body: RecipientSchema.optional(),
});
export type ProgressUpdate = z.infer<typeof ProgressUpdateSchema>;

/** An IJB admin's answer to a proposal: approved (the status changes) or sent back with a reason. */
export const SignOffDecisionSchema = z.object({
  updateId: z.string(),
  ijbId: z.string(),
  planYear: z.string(),
  ref: z.string(),
  at: z.string(),
  by: z.string(),
  proposal: z.enum(['achieved', 'retired']),
  outcome: z.enum(['approved', 'sent-back']),
  reason: z.string().optional(),
  /** The lead who proposed it, to be told. */
  proposedBy: z.string(),
  /** The body the proposal was made for: an approval achieves (or retires) that body's part. */
  body: RecipientSchema.optional(),
});
export type SignOffDecision = z.infer<typeof SignOffDecisionSchema>;

/** One entry of a direction's history. */
export type HistoryEvent =
  | { kind: 'update'; update: ProgressUpdate }
  | { kind: 'decision'; decision: SignOffDecision };

/** Where a direction is in the register. */
export interface DirectionKey {
  ijbId: string;
  planYear: string;
  ref: string;
}

/** Events order by time, then id: "the latest" is the same answer everywhere, whatever order writes land in. */
export function orderOf(event: { at: string; id: string }): string {
  return `${event.at}#${event.id}`;
}

export function eventOrder(event: HistoryEvent): string {
  return event.kind === 'update'
    ? orderOf(event.update)
    : orderOf({ at: event.decision.at, id: `${event.decision.updateId}~decision` });
}

/** The status a direction takes from this update, if it changes it at all (proposals do not). */
export function statusSetBy(update: ProgressUpdate): DirectionStatus | undefined {
  return update.withdrawn || proposalOf(update.status) ? undefined : update.status;
}

export function summaryOf(update: ProgressUpdate, statusAfter: DirectionStatus): UpdateSummary {
  const proposal = proposalOf(update.status);
  return {
    id: update.id,
    at: update.at,
    by: update.by,
    status: statusAfter,
    text: update.text,
    ...(proposal ? { proposal, signOff: update.signOff?.state ?? 'pending' } : {}),
    ...(update.evidence.length > 0 ? { evidence: update.evidence } : {}),
    ...(update.nextSteps ? { nextSteps: update.nextSteps } : {}),
    ...(update.expectedDate ? { expectedDate: update.expectedDate } : {}),
    ...(update.body ? { body: update.body } : {}),
  };
}

/** The 15 minutes in which an author may still edit or undo an update. */
export const CORRECTION_WINDOW_MS = 15 * 60_000;

export function withinCorrectionWindow(update: Pick<ProgressUpdate, 'at'>, now: Date): boolean {
  return now.getTime() - new Date(update.at).getTime() <= CORRECTION_WINDOW_MS;
}
