import type { BodyStandings, Direction, Recipient } from '../domain/direction';
import { overallStatus } from '../domain/partners';
import {
  eventOrder,
  type HistoryEvent,
  orderOf,
  type ProgressUpdate,
  statusSetBy,
} from '../domain/progress-update';
import type { SummaryWrite } from '../store/direction-summary-store';

/**
 * The per-body part of a direction's summary (docs/data-model.md, "Accountability per partner").
 * Kept only for a direction issued to more than one body, from the first update made on behalf
 * of a body: before that every update counts for the whole direction and nothing changes. An
 * update without a body (older ones, or the API's when none is given) still counts for every body.
 */
export function tracksBodies(direction: Pick<Direction, 'issuedTo' | 'bodies'>, body?: Recipient): boolean {
  return direction.issuedTo.length > 1 && (direction.bodies !== undefined || body !== undefined);
}

/** Each body as the direction's whole-direction history left it, the day bodies start being kept. */
function seed(direction: Direction): BodyStandings {
  if (direction.bodies) return { ...direction.bodies };
  // A status loaded with the paper has no event: '' orders before every update.
  const event = direction.statusEvent ?? '';
  if (direction.status === 'not-reported') return {};
  const standing = {
    status: direction.status,
    event,
    at: event.split('#')[0] || (direction.latestUpdate?.at ?? ''),
  };
  return Object.fromEntries(direction.issuedTo.map((body) => [body, standing]));
}

/** The summary once `update` is taken in, per body; undefined when it changes nothing. */
export function withBodyUpdate(direction: Direction, update: ProgressUpdate): SummaryWrite | undefined {
  const order = orderOf(update);
  const sets = statusSetBy(update);
  const bodies = seed(direction);
  let changed = direction.bodies === undefined;
  for (const body of update.body ? [update.body] : direction.issuedTo) {
    const before = bodies[body] ?? { status: 'not-reported' as const, event: '', at: '' };
    const standing = sets && before.event < order ? { status: sets, event: order, at: update.at } : before;
    const lastUpdateAt = update.withdrawn ? before.lastUpdateAt : maxOf(before.lastUpdateAt, update.at);
    const next = { ...standing, ...(lastUpdateAt ? { lastUpdateAt } : {}) };
    if (JSON.stringify(next) !== JSON.stringify(bodies[body])) {
      bodies[body] = next;
      changed = true;
    }
  }
  const status = overallStatus(direction.issuedTo, bodies);
  const latestOrder = direction.latestUpdate
    ? orderOf({ at: direction.latestUpdate.at, id: direction.latestUpdate.id ?? '' })
    : '';
  const isLatest = order > latestOrder;
  if (!changed && !isLatest) return undefined;
  const statusEvent = [direction.statusEvent ?? '', ...Object.values(bodies).map((b) => b?.event ?? '')]
    .sort()
    .pop();
  return { latestUpdate: undefined, status, statusEvent: statusEvent || undefined, bodies };
}

/** The body an event counts for: its own, its proposal's, or (none recorded) every body. */
function bodyOf(event: HistoryEvent, updates: Map<string, ProgressUpdate>): Recipient | undefined {
  if (event.kind === 'update') return event.update.body;
  return event.decision.body ?? updates.get(event.decision.updateId)?.body;
}

function statusOf(event: HistoryEvent) {
  if (event.kind === 'update') return statusSetBy(event.update);
  return event.decision.outcome === 'approved' ? event.decision.proposal : undefined;
}

/** Each body's standing from the history, newest first; undefined when no event names a body. */
export function bodiesFromHistory(
  ordered: readonly HistoryEvent[],
  recipients: readonly Recipient[],
  kept = false,
): BodyStandings | undefined {
  const updates = new Map<string, ProgressUpdate>();
  for (const event of ordered) if (event.kind === 'update') updates.set(event.update.id, event.update);
  if (recipients.length < 2 || !(kept || ordered.some((event) => bodyOf(event, updates)))) return undefined;
  const bodies: BodyStandings = {};
  for (const event of ordered) {
    const status = statusOf(event);
    const at = event.kind === 'update' ? event.update.at : event.decision.at;
    const body = bodyOf(event, updates);
    for (const target of body ? [body] : recipients) {
      const standing = bodies[target] ?? { status: 'not-reported' as const, event: '', at: '' };
      const reported = event.kind === 'update' && !event.update.withdrawn;
      bodies[target] = {
        ...(status && standing.event === '' ? { status, event: eventOrder(event), at } : standing),
        ...(standing.lastUpdateAt || !reported
          ? { lastUpdateAt: standing.lastUpdateAt }
          : { lastUpdateAt: at }),
      };
      if (!bodies[target]?.lastUpdateAt) delete bodies[target]?.lastUpdateAt;
    }
  }
  return bodies;
}

/** Whether every body has its status in the events read so far (so no older page is needed). */
export function bodiesDecided(
  events: readonly HistoryEvent[],
  recipients: readonly Recipient[],
  kept = false,
): boolean {
  const bodies = bodiesFromHistory(events, recipients, kept);
  return !bodies || recipients.every((body) => (bodies[body]?.event ?? '') !== '');
}

function maxOf(a: string | undefined, b: string): string {
  return a && a > b ? a : b;
}
