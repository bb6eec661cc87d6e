import type { Direction, DirectionStatus, UpdateSummary } from '../domain/direction';
import { overallStatus } from '../domain/partners';
import {
  eventOrder,
  type HistoryEvent,
  orderOf,
  type ProgressUpdate,
  statusSetBy,
  summaryOf,
} from '../domain/progress-update';
import type { SummaryWrite } from '../store/direction-summary-store';
import { bodiesDecided, bodiesFromHistory, tracksBodies, withBodyUpdate } from './body-summary';

/**
 * The rules that keep a direction's summary true to its history, whatever order writes land in:
 * - the latest update is the newest one not withdrawn (proposals included, to show them);
 * - the status is set by the newest status event: an update that is not a proposal, or an
 *   admin's approval of one. With none, the direction is 'not-reported'.
 */
export function latestOrderOf(summary: UpdateSummary | undefined): string {
  return summary ? orderOf({ at: summary.at, id: summary.id ?? '' }) : '';
}

/** The summary once `update` is taken into account, or undefined when it changes nothing. */
export function withUpdate(direction: Direction, update: ProgressUpdate): SummaryWrite | undefined {
  if (tracksBodies(direction, update.body)) {
    const next = withBodyUpdate(direction, update);
    if (!next) return undefined;
    const isLatest = orderOf(update) > latestOrderOf(direction.latestUpdate);
    const latestUpdate = isLatest
      ? summaryOf(update, next.status)
      : direction.latestUpdate && { ...direction.latestUpdate, status: next.status };
    return { ...next, latestUpdate };
  }
  const order = orderOf(update);
  const sets = statusSetBy(update);
  const takesStatus = sets !== undefined && (direction.statusEvent ?? '') < order;
  const status = takesStatus ? sets : direction.status;
  const statusEvent = takesStatus ? order : direction.statusEvent;
  const isLatest = order > latestOrderOf(direction.latestUpdate);
  if (!takesStatus && !isLatest) return undefined;
  const latestUpdate = isLatest
    ? summaryOf(update, status)
    : direction.latestUpdate && { ...direction.latestUpdate, status };
  return { latestUpdate, status, statusEvent };
}

/**
 * The summary from the history itself (newest first), for when an update is withdrawn, edited
 * or signed off. `overrides` are events just written, which an index read may not show yet.
 */
export function fromHistory(
  events: readonly HistoryEvent[],
  overrides: readonly HistoryEvent[] = [],
  direction?: Pick<Direction, 'issuedTo' | 'bodies'>,
): SummaryWrite {
  const byIdentity = new Map(events.map((event) => [identity(event), event]));
  for (const event of overrides) byIdentity.set(identity(event), event);
  const ordered = [...byIdentity.values()].sort((a, b) => (eventOrder(b) > eventOrder(a) ? 1 : -1));

  const latest = ordered.find(
    (event): event is Extract<HistoryEvent, { kind: 'update' }> =>
      event.kind === 'update' && !event.update.withdrawn,
  );
  let status: DirectionStatus = 'not-reported';
  let statusEvent: string | undefined;
  for (const event of ordered) {
    const set =
      event.kind === 'update'
        ? statusSetBy(event.update)
        : event.decision.outcome === 'approved'
          ? event.decision.proposal
          : undefined;
    if (set) {
      status = set;
      statusEvent = eventOrder(event);
      break;
    }
  }
  const bodies = direction && bodiesFromHistory(ordered, direction.issuedTo, direction.bodies !== undefined);
  if (bodies && direction) {
    // Per body: the direction's status is the worst of its bodies' (src/domain/partners.ts).
    status = overallStatus(direction.issuedTo, bodies);
    return { latestUpdate: latest && summaryOf(latest.update, status), status, statusEvent, bodies };
  }
  return { latestUpdate: latest && summaryOf(latest.update, status), status, statusEvent };
}

/** Whether the history read so far decides the summary (so no older page is needed). */
export function historyDecides(
  events: readonly HistoryEvent[],
  direction?: Pick<Direction, 'issuedTo' | 'bodies'>,
): boolean {
  if (direction && !bodiesDecided(events, direction.issuedTo, direction.bodies !== undefined)) return false;
  const hasLatest = events.some((event) => event.kind === 'update' && !event.update.withdrawn);
  const hasStatus = events.some((event) =>
    event.kind === 'update' ? statusSetBy(event.update) !== undefined : event.decision.outcome === 'approved',
  );
  return hasLatest && hasStatus;
}

export function sameSummary(direction: Direction, next: SummaryWrite): boolean {
  return (
    direction.status === next.status &&
    direction.statusEvent === next.statusEvent &&
    JSON.stringify(direction.latestUpdate ?? null) === JSON.stringify(next.latestUpdate ?? null) &&
    JSON.stringify(direction.bodies ?? null) === JSON.stringify(next.bodies ?? direction.bodies ?? null)
  );
}

function identity(event: HistoryEvent): string {
  return event.kind === 'update' ? `U${event.update.id}` : `D${event.decision.updateId}`;
}
