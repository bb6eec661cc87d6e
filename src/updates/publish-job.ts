import * as z from 'zod';

/** The deferred work after an update changes: status card, thread reply, sign-off messages. */
export const PUBLISH_JOB = 'updates.publish';

export const PublishJobSchema = z.object({
  ijbId: z.string(),
  planYear: z.string(),
  ref: z.string(),
  event: z.enum(['saved', 'withdrawn', 'edited', 'decided', 'assigned']),
  /** The update concerned; absent for an assignment. */
  id: z.string().optional(),
  /** Who asked (an assignment), to be told if the card cannot be posted. */
  by: z.string().optional(),
});
export type PublishJob = z.infer<typeof PublishJobSchema>;
export type PublishEvent = PublishJob['event'];
