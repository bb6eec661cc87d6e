import type { RegisterStore } from '../store/register-store';
import type { UpdateStore } from '../store/update-store';
import { withUpdate } from './summary';
import type { UpdateService } from './update-service';

export const SUMMARY_SWEEP_JOB = 'updates.sweep-summaries';

/** How often the local server sweeps; "within a minute" of a crash the direction is right again. */
export const SUMMARY_SWEEP_INTERVAL_MS = 30_000;

/**
 * Heals summaries a crash left behind. An update is written first, then its direction's
 * summary; a crash between the two left the direction showing an older latest update until
 * someone posted again (the healing job lived in the in-process queue and died with it). Every
 * update item now carries a sparse gsi2 marker (no extra request); this sweep reads the
 * markers, reflects any update the summary does not show yet, and removes the marker. Lookups
 * read nothing more. Run at start-up and on a timer locally (src/local/server.ts), and every
 * 5 minutes on AWS by a schedule that hands the worker this job (cdk/constructs/worker.ts).
 */
export async function sweepUnsummarised(
  deps: { store: RegisterStore; updates: UpdateStore; service: Pick<UpdateService, 'reflect'> },
  limit = 100,
): Promise<{ checked: number; healed: number }> {
  const pending = await deps.updates.listUnsummarised(limit);
  let healed = 0;
  for (const update of pending) {
    const direction = await deps.store.getDirection(update.ijbId, update.planYear, update.ref);
    if (direction && !update.withdrawn && withUpdate(direction, update)) {
      await deps.service.reflect(direction, update);
      healed++;
    }
    await deps.updates.markSummarised(update);
  }
  return { checked: pending.length, healed };
}
