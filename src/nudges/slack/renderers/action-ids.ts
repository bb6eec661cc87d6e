/** Action ids of the buttons nudges draw. [Update] is the shared `direction.update` (ACTIONS.update). */
export const NUDGE_ACTIONS = {
  snooze: 'nudge.snooze',
} as const;
