import * as z from 'zod';
import { MonthDeadlineRuleSchema } from './deadline';
import { type IjbId, IjbIdSchema, type Recipient } from './direction';
import { LocalDateSchema } from './local-date';
import { PlanYearSchema } from './plan-year';

/** A Slack conversation id: a channel (C…), a private group (G…) or a direct message (D…). */
export const SlackChannelIdSchema = z
  .string()
  .regex(/^[CGD][A-Z0-9]{2,}$/, 'A Slack channel id looks like C012ABCDEF');

/**
 * An IJB's reminder policy, as stored: every field optional, so a profile written before a
 * setting existed (or a setting left out on purpose) takes the default.
 */
export const NudgeSettingsSchema = z.object({
  /** Working days before a deadline when its channels hear about it. */
  workingDaysBefore: z.array(z.number().int().min(1).max(250)).max(8).optional(),
  /** Calendar days between reminders while a direction is overdue. */
  overdueEveryDays: z.number().int().min(1).max(92).optional(),
  /** A direction updated within this many days is left in peace, except on its due day. */
  quietDays: z.number().int().min(0).max(92).optional(),
  /** Remind, on the last working day before Christmas, of everything due by the end of January. */
  festiveBreak: z.boolean().optional(),
  /** Where overdue and silent directions are escalated (the Chief Officer's channel, say). */
  escalationChannel: SlackChannelIdSchema.optional(),
  /** Overdue and silent for this many working days → escalated. */
  escalateAfterWorkingDays: z.number().int().min(1).max(250).optional(),
  /** Calendar days before the same direction is escalated again. */
  escalateEveryDays: z.number().int().min(1).max(92).optional(),
});
export type NudgeSettings = z.infer<typeof NudgeSettingsSchema>;

/** An Integration Joint Board and how it likes its register kept. */
export const IjbSchema = z.object({
  id: IjbIdSchema,
  name: z.string().min(1),
  shortName: z.string().min(1),
  healthBoard: z.string().min(1),
  /** The council as directions name it; for an IJB of two councils, both joined by "and". */
  council: z.string().min(1),
  /** Each council on its own, when there is more than one (Clackmannanshire & Stirling). */
  councils: z.array(z.string().min(1).max(200)).min(2).max(4).optional(),
  /** 'lead-agency' where the partners integrate without an IJB (Highland). */
  model: z.enum(['integration-joint-board', 'lead-agency']).optional(),
  settings: z.object({
    monthDeadlineRule: MonthDeadlineRuleSchema.default('end-of-month'),
    /** Local closure days on top of Scotland's bank holidays. */
    closures: z.array(LocalDateSchema).default([]),
    /** How the daily run reminds channels; anything left out takes the default policy. */
    nudges: NudgeSettingsSchema.optional(),
  }),
  /** The newest plan year loaded: the live set until a later one is loaded. */
  latestPlanYear: PlanYearSchema.optional(),
  /** The plan years loaded with a delivery plan (milestones), kept by the store as each year is written. */
  deliveryPlanYears: z.array(PlanYearSchema).optional(),
  /**
   * Plan years an import is writing right now (or was, when it stopped): not yet live, so
   * lookups, lists, due lists and nudges leave them alone until the import's last write.
   */
  importingYears: z.array(PlanYearSchema).optional(),
});
export type Ijb = z.infer<typeof IjbSchema>;

export function recipientName(ijb: Ijb, recipient: Recipient): string {
  return recipient === 'health-board' ? ijb.healthBoard : ijb.council;
}

export function issuedToText(ijb: Ijb, recipients: readonly Recipient[]): string {
  return recipients.map((recipient) => recipientName(ijb, recipient)).join(' and ');
}

export type { IjbId };

export interface NudgePolicy {
  workingDaysBefore: readonly number[];
  overdueEveryDays: number;
  quietDays: number;
  festiveBreak: boolean;
  escalationChannel?: string;
  escalateAfterWorkingDays: number;
  escalateEveryDays: number;
}

/** The product's default: 60, 30, 10 and 5 working days before, the due day, weekly while overdue. */
export const DEFAULT_NUDGE_POLICY: NudgePolicy = {
  workingDaysBefore: [60, 30, 10, 5],
  overdueEveryDays: 7,
  quietDays: 14,
  festiveBreak: true,
  escalateAfterWorkingDays: 10,
  escalateEveryDays: 14,
};

export function nudgePolicyOf(ijb: Pick<Ijb, 'settings'>): NudgePolicy {
  const settings = ijb.settings.nudges ?? {};
  const defined = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
  return { ...DEFAULT_NUDGE_POLICY, ...defined };
}
