import { createHash } from 'node:crypto';
import { type Direction, isOpen, type Recipient, type UpdateSummary } from '../domain/direction';
import { bodyFor } from '../domain/partners';
import {
  type DirectionKey,
  type HistoryEvent,
  type ProgressUpdate,
  proposalOf,
  statusSetBy,
  summaryOf,
  type UpdateContent,
  type UpdateVia,
} from '../domain/progress-update';
import type { DirectionSummaryStore } from '../store/direction-summary-store';
import type { RegisterStore } from '../store/register-store';
import type { UpdateStore } from '../store/update-store';
import { HOME_REFRESH_JOB, type HomeRefresh } from '../work/home-refresh';
import type { JobQueue } from '../work/job-queue';
import type { ProductMetrics } from '../work/metrics';
import { tracksBodies } from './body-summary';
import type { Permissions } from './permissions';
import { PUBLISH_JOB, type PublishJob } from './publish-job';
import { fromHistory, historyDecides, sameSummary, withUpdate } from './summary';

export interface UpdateServiceDeps {
  store: RegisterStore;
  updates: UpdateStore;
  summaries: DirectionSummaryStore;
  permissions: Permissions;
  queue: JobQueue;
  clock: () => Date;
  log: (message: string, error?: unknown) => void;
  metrics: ProductMetrics;
}

export interface SaveRequest {
  direction: Direction;
  userId: string;
  content: UpdateContent;
  via: UpdateVia;
  /** What makes this request the same one when Slack retries it or a person submits twice. */
  idempotencyKey: string;
  /** Where the request was made, which may prove team channel membership. */
  fromChannel?: string;
  /**
   * The partner it is made on behalf of, when the person said. Otherwise the body they lead
   * for, or the only recipient; failing both, it counts for the whole direction.
   */
  body?: Recipient;
}

export type SaveResult =
  | { kind: 'saved'; update: ProgressUpdate; previous: UpdateSummary | undefined; duplicate: boolean }
  | { kind: 'refused'; reason: string }
  | { kind: 'not-saved'; reason: string };

export type UpdateService = ReturnType<typeof createUpdateService>;

/** The id of an update, made from what identifies its request: the same request, the same id. */
export function updateIdFor(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, 20);
}

export function keyOf(direction: Pick<Direction, 'ijbId' | 'planYear' | 'ref'>): DirectionKey {
  return { ijbId: direction.ijbId, planYear: direction.planYear, ref: direction.ref };
}

export function createUpdateService(deps: UpdateServiceDeps) {
  const { store, updates, summaries, clock, log } = deps;

  const publish = async (job: PublishJob) => {
    await deps.queue.enqueue({ kind: PUBLISH_JOB, payload: job }).catch((error: unknown) => {
      log(`could not queue ${job.event} of update ${job.id} for ${job.ref}`, error);
    });
    // The App Home of the people concerned shows the change too (src/home).
    const refresh: HomeRefresh = { ijbId: job.ijbId, planYear: job.planYear, ref: job.ref, by: job.by };
    await deps.queue.enqueue({ kind: HOME_REFRESH_JOB, payload: refresh }).catch((error: unknown) => {
      log(`could not queue the App Home refresh for ${job.ref}`, error);
    });
  };

  /** Deadlines leave the due-date index when a direction closes, and come back when it reopens. */
  const followStatus = async (before: Direction, after: { status: Direction['status'] }) => {
    if (isOpen(before.status) !== isOpen(after.status)) {
      await store.setDeadlinesOpen(before.ijbId, before.planYear, before.ref, isOpen(after.status));
    }
  };

  /** Optimistic locking on the summary: read, decide, write on condition of the version read. */
  const settle = async (
    key: DirectionKey,
    next: (direction: Direction) => Promise<ReturnType<typeof withUpdate>>,
  ) => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const direction = await store.getDirection(key.ijbId, key.planYear, key.ref);
      if (!direction) return;
      const summary = await next(direction);
      if (!summary || sameSummary(direction, summary)) return;
      if (await summaries.write(key, direction.version, summary)) return followStatus(direction, summary);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * (attempt + 1)));
    }
    throw new Error(`The summary of ${key.ref} kept changing under 12 attempts to write it`);
  };

  /** Takes a new update into the direction's summary: one conditional write when it is the newest. */
  const reflect = async (direction: Direction, update: ProgressUpdate) => {
    // Per partner: decided from the direction read, written on condition of its version.
    if (tracksBodies(direction, update.body)) {
      const next = withUpdate(direction, update);
      if (!next || sameSummary(direction, next)) return;
      if (await summaries.write(direction, direction.version, next)) return followStatus(direction, next);
      return settle(direction, async (current) => withUpdate(current, update));
    }
    const sets = statusSetBy(update);
    const status = sets ?? direction.status;
    if (
      await summaries.applyNewer(
        direction,
        summaryOf(update, status),
        sets ? { status: sets, order: `${update.at}#${update.id}` } : undefined,
      )
    ) {
      return followStatus(direction, { status });
    }
    await settle(direction, async (current) => withUpdate(current, update));
  };

  /** Recomputes the summary from the history, for changes to updates already there. */
  const rebuild = (key: DirectionKey, overrides: HistoryEvent[]) =>
    settle(key, async (direction) => {
      const events: HistoryEvent[] = [];
      let cursor: string | undefined;
      do {
        const page = await updates.history(key, { limit: 25, ...(cursor ? { cursor } : {}) });
        events.push(...page.events);
        cursor = page.next;
      } while (cursor && !historyDecides(events, direction));
      return fromHistory(events, overrides, direction);
    });

  return {
    reflect,
    rebuild,
    publish,

    async save(request: SaveRequest): Promise<SaveResult> {
      const { direction, userId, content } = request;
      const right = await deps.permissions.mayUpdate(direction, userId, request.fromChannel);
      if (!right.ok) return { kind: 'refused', reason: right.reason };
      const proposal = proposalOf(content.status);
      const body = direction.issuedTo.length > 1 ? bodyFor(direction, userId, request.body) : undefined;
      const candidate: ProgressUpdate = {
        ...content,
        ...keyOf(direction),
        id: updateIdFor(request.idempotencyKey),
        at: clock().toISOString(),
        by: userId,
        via: request.via,
        revision: 1,
        ...(body ? { body } : {}),
        ...(proposal ? { signOff: { state: 'pending' as const } } : {}),
      };
      let update = candidate;
      let duplicate = false;
      try {
        if ((await updates.create(candidate)) === 'exists') {
          duplicate = true;
          update = (await updates.get(candidate, candidate.id)) ?? candidate;
        }
      } catch (error) {
        log(`update to ${direction.ref} by ${userId} was not saved`, error);
        return { kind: 'not-saved', reason: 'the register could not be written just now' };
      }
      // Saved from here on: the person is told so even if the summary must wait for a retry.
      try {
        await reflect(direction, update);
      } catch (error) {
        log(`update ${update.id} to ${direction.ref} is saved but its summary is not yet`, error);
      }
      if (!duplicate) deps.metrics.count('UpdatesSaved');
      // Also for a duplicate: the first attempt may have stopped before it; the job acts once.
      await publish({ ...keyOf(direction), id: update.id, event: 'saved' });
      return { kind: 'saved', update, previous: direction.latestUpdate, duplicate };
    },
  };
}
