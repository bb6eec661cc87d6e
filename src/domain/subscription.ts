import * as z from 'zod';
import { type Direction, DirectionRefSchema, IjbIdSchema, RecipientSchema, refKey } from './direction';
import { SlackChannelIdSchema } from './ijb';
import { PlanYearSchema } from './plan-year';

/**
 * What a channel follows beyond its own directions (a direction's team channel always hears
 * about it): everything, a theme, what is issued to one partner, named directions — or, for
 * the IJB's escalation channel, the escalations.
 */
export const SubscriptionFilterSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('theme'), theme: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('recipient'), recipient: RecipientSchema }),
  z.object({ kind: z.literal('direction'), planYear: PlanYearSchema, ref: DirectionRefSchema }),
  z.object({ kind: z.literal('escalations') }),
]);
export type SubscriptionFilter = z.infer<typeof SubscriptionFilterSchema>;

export const SubscriptionSchema = z.object({
  ijbId: IjbIdSchema,
  channel: SlackChannelIdSchema,
  filter: SubscriptionFilterSchema,
  /** The Slack user who subscribed the channel, and when. */
  by: z.string().min(1),
  at: z.string().min(1),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;

/** One key per distinct filter, so subscribing twice to the same thing is one subscription. */
export function filterKey(filter: SubscriptionFilter): string {
  switch (filter.kind) {
    case 'all':
    case 'escalations':
      return filter.kind;
    case 'theme':
      return `theme#${filter.theme.trim().toLowerCase()}`;
    case 'recipient':
      return `recipient#${filter.recipient}`;
    case 'direction':
      return `direction#${filter.planYear}#${refKey(filter.ref)}`;
  }
}

/** Whether a reminder about `direction` goes to a channel with this subscription. */
export function followsDirection(filter: SubscriptionFilter, direction: Direction): boolean {
  switch (filter.kind) {
    case 'all':
      return true;
    case 'theme':
      return direction.theme.name.trim().toLowerCase() === filter.theme.trim().toLowerCase();
    case 'recipient':
      return direction.issuedTo.includes(filter.recipient);
    case 'direction':
      return direction.planYear === filter.planYear && refKey(direction.ref) === refKey(filter.ref);
    case 'escalations':
      return false;
  }
}
