import { z } from 'zod';
import { MonthDeadlineRuleSchema } from './deadline';
import { type IjbId, IjbIdSchema, type Recipient } from './direction';
import { LocalDateSchema } from './local-date';
import { PlanYearSchema } from './plan-year';

/** An Integration Joint Board and how it likes its register kept. */
export const IjbSchema = z.object({
  id: IjbIdSchema,
  name: z.string().min(1),
  shortName: z.string().min(1),
  healthBoard: z.string().min(1),
  council: z.string().min(1),
  settings: z.object({
    monthDeadlineRule: MonthDeadlineRuleSchema.default('end-of-month'),
    /** Local closure days on top of Scotland's bank holidays. */
    closures: z.array(LocalDateSchema).default([]),
  }),
  /** The newest plan year loaded: the live set until a later one is loaded. */
  latestPlanYear: PlanYearSchema.optional(),
});
export type Ijb = z.infer<typeof IjbSchema>;

export function recipientName(ijb: Ijb, recipient: Recipient): string {
  return recipient === 'health-board' ? ijb.healthBoard : ijb.council;
}

export function issuedToText(ijb: Ijb, recipients: readonly Recipient[]): string {
  return recipients.map((recipient) => recipientName(ijb, recipient)).join(' and ');
}

export type { IjbId };
