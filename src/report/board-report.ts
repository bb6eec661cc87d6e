import type { WorkingCalendar } from '../domain/calendar';
import type { Direction } from '../domain/direction';
import type { Ijb } from '../domain/ijb';
import { type LocalDate, MONTH_NAMES } from '../domain/local-date';
import type { DirectionOutcome } from '../domain/outcome';
import type { PlanYear } from '../domain/plan-year';
import { familyOf, OUTCOME_FAMILIES, type OutcomeFamily } from './outcome-words';
import { buildRows, type ReportRow } from './rows';

/** What the figures stand on: the register as it is on a day, or a review round. */
export type ReportBasis =
  | { kind: 'register'; asOf: LocalDate }
  | { kind: 'round'; name: string; state: 'open' | 'closed'; closes: LocalDate; closedAt?: string };

/** The board paper as a surface-neutral view: every format renders this and nothing else. */
export interface BoardReport {
  ijb: { id: string; name: string; shortName: string; healthBoard: string; council: string };
  planYear: PlanYear;
  basis: ReportBasis;
  /** From the injected clock: the only date in a report that is not the register's. */
  generatedOn: LocalDate;
  summary: ReportSummary;
  rows: ReportRow[];
}

export interface ReportSummary {
  directions: number;
  /** Count per outcome as the board words it, achieved first, as the board reads them. */
  byOutcome: { outcome: string; count: number }[];
  /** Count per theme and outcome family: the chart. */
  byTheme: { theme: string; counts: Record<OutcomeFamily, number> }[];
  overdue: number;
  /** Directions with no update at all (no round) or none since the round opened. */
  noReturn: number;
  /** Directions whose latest update was signed off by an admin (Achieved or Retire decided). */
  signedOff: number;
}

export interface ReportInput {
  ijb: Ijb;
  planYear: PlanYear;
  basis: ReportBasis;
  generatedOn: LocalDate;
  directions: readonly Direction[];
  outcomes: readonly DirectionOutcome[];
  calendar: WorkingCalendar;
  /** Updates made on or after this instant count as returns (a round's opening). */
  returnsSince?: string;
  leadName?: (id: string) => string;
}

export function composeBoardReport(input: ReportInput): BoardReport {
  const today = input.basis.kind === 'register' ? input.basis.asOf : input.basis.closes;
  const rows = buildRows({
    ijb: input.ijb,
    directions: input.directions,
    outcomes: input.outcomes,
    today,
    calendar: input.calendar,
    ...(input.leadName ? { leadName: input.leadName } : {}),
  });
  const returned = (direction: Direction) =>
    direction.latestUpdate !== undefined &&
    (input.returnsSince === undefined || direction.latestUpdate.at >= input.returnsSince);
  const { id, name, shortName, healthBoard, council } = input.ijb;
  return {
    ijb: { id, name, shortName, healthBoard, council },
    planYear: input.planYear,
    basis: input.basis,
    generatedOn: input.generatedOn,
    rows,
    summary: {
      directions: rows.length,
      byOutcome: countByOutcome(rows),
      byTheme: countByTheme(rows),
      overdue: rows.filter((row) => row.overdue === 'Yes').length,
      noReturn: input.directions.filter((direction) => !returned(direction)).length,
      signedOff: input.directions.filter(
        (direction) => returned(direction) && direction.latestUpdate?.signOff === 'approved',
      ).length,
    },
  };
}

function countByOutcome(rows: readonly ReportRow[]): ReportSummary['byOutcome'] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.outcome, (counts.get(row.outcome) ?? 0) + 1);
  // Achieved first, then in process, at risk, off track…: the order the board reads them in.
  const rank = (outcome: string) => OUTCOME_FAMILIES.indexOf(familyOf(outcome));
  return [...counts]
    .map(([outcome, count], met) => ({ outcome, count, met }))
    .sort((a, b) => rank(a.outcome) - rank(b.outcome) || a.met - b.met)
    .map(({ outcome, count }) => ({ outcome, count }));
}

function countByTheme(rows: readonly ReportRow[]): ReportSummary['byTheme'] {
  const themes = new Map<string, Record<OutcomeFamily, number>>();
  for (const row of rows) {
    let counts = themes.get(row.theme);
    if (!counts) {
      counts = Object.fromEntries(OUTCOME_FAMILIES.map((family) => [family, 0])) as Record<
        OutcomeFamily,
        number
      >;
      themes.set(row.theme, counts);
    }
    counts[familyOf(row.outcome)] += 1;
  }
  return [...themes].map(([theme, counts]) => ({ theme, counts }));
}

/** "the register as it stands on 1 December 2026" / "2023-24 mid-year review — DRAFT: …". */
export function basisText(basis: ReportBasis): string {
  if (basis.kind === 'register') return `The register as it stands on ${longDay(basis.asOf)}`;
  return basis.state === 'open'
    ? `${basis.name} review — DRAFT: the round is open until ${longDay(basis.closes)}`
    : `${basis.name} review, closed ${longDay(basis.closes)}`;
}

/** "20 May 2024": short enough for a table cell. */
export function shortDay(day: LocalDate): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${date} ${MONTH_NAMES[month - 1]?.slice(0, 3)} ${year}`;
}

/** "31 October 2019", as the board's papers date things. */
export function longDay(day: LocalDate): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${date} ${MONTH_NAMES[month - 1]} ${year}`;
}
