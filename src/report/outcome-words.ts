import type { Direction, DirectionLink, DirectionStatus, Lifecycle } from '../domain/direction';
import type { DirectionOutcome } from '../domain/outcome';

/**
 * A direction's outcome in the words the board's tables use (seed 003, Table 1): what the
 * board decided when a later paper's outcome table says, else its lifecycle, else the
 * progress its lead reports.
 */
export function boardOutcome(
  direction: Pick<Direction, 'status'> & Partial<Pick<Direction, 'lifecycle' | 'supersededBy'>>,
  recorded?: DirectionOutcome,
): string {
  const decided = recorded?.lifecycle.outcome ?? direction.lifecycle?.outcome;
  if (decided) return decided;
  const lifecycle = recorded?.lifecycle ?? direction.lifecycle;
  const links = recorded?.supersededBy.length ? recorded.supersededBy : (direction.supersededBy ?? []);
  const fromLifecycle = lifecycle ? lifecycleWords(lifecycle, links) : undefined;
  return fromLifecycle ?? STATUS_WORDS[direction.status];
}

function lifecycleWords(lifecycle: Lifecycle, links: readonly DirectionLink[]): string | undefined {
  switch (lifecycle.state) {
    case 'in-force':
      return undefined;
    case 'varied':
      return 'In Process (revised)';
    case 'revoked':
      return 'No longer relevant';
    case 'superseded':
      return links.length
        ? `Replaced with related Direction ${links.map((link) => link.ref).join(', ')}`
        : 'Replaced';
    case 'retired':
      return 'Retired';
    case 'achieved':
      return 'Achieved';
  }
}

/** A progress status in the board's words. */
export function statusWords(status: DirectionStatus): string {
  return STATUS_WORDS[status];
}

const STATUS_WORDS: Record<DirectionStatus, string> = {
  'not-reported': 'No update yet',
  'not-started': 'Not started',
  'on-track': 'In Process',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  achieved: 'Achieved',
  retired: 'Retired',
};

/** The few families the chart colours and the summary counts by, so its legend stays short. */
export const OUTCOME_FAMILIES = [
  'Achieved',
  'In process',
  'At risk',
  'Off track',
  'Not started or no update',
  'Retired, replaced or no longer relevant',
] as const;
export type OutcomeFamily = (typeof OUTCOME_FAMILIES)[number];

export function familyOf(outcome: string): OutcomeFamily {
  const words = outcome.toLowerCase();
  if (words.startsWith('achieved')) return 'Achieved';
  if (words.startsWith('in process')) return 'In process';
  if (words.startsWith('at risk')) return 'At risk';
  if (words.startsWith('off track')) return 'Off track';
  if (words.startsWith('not started') || words.startsWith('no update')) return 'Not started or no update';
  return 'Retired, replaced or no longer relevant';
}
