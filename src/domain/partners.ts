import type { BodyStandings, DirectionStatus, Recipient } from './direction';
import type { Ijb } from './ijb';

export { type BodyStanding, BodyStandingSchema, type BodyStandings, BodyStandingsSchema } from './direction';

/**
 * Accountability per partner: a direction issued to the health board and the council is
 * answered by each. An update is made on behalf of one body (or, for updates made before
 * bodies were recorded, for the whole direction: it counts for every body).
 */

/**
 * How a board reads a direction two partners answer differently, worst first: a partner off
 * track or at risk is the board's first concern; a partner obliged to report who has not is
 * a concern before one who says plainly it has not started; on track only when every partner
 * is; achieved (or retired) only when every partner has signed off. The direction's status is
 * the worst of its bodies' until they agree.
 */
export const STATUS_SEVERITY: readonly DirectionStatus[] = [
  'off-track',
  'at-risk',
  'not-reported',
  'not-started',
  'on-track',
  'achieved',
  'retired',
];

export function worseOf(a: DirectionStatus, b: DirectionStatus): DirectionStatus {
  return STATUS_SEVERITY.indexOf(a) <= STATUS_SEVERITY.indexOf(b) ? a : b;
}

/** The status of each recipient body, 'not-reported' for a body with no status yet. */
export function statusByBody(
  recipients: readonly Recipient[],
  bodies: BodyStandings | undefined,
): Array<{ body: Recipient; status: DirectionStatus }> {
  return recipients.map((body) => ({ body, status: bodies?.[body]?.status ?? 'not-reported' }));
}

/** The direction's status from its bodies': the worst, which is every body's when they agree. */
export function overallStatus(
  recipients: readonly Recipient[],
  bodies: BodyStandings | undefined,
): DirectionStatus {
  return statusByBody(recipients, bodies)
    .map((entry) => entry.status)
    .reduce(worseOf, 'retired');
}

/** Whether the bodies of a direction stand differently (so every surface shows each). */
export function bodiesDiffer(recipients: readonly Recipient[], bodies: BodyStandings | undefined): boolean {
  if (!bodies || recipients.length < 2) return false;
  return new Set(statusByBody(recipients, bodies).map((entry) => entry.status)).size > 1;
}

/**
 * The body an update is made for: the one asked for, else the one the person leads for, else
 * the only recipient. Undefined when it cannot be known (the surface then asks, or the update
 * counts for the whole direction).
 */
export function bodyFor(
  direction: { issuedTo: readonly Recipient[]; leadBodies?: Partial<Record<string, Recipient>> | undefined },
  userId: string,
  asked?: Recipient,
): Recipient | undefined {
  if (asked && direction.issuedTo.includes(asked)) return asked;
  const led = direction.leadBodies?.[userId];
  if (led && direction.issuedTo.includes(led)) return led;
  return direction.issuedTo.length === 1 ? direction.issuedTo[0] : undefined;
}

/** Whether a surface must ask "On behalf of" before saving: two bodies and none known. */
export function mustAskBody(
  direction: { issuedTo: readonly Recipient[]; leadBodies?: Partial<Record<string, Recipient>> | undefined },
  userId: string,
): boolean {
  return direction.issuedTo.length > 1 && bodyFor(direction, userId) === undefined;
}

/** A body as people name it: "NHS Lothian", "Midlothian Council", "the health board", "council". */
export function recipientFromWords(
  ijb: Pick<Ijb, 'healthBoard' | 'council' | 'councils'>,
  words: string,
): Recipient | undefined {
  const said = normal(words);
  if (!said) return undefined;
  const councils = [ijb.council, ...(ijb.councils ?? [])].map(normal);
  if (said === normal(ijb.healthBoard) || /^(the )?(nhs|health ?board|health|board)$/.test(said))
    return 'health-board';
  if (councils.includes(said) || /^(the )?(council|local authority)$/.test(said)) return 'council';
  return undefined;
}

function normal(words: string): string {
  return words
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The bodies that have reported since `since` (a review round's opening). An update for the
 * whole direction (older ones) counts for every body; a direction kept as a whole counts its
 * latest update for all its recipients.
 */
export function bodiesReturnedSince(
  direction: {
    issuedTo: readonly Recipient[];
    bodies?: BodyStandings | undefined;
    latestUpdate?: { at: string } | undefined;
  },
  since: string,
): Recipient[] {
  if (!direction.bodies)
    return direction.latestUpdate && direction.latestUpdate.at >= since ? [...direction.issuedTo] : [];
  const bodies = direction.bodies;
  return direction.issuedTo.filter((body) => (bodies[body]?.lastUpdateAt ?? bodies[body]?.at ?? '') >= since);
}
