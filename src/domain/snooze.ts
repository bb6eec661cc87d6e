import * as z from 'zod';
import { DirectionRefSchema, IjbIdSchema } from './direction';
import { SlackChannelIdSchema } from './ijb';
import { addDays, type LocalDate, LocalDateSchema } from './local-date';
import { PlanYearSchema } from './plan-year';

/** "Snooze a week": a direction's reminders in one channel (or one person's DM) pause for 7 days. */
export const SNOOZE_DAYS = 7;

export const SnoozeSchema = z.object({
  ijbId: IjbIdSchema,
  planYear: PlanYearSchema,
  ref: DirectionRefSchema,
  channel: SlackChannelIdSchema,
  by: z.string().min(1),
  /** Reminders resume on this day (the snooze covers the days before it). */
  until: LocalDateSchema,
  at: z.string().min(1),
});
export type Snooze = z.infer<typeof SnoozeSchema>;

export function snoozeUntil(today: LocalDate): LocalDate {
  return addDays(today, SNOOZE_DAYS);
}

export function isSnoozed(snooze: Pick<Snooze, 'until'> | undefined, today: LocalDate): boolean {
  return snooze !== undefined && today < snooze.until;
}
