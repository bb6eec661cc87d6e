import type { Direction } from '../domain/direction';
import { type Ijb, recipientName } from '../domain/ijb';
import { bodiesDiffer, STATUS_SEVERITY, statusByBody } from '../domain/partners';
import { statusWords } from './outcome-words';

/**
 * The board paper per partner (docs/data-model.md, "Accountability per partner"). Where the
 * bodies differ the outcome cell names both, the worse first (so the chart and summary, which
 * read the first words, count the worse): "At risk (NHS Lothian); In Process (Midlothian Council)".
 * A board decision or a lifecycle (achieved, replaced…) speaks for the direction as a whole.
 */
export function partnerOutcome(ijb: Ijb, direction: Direction): string | undefined {
  const lifecycle = direction.lifecycle;
  if (lifecycle && (lifecycle.outcome || lifecycle.state !== 'in-force')) return undefined;
  if (!bodiesDiffer(direction.issuedTo, direction.bodies)) return undefined;
  return statusByBody(direction.issuedTo, direction.bodies)
    .sort((a, b) => STATUS_SEVERITY.indexOf(a.status) - STATUS_SEVERITY.indexOf(b.status))
    .map((entry) => `${statusWords(entry.status)} (${recipientName(ijb, entry.body)})`)
    .join('; ');
}

/** Each body's outcome in the board's words, for the CSV and JSON; empty for a direction kept whole. */
export function perBody(direction: Direction): { healthBoardOutcome: string; councilOutcome: string } {
  const tracked = direction.issuedTo.length > 1 && direction.bodies !== undefined;
  const of = (body: 'health-board' | 'council') =>
    tracked && direction.issuedTo.includes(body)
      ? statusWords(direction.bodies?.[body]?.status ?? 'not-reported')
      : '';
  return { healthBoardOutcome: of('health-board'), councilOutcome: of('council') };
}

/** The partner the latest update speaks for: its own body, the only recipient, or none said. */
export function updateBodyOf(ijb: Ijb, direction: Direction): string {
  const body =
    direction.latestUpdate?.body ?? (direction.issuedTo.length === 1 ? direction.issuedTo[0] : undefined);
  if (body) return recipientName(ijb, body);
  return direction.bodies ? 'Whole direction' : '';
}
