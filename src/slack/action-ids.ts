import * as z from 'zod';

/** Action ids of the buttons the renderers draw and the listeners answer. */
export const ACTIONS = {
  open: 'direction.open',
  update: 'direction.update',
  history: 'direction.history',
  share: 'direction.share',
} as const;

/** What a direction's buttons carry, so a click needs no other lookup to know what it is about. */
export const DirectionButtonValueSchema = z.object({
  ijbId: z.string().min(1),
  planYear: z.string().min(1),
  ref: z.string().min(1),
});
export type DirectionButtonValue = z.infer<typeof DirectionButtonValueSchema>;

export function buttonValue(value: DirectionButtonValue): string {
  return JSON.stringify(value);
}
